export * from './events';
export * from './executions';
export * from './node-completion';
export * from './node-executions';
export * from './tokens';
export * from './workflows';
