export * from './workflows';
export * from './executions';
export * from './node-executions';
export * from './execution-events';
export * from './rate-limits';
export * from './leases';
export * from './human-waits';
