import { defineQuery } from '@temporalio/workflow';

/** What a bulk action does to each execution. */
export type BulkActionName = 'stop' | 'cancel' | 'rerun' | 'delete';

/** How a bulk re-run re-runs each execution (the fields of POST /executions/{id}/rerun it takes). */
export interface BulkRerunOptions {
  fromNode?: string;
  workflowVersion?: number | 'latest';
  /** The task queue of the API processes' activity worker, which starts runs through the API's start path. */
  startQueue: string;
}

/** Arguments of `bulkActionWorkflow`: the caller's executions, resolved (and capped) by the API when it was asked. */
export interface BulkActionInput {
  bulkId: string;
  ownerId: string;
  action: BulkActionName;
  executionIds: string[];
  /** Present when action is `rerun`. */
  rerun?: BulkRerunOptions;
}

export interface BulkItemError {
  execution_id: string;
  code: string;
  message: string;
}

/** A run a bulk re-run started (or found started by an earlier attempt): `rerun_id` re-runs `execution_id`. */
export interface BulkRerunStarted {
  execution_id: string;
  rerun_id: string;
}

/** Progress as GET /bulk/:id shows it. */
export interface BulkProgress {
  bulk_id: string;
  action: BulkActionName;
  status: 'running' | 'completed' | 'cancelled';
  total: number;
  done: number;
  failed: number;
  /** The first errors (at most 100). */
  errors: BulkItemError[];
  /** A bulk re-run's new executions, one per source that was re-run. */
  reruns?: BulkRerunStarted[];
}

export const bulkProgressQuery = defineQuery<BulkProgress>('bulkProgress');

/** The activity behind bulk actions; the worker implements it (apps/worker/src/activities/bulk-activities.ts). */
export interface BulkActivities {
  /** Applies the action to each execution (the owner's only); returns the ones that could not take it. */
  applyBulkAction(input: { ownerId: string; action: Exclude<BulkActionName, 'rerun'>; executionIds: string[] }): Promise<BulkItemError[]>;
}

/**
 * The activity behind bulk re-runs, served by the API processes (apps/api/src/services/bulk-rerun-activities.ts) so
 * each run starts through the same path, limits and idempotency as POST /executions/{id}/rerun.
 */
export interface BulkRerunActivities {
  /** Re-runs each execution under an idempotency key made of the bulk id and its id: a retried batch starts nothing twice. */
  rerunBatch(input: {
    bulkId: string;
    ownerId: string;
    executionIds: string[];
    fromNode?: string;
    workflowVersion?: number | 'latest';
  }): Promise<{
    errors: BulkItemError[];
    reruns: BulkRerunStarted[];
  }>;
}
