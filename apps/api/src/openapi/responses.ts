import { z } from 'zod';
import { EXECUTION_STATUSES, NODE_STATUSES } from '@trellis/core';

// Response shapes, used for the OpenAPI document and checked against real responses in tests.

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const Usage = z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() });
const StoredError = z.object({ code: z.string(), message: z.string(), node_id: z.string().optional(), details: z.unknown().optional() });
const Timestamp = z.string().describe('ISO 8601');

export const Execution = z.object({
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
});

export const ExecutionDetail = Execution.extend({
  nodes: z.array(
    z.object({ node_id: z.string(), node_type: z.string(), status: z.enum(NODE_STATUSES), duration_ms: z.number().nullable(), usage: Usage.nullable() }),
  ),
});

export const ControlResponse = Execution.extend({ message: z.string() });

export const ExecutionStatusResponse = z.object({
  execution_id: z.string(),
  status: z.enum(EXECUTION_STATUSES),
  current_node: z.string().nullable(),
  current_nodes: z.array(z.string()),
  progress: z.number(),
  completed: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
});

export const NodesResponse = z.object({
  items: z.array(
    z.object({
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
    }),
  ),
});

export const LogsResponse = z.object({
  execution_id: z.string(),
  logs: z.array(
    z.object({
      seq: z.number().int(),
      timestamp: Timestamp,
      level: z.enum(['info', 'warning', 'error']),
      message: z.string(),
      node_id: z.string().nullable(),
      event: z.string(),
      data: z.unknown(),
    }),
  ),
});

export const Workflow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  definition: z.unknown().describe('see docs/definition.schema.json'),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** The paged list shape of every list endpoint. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), size: z.number().int(), pages: z.number().int() });

const KeysetPaging = {
  total_exact: z.boolean().describe('false when total is an estimate: a status or time filter matched more than 10,000 executions'),
  has_more: z.boolean().describe('exact: whether another page follows'),
  next_cursor: z.string().nullable().describe('pass as ?cursor= for the next page (fast at any depth); null on the last page'),
};

/** GET /executions: the paged list shape plus the cursor of the next page; `page` is null when asked for by cursor. */
export const ExecutionPage = pageOf(Execution).extend({ page: z.number().int().nullable(), ...KeysetPaging });

/** One record of the per-workflow history (seeds 000/001; times in Unix ms). */
const HistoryRecord = z.object({
  execute_id: z.string(),
  workflow_id: z.string(),
  workflow_name: z.string(),
  workflow_version: z.number().int(),
  create_time: z.number().int(),
  update_time: z.number().int(),
  execute_status: z.enum(['running', 'success', 'failed', 'interrupted']),
  status: z.enum(EXECUTION_STATUSES),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  output: z.unknown(),
  is_output_trimmed: z.boolean(),
  input_parameters: z.unknown(),
  debug_url: z.string(),
  run_mode: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe('0 sync, 1 stream, 2 async'),
  usage: Usage.nullable(),
});

/** GET /workflows/{id}/history. */
export const HistoryPage = z.object({ success: z.literal(true), histories: z.array(HistoryRecord), total: z.number().int(), ...KeysetPaging });

export const TimelineResponse = z.object({
  items: z.array(
    z.object({
      timestamp: Timestamp,
      source: z.enum(['platform', 'temporal']),
      event: z.string(),
      status: z.string().optional(),
      node_id: z.string().optional(),
      message: z.string(),
      data: z.unknown().optional(),
    }),
  ),
});
