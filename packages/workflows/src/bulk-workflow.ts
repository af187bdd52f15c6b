import { CancellationScope, isCancellation, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { bulkProgressQuery, type BulkActionInput, type BulkActivities, type BulkProgress } from './bulk-definitions';

/** Executions per activity call, and the pause between calls: a bulk action never crowds out normal runs. */
const BATCH_SIZE = 20;
const PAUSE_BETWEEN_BATCHES_MS = 200;
const MAX_ERRORS_KEPT = 100;

const { applyBulkAction } = proxyActivities<BulkActivities>({
  startToCloseTimeout: 60_000,
  retry: { initialInterval: 1_000, backoffCoefficient: 2, maximumInterval: 10_000 },
});

/**
 * Applies stop, cancel or delete to a list of executions in small batches, durably: a worker dying mid-way is
 * replaced and the batch retried (each action is idempotent). Cancelling the workflow stops it after the batch in
 * flight; progress is a query.
 */
export async function bulkActionWorkflow(input: BulkActionInput): Promise<BulkProgress> {
  const progress: BulkProgress = {
    bulk_id: input.bulkId,
    action: input.action,
    status: 'running',
    total: input.executionIds.length,
    done: 0,
    failed: 0,
    errors: [],
  };
  setHandler(bulkProgressQuery, () => progress);
  try {
    for (let start = 0; start < input.executionIds.length; start += BATCH_SIZE) {
      if (start > 0) await sleep(PAUSE_BETWEEN_BATCHES_MS);
      const batch = input.executionIds.slice(start, start + BATCH_SIZE);
      // The batch in flight finishes even when the bulk action is cancelled, so every count stays true.
      const errors = await CancellationScope.nonCancellable(() => applyBulkAction({ ownerId: input.ownerId, action: input.action, executionIds: batch }));
      progress.done += batch.length - errors.length;
      progress.failed += errors.length;
      progress.errors.push(...errors.slice(0, MAX_ERRORS_KEPT - progress.errors.length));
    }
    progress.status = 'completed';
  } catch (error) {
    if (!isCancellation(error)) throw error;
    progress.status = 'cancelled';
  }
  return progress;
}
