import type { components, operations } from './generated/openapi';

// Every wire type here is the OpenAPI document's (generated into ./generated/openapi.ts); only names are given.
type Schemas = components['schemas'];
type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type Execution = Schemas['Execution'];
export type ExecutionStatus = Execution['status'];
export type ExecutionDetail = Schemas['ExecutionDetail'];
export type ExecutionPage = Schemas['ExecutionPage'];
export type ControlResult = Schemas['ControlResult'];
export type NodeRecord = Schemas['NodeRecord'];
export type NodeStatus = NodeRecord['status'];
export type Usage = Schemas['Usage'];
export type LogEntry = Schemas['LogEntry'];
export type TimelineItem = Schemas['TimelineItem'];
export type Workflow = Schemas['Workflow'];
export type Page<T> = Omit<Schemas['WorkflowPage'], 'items'> & { items: T[] };
/** A stored execution event as WebSocket and Server-Sent Events listeners receive it; seq is gapless per execution. */
export type ExecutionEvent = Schemas['ExecutionEvent'];
/** A live LLM token delta on `/ws/:id` (no seq, not replayed): order by `index` within a node `attempt`. */
export type TokenMessage = Schemas['TokenMessage'];
/** The API's error body: `{error: {code, message, details?}}`. */
export type ApiErrorBody = Schemas['Error'];
export type TestNodeDetail = Schemas['TestNodeDetail'];
export type TestMessage = Schemas['TestMessage'];
export type TestSession = Schemas['TestSession'];
/** Test-session routes answer their 4xx in this shape, with a stable code. */
export type TestSessionErrorBody = Schemas['TestSessionError'];

export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set([
  'completed',
  'failed',
  'stopped',
  'cancelled',
  'terminated',
  'timed_out',
]);

/** `POST /workflows`; the definition is checked by the server, so any value may be sent. */
export type CreateWorkflowParams = Omit<JsonBody<'createWorkflow'>, 'definition'> & { definition: unknown };
/** `PUT /workflows/:id`: at least one field. */
export type UpdateWorkflowParams = Omit<JsonBody<'updateWorkflow'>, 'definition'> & { definition?: unknown };

/** `POST /executions` in async or sync mode (follow a run's events with `executions.follow`). */
export type StartExecutionParams = Omit<JsonBody<'startExecution'>, 'mode'> & {
  mode?: 'async' | 'sync';
  /** Sent as the Idempotency-Key header. */
  idempotencyKey?: string;
};

/** `GET /executions`, with statuses as a list and include_test as a boolean (the client writes the query text). */
export type ListExecutionsParams = Omit<Query<'listExecutions'>, 'status' | 'include_test'> & {
  status?: ExecutionStatus | ExecutionStatus[];
  include_test?: boolean;
};
