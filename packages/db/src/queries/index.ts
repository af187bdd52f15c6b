export * from './events';
export * from './executions';
export * from './node-executions';
export * from './tokens';
export * from './workflows';
