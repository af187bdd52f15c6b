import { z } from 'zod';
import { EXECUTION_STATUSES } from '@trellis/definition';
import { KeysetPaging, Usage } from './responses';

/** One record of the Coze-compatible run history of a workflow (times in Unix ms). */
export const RunHistoryRecord = z
  .object({
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
  })
  .meta({ id: 'RunHistoryRecord' });

/** GET /workflows/{id}/history. */
export const RunHistoryPage = z
  .object({ success: z.literal(true), histories: z.array(RunHistoryRecord), total: z.number().int(), ...KeysetPaging })
  .meta({ id: 'RunHistoryPage' });

const NodeExecuteStatus = z.object({
  node_type: z.string(),
  status: z.string(),
  duration_ms: z.number().nullable(),
  attempts: z.number().int(),
  start_time: z.number().int().nullable(),
  end_time: z.number().int().nullable(),
  usage: Usage.nullable(),
  error_message: z.string().nullable(),
});

/** GET /workflows/{id}/history/{execute_id}: one record with each node's status by node id. */
export const RunHistoryDetail = z
  .object({
    success: z.literal(true),
    execution: RunHistoryRecord.extend({ node_execute_status: z.record(z.string(), NodeExecuteStatus) }),
  })
  .meta({ id: 'RunHistoryDetail' });

/** DELETE answers: how many run records were deleted. */
export const RunHistoryDeleted = z.object({ success: z.literal(true), deleted: z.number().int() }).meta({ id: 'RunHistoryDeleted' });
