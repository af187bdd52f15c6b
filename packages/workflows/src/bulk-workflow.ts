import { CancellationScope, isCancellation, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import {
  bulkProgressQuery,
  type BulkActionInput,
  type BulkActivities,
  type BulkItemError,
  type BulkProgress,
  type BulkRerunActivities,
  type BulkRerunOptions,
} from './bulk-contract';

/** Executions per activity call, and the pause between calls: a bulk action never crowds out normal runs. */
const BATCH_SIZE = 20;
const PAUSE_BETWEEN_BATCHES_MS = 200;
/** Re-runs start new runs, so they go slower: at most 5 starts a second, half the default per-user start rate. */
const RERUN_BATCH_SIZE = 5;
const PAUSE_BETWEEN_RERUN_BATCHES_MS = 1_000;
const MAX_ERRORS_KEPT = 100;

const activityOptions = {
  startToCloseTimeout: 60_000,
  retry: { initialInterval: 1_000, backoffCoefficient: 2, maximumInterval: 10_000 },
};

const { applyBulkAction } = proxyActivities<BulkActivities>(activityOptions);

/** One batch: the executions that could not take the action, and (for a re-run) the runs it started. */
type BatchOutcome = { errors: BulkItemError[]; reruns?: BulkProgress['reruns'] };

/**
 * Applies stop, cancel, re-run or delete to a list of executions in small batches, durably: a worker dying mid-way
 * is replaced and the batch retried (each action is idempotent). Cancelling the workflow stops it after the batch in
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
    ...(input.action === 'rerun' ? { reruns: [] } : {}),
  };
  setHandler(bulkProgressQuery, () => progress);
  const { action } = input;
  const [batchSize, pauseMs, apply] =
    action === 'rerun'
      ? [RERUN_BATCH_SIZE, PAUSE_BETWEEN_RERUN_BATCHES_MS, rerunBatches(input, input.rerun!)]
      : [
          BATCH_SIZE,
          PAUSE_BETWEEN_BATCHES_MS,
          async (executionIds: string[]): Promise<BatchOutcome> => ({
            errors: await applyBulkAction({ ownerId: input.ownerId, action, executionIds }),
          }),
        ];
  try {
    for (let start = 0; start < input.executionIds.length; start += batchSize) {
      if (start > 0) await sleep(pauseMs);
      const batch = input.executionIds.slice(start, start + batchSize);
      // The batch in flight finishes even when the bulk action is cancelled, so every count stays true.
      const { errors, reruns } = await CancellationScope.nonCancellable(() => apply(batch));
      progress.done += batch.length - errors.length;
      progress.failed += errors.length;
      progress.errors.push(...errors.slice(0, MAX_ERRORS_KEPT - progress.errors.length));
      if (reruns) progress.reruns!.push(...reruns);
    }
    progress.status = 'completed';
  } catch (error) {
    if (!isCancellation(error)) throw error;
    progress.status = 'cancelled';
  }
  return progress;
}

/** Re-runs go to the API processes' task queue: they start runs through the API's own start path. */
function rerunBatches(input: BulkActionInput, options: BulkRerunOptions) {
  const { rerunBatch } = proxyActivities<BulkRerunActivities>({ ...activityOptions, taskQueue: options.startQueue });
  return (executionIds: string[]): Promise<BatchOutcome> =>
    rerunBatch({
      bulkId: input.bulkId,
      ownerId: input.ownerId,
      executionIds,
      fromNode: options.fromNode,
      workflowVersion: options.workflowVersion,
    });
}
