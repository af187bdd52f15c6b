import type { ExecutionStatus, NodeStatus } from '@trellis/core/pure';

/** Statuses an execution and a node can have: the platform's own lists (packages/core), not a copy. */
export type { ExecutionStatus, NodeStatus };

export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['completed', 'failed', 'stopped', 'cancelled', 'terminated', 'timed_out']);

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Execution {
  id: string;
  workflow_id: string;
  workflow_version: number;
  workflow_name: string;
  temporal_workflow_id: string;
  temporal_run_id: string | null;
  status: ExecutionStatus;
  mode: 'sync' | 'stream' | 'async';
  is_test: boolean;
  input_data: unknown;
  output_data: unknown;
  error: { code: string; message: string; node_id?: string; details?: unknown } | null;
  usage: Usage | null;
  current_nodes: string[];
  progress: number;
  message: string | null;
  debug_url: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface Workflow {
  id: string;
  name: string;
  description: string | null;
  version: number;
  definition: unknown;
  created_at: string;
  updated_at: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

/**
 * A page of executions. Follow `next_cursor` (null on the last page) for the next one: as fast at any
 * depth as the first. `total` is exact unless `total_exact` is false (a status or time filter matched
 * more than 10,000 executions; then it is an estimate). `page` is null when the page was asked for by cursor.
 */
export interface ExecutionPage extends Omit<Page<Execution>, 'page'> {
  page: number | null;
  total_exact: boolean;
  has_more: boolean;
  next_cursor: string | null;
}

export interface NodeRecord {
  node_id: string;
  node_type: string;
  status: NodeStatus;
  attempts: number;
  input: unknown;
  output: unknown;
  error: Execution['error'];
  usage: Usage | null;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
}

/** A stored execution event as WebSocket listeners receive it; seq is gapless per execution. */
export interface ExecutionEvent {
  type: string;
  execution_id: string;
  seq: number;
  status?: ExecutionStatus;
  node_id?: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  timestamp: string;
  data?: unknown;
}

export interface StartExecutionParams {
  workflow_id: string;
  input_data?: unknown;
  execution_id?: string;
  mode?: 'async' | 'sync';
  variables?: Record<string, unknown>;
  timeout_ms?: number;
  /** Sent as the Idempotency-Key header. */
  idempotencyKey?: string;
}

export interface ListExecutionsParams {
  workflow_id?: string;
  status?: ExecutionStatus | ExecutionStatus[];
  created_after?: string;
  created_before?: string;
  /** Page number from 1 (OFFSET: slower the deeper it goes); not together with `cursor`. */
  page?: number;
  /** A previous page's `next_cursor`, with the same filters. */
  cursor?: string;
  size?: number;
  include_test?: boolean;
}

/** `GET /executions/:id`: the execution with a summary of each node that has a record. */
export interface ExecutionDetail extends Execution {
  nodes: Array<Pick<NodeRecord, 'node_id' | 'node_type' | 'status' | 'duration_ms' | 'usage'>>;
}

/** The answer of `POST /executions/:id/{pause,resume,stop,cancel}`. */
export interface ControlResult extends Execution {
  message: string;
}

/** One entry of `GET /executions/:id/history`: platform events merged with the Temporal history. */
export interface TimelineItem {
  timestamp: string;
  source: 'platform' | 'temporal';
  event: string;
  status?: string;
  node_id?: string;
  message: string;
  data?: unknown;
}

/** One entry of `GET /executions/:id/logs` (seed 003). */
export interface LogEntry {
  seq: number;
  timestamp: string;
  level: ExecutionEvent['level'];
  message: string;
  node_id: string | null;
  event: string;
  data: unknown;
}

/** A live LLM token delta on `/ws/:id` (no seq, not replayed): order by `index` within a node `attempt`. */
export interface TokenMessage {
  type: 'node.token';
  execution_id: string;
  node_id: string;
  attempt: number;
  index: number;
  delta: string;
}

/** The API's error body: `{error: {code, message, details?}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** One node of a test-session turn (seed 004's NodeDetail): input and output as text. */
export interface TestNodeDetail {
  nodeId: string;
  nodeType: string;
  input: string | null;
  output: string | null;
  durationMs: number;
  success: boolean;
  error?: string;
}

/** A message of a test session; `meta` only on assistant replies. */
export interface TestMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  timestamp: string;
  meta: {
    success: boolean;
    durationMs: number;
    errorMessage: string | null;
    needHumanTransfer: boolean;
    nodeDetails: TestNodeDetail[];
    executionId: string;
  } | null;
}

/** Seed 004's WorkflowTestSessionDto, plus `variables` and `expiresAt` (docs/test-sessions.md). */
export interface TestSession {
  testSessionId: string;
  workflowId: string;
  workflowName: string;
  messages: TestMessage[];
  variables: Record<string, unknown>;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
}

/** Test-session routes answer errors in seed 004's shape, with a stable code. */
export interface TestSessionErrorBody {
  status: number;
  error: string;
  message: string;
  code: string;
}
