// The worker's workflowsPath: every workflow type Trellis registers, and nothing else.
export { graphWorkflow } from './graph-workflow';
export { testSessionWorkflow } from './test-session-workflow';
export { bulkActionWorkflow } from './bulk-workflow';
