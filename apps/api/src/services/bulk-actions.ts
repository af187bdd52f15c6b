import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ExecutionStatus } from '@trellis/definition';
import { selectOwnedExecutionIds } from '@trellis/db';
import { bulkProgressQuery, type BulkActionName, type bulkActionWorkflow, type BulkProgress } from '@trellis/workflows';
import { apiActivityQueueOf } from '../api-activity-worker';
import { notFound, validationFailed } from '../errors';
import type { ApiDeps } from '../deps';
import { withTemporalDeadline } from './temporal-deadline';

/** Most executions one bulk request may cover: more matching ones are refused (422), so narrow the filter. */
export const MAX_BULK_EXECUTIONS = 1_000;

export interface BulkRequest {
  action: BulkActionName;
  ids?: string[];
  filter?: { status?: ExecutionStatus[]; workflow_id?: string; created_after?: Date; created_before?: Date; is_test?: boolean };
  /** Re-run only: as for POST /executions/{id}/rerun. */
  from_node?: string;
  workflow_version?: number | 'latest';
}

const BULK_ID = /^bulk_[0-9a-f]{16}$/;

/** The bulk action's Temporal workflow id: the owner is part of it, so another user's bulk id names no workflow. */
const bulkWorkflowId = (ownerId: string, bulkId: string) => `bulk:${ownerId}:${bulkId}`;

/** Executions one write token pays for: a bulk action costs one write per batch it runs, however it was asked for. */
const EXECUTIONS_PER_WRITE = 20;

/** The write tokens a bulk action over `total` executions costs (at least one, the request's own). */
export const bulkWriteCost = (total: number) => Math.max(1, Math.ceil(total / EXECUTIONS_PER_WRITE));

/** The caller's executions a bulk request covers: the given ids that are theirs, or those matching the filter (422 past the cap). */
export async function selectBulkExecutions(deps: ApiDeps, ownerId: string, request: BulkRequest): Promise<string[]> {
  if (!request.ids === !request.filter)
    throw validationFailed('give either ids or a filter', [{ path: '', message: 'exactly one of ids and filter is required' }]);
  const filter = request.filter ?? {};
  const ids = await selectOwnedExecutionIds(deps.database.db, {
    ids: request.ids,
    limit: MAX_BULK_EXECUTIONS,
    filters: {
      ownerId,
      statuses: filter.status,
      workflowId: filter.workflow_id,
      createdAfter: filter.created_after,
      createdBefore: filter.created_before,
      includeTest: filter.is_test ?? false,
    },
  });
  if (ids.length > MAX_BULK_EXECUTIONS) {
    throw validationFailed('too many executions for one bulk action', [
      { path: 'filter', message: `more than ${MAX_BULK_EXECUTIONS} executions match; narrow the filter` },
    ]);
  }
  return ids;
}

/** Starts a bulk-action workflow over executions selectBulkExecutions chose. Returns at once; progress is read with readBulkAction. */
export async function startBulkAction(
  deps: ApiDeps,
  ownerId: string,
  request: BulkRequest,
  ids: string[],
): Promise<{ bulk_id: string; total: number }> {
  const bulkId = `bulk_${randomBytes(8).toString('hex')}`;
  await withTemporalDeadline(deps, () =>
    deps.temporal.workflow.start<typeof bulkActionWorkflow>('bulkActionWorkflow', {
      taskQueue: deps.settings.taskQueue,
      workflowId: bulkWorkflowId(ownerId, bulkId),
      args: [
        {
          bulkId,
          ownerId,
          action: request.action,
          executionIds: ids,
          ...(request.action === 'rerun'
            ? {
                rerun: {
                  fromNode: request.from_node,
                  workflowVersion: request.workflow_version,
                  startQueue: apiActivityQueueOf(deps.settings.taskQueue),
                },
              }
            : {}),
        },
      ],
      staticSummary: `bulk ${request.action} of ${ids.length} executions · ${ownerId}`,
    }),
  );
  return { bulk_id: bulkId, total: ids.length };
}

/** The progress of one of the caller's bulk actions (404 for an unknown or another user's). */
export async function readBulkAction(deps: ApiDeps, ownerId: string, bulkId: string): Promise<BulkProgress> {
  const handle = bulkHandle(deps, ownerId, bulkId);
  try {
    return await withTemporalDeadline(deps, () => handle.query(bulkProgressQuery));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound('bulk action', bulkId);
    throw error;
  }
}

/** Cancels a bulk action: it stops after the batch in flight. */
export async function cancelBulkAction(deps: ApiDeps, ownerId: string, bulkId: string): Promise<BulkProgress> {
  const handle = bulkHandle(deps, ownerId, bulkId);
  try {
    await withTemporalDeadline(deps, () => handle.cancel());
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notFound('bulk action', bulkId);
    throw error;
  }
  return readBulkAction(deps, ownerId, bulkId);
}

function bulkHandle(deps: ApiDeps, ownerId: string, bulkId: string) {
  if (!BULK_ID.test(bulkId)) throw notFound('bulk action', bulkId);
  return deps.temporal.workflow.getHandle<typeof bulkActionWorkflow>(bulkWorkflowId(ownerId, bulkId));
}
