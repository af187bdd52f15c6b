import { findExecutionByIdempotencyKey } from '@trellis/db';
import type { BulkItemError, BulkRerunActivities, BulkRerunStarted } from '@trellis/workflows';
import { AppError } from '../errors';
import { liveExecutionCapReached } from '../limits/start-limits';
import type { ApiDeps } from '../deps';
import { rerunExecution } from './rerun-execution';

/**
 * How long one batch waits, in all, for the owner's live runs to drop below the cap before its items fail on it: a
 * bulk re-run of more runs than the cap allows at once waits for earlier runs to end, within the activity's 60 s
 * start-to-close timeout, and a cap that never frees (runs waiting for people) fails items instead of holding the
 * bulk action, which could then not be cancelled, for ever.
 */
const CAP_WAIT_MS = 40_000;
const CAP_POLL_MS = 500;

/** The Idempotency-Key of one item of a bulk re-run: the same bulk and source always name the same new run. */
export const bulkRerunKey = (bulkId: string, sourceId: string) => `${bulkId}:rerun:${sourceId}`;

/**
 * Bulk re-runs, run by the API processes' activity worker: each source goes through rerunExecution (ownership, a
 * finished source, the version and plan checks) and the live-execution cap, like POST /executions/{id}/rerun, except
 * that at the cap it waits a while (CAP_WAIT_MS) for room. A refusal (a live source, a node the version lacks, the
 * cap still full) is that item's error and the others go on; a passing fault (Temporal or Postgres unreachable) fails
 * the batch, which is retried and starts nothing twice.
 */
export const createBulkRerunActivities = (deps: ApiDeps, capWaitMs = CAP_WAIT_MS): BulkRerunActivities => ({
  async rerunBatch({ bulkId, ownerId, executionIds, fromNode, workflowVersion }) {
    const waitUntil = Date.now() + capWaitMs;
    const errors: BulkItemError[] = [];
    const reruns: BulkRerunStarted[] = [];
    for (const id of executionIds) {
      const idempotencyKey = bulkRerunKey(bulkId, id);
      try {
        // A run an earlier attempt started is answered again whatever the cap says now.
        const earlier = await findExecutionByIdempotencyKey(deps.database.db, ownerId, idempotencyKey);
        if (!earlier) await waitForRoom(deps, ownerId, waitUntil);
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

/** Returns once the owner is below the live-execution cap; throws the cap's refusal if that takes past `until`. */
async function waitForRoom(deps: ApiDeps, ownerId: string, until: number): Promise<void> {
  for (;;) {
    const capped = await liveExecutionCapReached(deps, ownerId);
    if (!capped) return;
    if (Date.now() + CAP_POLL_MS > until) throw capped;
    await new Promise((resolve) => setTimeout(resolve, CAP_POLL_MS));
  }
}
