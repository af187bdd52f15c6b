export { describeStatusChange, statusesLeadingTo, type ExecutionPatch, type StatusChange, type StatusChangeParams } from './status-change';
export { recordExecutionTransition } from './record-status-change';
