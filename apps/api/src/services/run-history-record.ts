import type { ExecutionStatus } from '@trellis/definition';
import { temporalWorkflowIdOf, type Execution, type NodeExecution, type RunMode } from '@trellis/db';
import { debugUrl } from './execution-dto';

/** The four statuses of a Coze-compatible run history record. */
export type ExecuteStatus = 'running' | 'success' | 'failed' | 'interrupted';

const EXECUTE_STATUS: Record<ExecutionStatus, ExecuteStatus> = {
  pending: 'running',
  running: 'running',
  waiting: 'running',
  paused: 'running',
  completed: 'success',
  failed: 'failed',
  terminated: 'failed',
  timed_out: 'failed',
  stopped: 'interrupted',
  cancelled: 'interrupted',
};

/** Coze's run modes: 0 sync, 1 stream, 2 async. */
const RUN_MODE: Record<RunMode, 0 | 1 | 2> = { sync: 0, stream: 1, async: 2 };

/** An execution as a Coze-compatible run history record (times in Unix ms). */
export function toHistoryRecord(row: Execution, links: { temporalUiUrl: string; namespace: string }) {
  return {
    execute_id: row.id,
    workflow_id: row.workflowId,
    workflow_name: row.workflowName,
    workflow_version: row.workflowVersion,
    create_time: row.createdAt.getTime(),
    update_time: row.updatedAt.getTime(),
    execute_status: EXECUTE_STATUS[row.status],
    status: row.status,
    error_code: row.error?.code ?? null,
    error_message: row.error?.message ?? null,
    output: row.outputData,
    is_output_trimmed: false,
    input_parameters: row.inputData,
    debug_url: debugUrl(links.temporalUiUrl, links.namespace, temporalWorkflowIdOf(row), row.temporalRunId),
    run_mode: RUN_MODE[row.mode],
    usage: row.usage,
  };
}

/** node_id → the node's status, timing and error, for a record's detail. */
export function toNodeExecuteStatus(nodes: NodeExecution[]) {
  return Object.fromEntries(
    nodes.map((n) => [
      n.nodeId,
      {
        node_type: n.nodeType,
        status: n.status,
        duration_ms: n.durationMs,
        attempts: n.attempt,
        start_time: n.startedAt?.getTime() ?? null,
        end_time: n.finishedAt?.getTime() ?? null,
        usage: n.usage,
        error_message: n.error?.message ?? null,
      },
    ]),
  );
}
