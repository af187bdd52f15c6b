export * from './search-attributes';
export * from './definitions';
export * from './activity-types';
export { GraphState } from './graph-state';
export type { graphWorkflow } from './graph-workflow';
export * from './test-session-definitions';
export type { testSessionWorkflow, TestSessionEnd } from './test-session-workflow';
export { runOutput } from './run-output';
export { CONTROL_LIMIT, MAX_PAUSES_PER_RUN } from './control-limits';
