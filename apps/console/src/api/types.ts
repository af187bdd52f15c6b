// The API's wire types: from the API's shared types (packages/client, checked against the API's own schemas by
// test/client-wire-types.typecheck.ts) and the definition types (packages/definition). Never copied here.
export type {
  ApiErrorBody,
  ControlResult,
  Execution,
  ExecutionDetail,
  ExecutionEvent,
  ExecutionPage,
  ExecutionStatus,
  ListExecutionsParams,
  LogEntry,
  NodeRecord,
  NodeStatus,
  Page,
  StartExecutionParams,
  TestMessage,
  TestNodeDetail,
  TestSession,
  TestSessionErrorBody,
  TimelineItem,
  TokenMessage,
  Usage,
  Workflow,
} from '@trellis/client/src/types';
export type { ControlAction, EdgeDefinition, NodeDefinition, NodeType, WorkflowDefinition } from '@trellis/definition/pure';
export type { DefinitionProblem } from '@trellis/definition/src/validate';
