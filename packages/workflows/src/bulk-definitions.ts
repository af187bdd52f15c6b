import { defineQuery } from '@temporalio/workflow';

/** What a bulk action does to each execution. */
export type BulkActionName = 'stop' | 'cancel' | 'delete';

/** Arguments of `bulkActionWorkflow`: the caller's executions, resolved (and capped) by the API when it was asked. */
export interface BulkActionInput {
  bulkId: string;
  ownerId: string;
  action: BulkActionName;
  executionIds: string[];
}

export interface BulkItemError {
  execution_id: string;
  code: string;
  message: string;
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
}

export const bulkProgressQuery = defineQuery<BulkProgress>('bulkProgress');

/** The activity behind bulk actions; the worker implements it (apps/worker/src/activities/bulk-activities.ts). */
export interface BulkActivities {
  /** Applies the action to each execution (the owner's only); returns the ones that could not take it. */
  applyBulkAction(input: { ownerId: string; action: BulkActionName; executionIds: string[] }): Promise<BulkItemError[]>;
}
