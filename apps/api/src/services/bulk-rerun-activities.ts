import { findExecutionByIdempotencyKey } from '@trellis/db';
import type { BulkItemError, BulkRerunActivities, BulkRerunStarted } from '@trellis/workflows';
import { AppError } from '../errors';
import { liveExecutionCapReached } from '../limits/start-limits';
import type { ApiDeps } from '../deps';
import { rerunExecution } from './rerun-execution';

/** The Idempotency-Key of one item of a bulk re-run: the same bulk and source always name the same new run. */
export const bulkRerunKey = (bulkId: string, sourceId: string) => `${bulkId}:rerun:${sourceId}`;

/**
 * Bulk re-runs, run by the API processes' activity worker: each source goes through rerunExecution (ownership, a
 * finished source, the version and plan checks) and the live-execution cap, like POST /executions/{id}/rerun. A
 * refusal (a live source, a node the version lacks, the cap) is that item's error and the others go on; a passing
 * fault (Temporal or Postgres unreachable) fails the batch, which is retried and starts nothing twice.
 */
export const createBulkRerunActivities = (deps: ApiDeps): BulkRerunActivities => ({
  async rerunBatch({ bulkId, ownerId, executionIds, fromNode, workflowVersion }) {
    const errors: BulkItemError[] = [];
    const reruns: BulkRerunStarted[] = [];
    for (const id of executionIds) {
      const idempotencyKey = bulkRerunKey(bulkId, id);
      try {
        // A run an earlier attempt started is answered again whatever the cap says now.
        const earlier = await findExecutionByIdempotencyKey(deps.database.db, ownerId, idempotencyKey);
        const capped = earlier ? undefined : await liveExecutionCapReached(deps, ownerId);
        if (capped) throw capped;
        const { execution } = await rerunExecution(deps, ownerId, id, { fromNode, workflowVersion, mode: 'async', idempotencyKey });
        reruns.push({ execution_id: id, rerun_id: execution.id });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        errors.push({ execution_id: id, code: error.code, message: error.message });
      }
    }
    return { errors, reruns };
  },
});
