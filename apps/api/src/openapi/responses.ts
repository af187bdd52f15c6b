import { z } from 'zod';
import { EXECUTION_STATUSES, NODE_STATUSES } from '@trellis/definition';

const EVENT_LEVELS = ['info', 'warning', 'error'] as const;

// Response shapes: the OpenAPI document is built from them, the DTO builders are typed by them, and
// packages/client takes its types from them (z.infer), so each wire shape is written once.

/** The API's one error body. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED, RATE_LIMITED'),
      message: z.string(),
      details: z.unknown().optional().describe('for VALIDATION_FAILED: every problem, each with its path and message'),
    }),
  })
  .meta({ id: 'Error' });

export const Usage = z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).meta({ id: 'Usage' });
export const StoredError = z
  .object({ code: z.string(), message: z.string(), node_id: z.string().optional(), details: z.unknown().optional() })
  .meta({ id: 'StoredError' });
const Timestamp = z.string().describe('ISO 8601');

export const Execution = z
  .object({
    id: z.string(),
    workflow_id: z.string(),
    workflow_version: z.number().int(),
    workflow_name: z.string(),
    temporal_workflow_id: z.string(),
    temporal_run_id: z.string().nullable(),
    status: z.enum(EXECUTION_STATUSES),
    mode: z.enum(['sync', 'stream', 'async']),
    is_test: z.boolean(),
    input_data: z.unknown(),
    output_data: z.unknown(),
    error: StoredError.nullable(),
    usage: Usage.nullable(),
    current_nodes: z.array(z.string()),
    progress: z.number().min(0).max(1),
    message: z.string().nullable(),
    debug_url: z.string().describe('the run in the Temporal Web UI'),
    created_at: Timestamp,
    updated_at: Timestamp,
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
    rerun_of: z.string().nullable().describe('the execution this one re-ran'),
    rerun_from_node: z.string().nullable().describe('the node it re-ran from (`failed`: the failed nodes); null: the whole run'),
  })
  .meta({ id: 'Execution' });

export const ExecutionDetail = Execution.extend({
  nodes: z.array(
    z.object({
      node_id: z.string(),
      node_type: z.string(),
      status: z.enum(NODE_STATUSES),
      duration_ms: z.number().nullable(),
      usage: Usage.nullable(),
    }),
  ),
}).meta({ id: 'ExecutionDetail' });

/** What a pause, resume, stop or cancel answers: the execution after it, with what happened. */
export const ControlResponse = Execution.extend({ message: z.string() }).meta({ id: 'ControlResult' });

/** An open wait of a human node, as /status shows it. */
export const OpenWait = z.object({
  node_id: z.string(),
  prompt: z.string(),
  form: z.unknown().describe('JSON Schema of the expected answer'),
  assignees: z.array(z.string()),
  expires_at: Timestamp,
});

export const ExecutionStatusResponse = z
  .object({
    execution_id: z.string(),
    status: z.enum(EXECUTION_STATUSES),
    current_node: z.string().nullable(),
    current_nodes: z.array(z.string()),
    progress: z.number(),
    completed: z.number().int(),
    total: z.number().int(),
    message: z.string().nullable(),
    waits: z.array(OpenWait).describe('open waits of human nodes (empty unless waiting or paused)'),
  })
  .meta({ id: 'ExecutionStatus' });

export const NodeRecord = z
  .object({
    node_id: z.string(),
    node_type: z.string(),
    status: z.enum(NODE_STATUSES),
    attempts: z.number().int(),
    input: z.unknown(),
    output: z.unknown(),
    error: StoredError.nullable(),
    usage: Usage.nullable(),
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
    duration_ms: z.number().nullable(),
    answered_by: z.string().nullable().describe('who answered a human node'),
    answered_at: Timestamp.nullable(),
    reused: z.boolean().describe("true when a re-run took this node's result from the run it re-ran"),
  })
  .meta({ id: 'NodeRecord' });

export const NodesResponse = z.object({ items: z.array(NodeRecord) });

/** One entry of `GET /executions/{id}/logs`: a stored event (the /execute compatibility API's log shape). */
export const LogEntry = z
  .object({
    seq: z.number().int(),
    timestamp: Timestamp,
    level: z.enum(EVENT_LEVELS),
    message: z.string(),
    node_id: z.string().nullable(),
    event: z.string(),
    data: z.unknown(),
  })
  .meta({ id: 'LogEntry' });

export const LogsResponse = z.object({ execution_id: z.string(), logs: z.array(LogEntry) });

export const Workflow = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    version: z.number().int(),
    definition: z.unknown().describe('the graph; see the WorkflowDefinition schema'),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Workflow' });

/** The paged list shape of every list endpoint. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), size: z.number().int(), pages: z.number().int() });

export const WorkflowPage = pageOf(Workflow).meta({ id: 'WorkflowPage' });

/** The keyset fields of the executions list and the Coze-compatible run history. */
export const KeysetPaging = {
  total_exact: z.boolean().describe('false when total is an estimate: a status or time filter matched more than 10,000 executions'),
  has_more: z.boolean().describe('exact: whether another page follows'),
  next_cursor: z.string().nullable().describe('pass as ?cursor= for the next page (fast at any depth); null on the last page'),
};

/** GET /executions: the paged list shape plus the cursor of the next page; `page` is null when asked for by cursor. */
export const ExecutionPage = pageOf(Execution)
  .extend({ page: z.number().int().nullable(), ...KeysetPaging })
  .meta({ id: 'ExecutionPage' });

/** One entry of `GET /executions/{id}/history`: a platform event or a Temporal history event. */
export const TimelineItem = z
  .object({
    timestamp: Timestamp,
    source: z.enum(['platform', 'temporal']),
    event: z.string(),
    status: z.string().optional(),
    node_id: z.string().optional(),
    message: z.string(),
    data: z.unknown().optional(),
  })
  .meta({ id: 'TimelineItem' });

export const TimelineResponse = z.object({ items: z.array(TimelineItem) });

export const Health = z.object({ status: z.literal('ok') });
export const Readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ postgres: z.boolean(), temporal: z.boolean() }),
});
