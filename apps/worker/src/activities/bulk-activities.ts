import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { canControl, cannotControlMessage, isTerminal } from '@trellis/definition';
import { deleteExecution, findExecution, temporalWorkflowIdOf, type Database } from '@trellis/db';
import type { BulkActivities, BulkItemError } from '@trellis/workflows';
import { stopUpdate } from '@trellis/workflows';

/** Bulk actions, one execution at a time within a batch; each is idempotent, so a retried batch changes nothing twice. */
export const createBulkActivities = ({ db, temporal }: { db: Database; temporal: Client }): BulkActivities => ({
  async applyBulkAction({ ownerId, action, executionIds }) {
    const errors: BulkItemError[] = [];
    for (const id of executionIds) {
      const error = await applyOne(db, temporal, ownerId, action, id);
      if (error) errors.push({ execution_id: id, ...error });
    }
    return errors;
  },
});

async function applyOne(
  db: Database,
  temporal: Client,
  ownerId: string,
  action: Parameters<BulkActivities['applyBulkAction']>[0]['action'],
  id: string,
): Promise<Omit<BulkItemError, 'execution_id'> | undefined> {
  const row = await findExecution(db, id, ownerId);
  if (!row) return { code: 'NOT_FOUND', message: `execution ${id} not found` };
  if (action === 'delete') {
    const outcome = await deleteExecution(db, id, ownerId);
    return outcome === 'live'
      ? { code: 'EXECUTION_LIVE', message: `execution ${id} is ${row.status}: stop or cancel it first` }
      : undefined;
  }
  // Already where the action leads (a retried batch, or it ended meanwhile): nothing to do.
  if (isTerminal(row.status))
    return row.status === (action === 'stop' ? 'stopped' : 'cancelled')
      ? undefined
      : { code: 'INVALID_TRANSITION', message: `execution ${id} is ${row.status}` };
  if (!canControl(row.status, action)) return { code: 'INVALID_TRANSITION', message: cannotControlMessage(action, row.status) };
  const handle = temporal.workflow.getHandle(temporalWorkflowIdOf(row));
  try {
    if (action === 'cancel') await handle.cancel();
    else await handle.executeUpdate(stopUpdate);
    return undefined;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const message = error.cause?.message ?? `cannot ${action} now`;
      // A stop asked for before (an earlier attempt of this batch) is already under way.
      return action === 'stop' && message.endsWith('stopping') ? undefined : { code: 'INVALID_TRANSITION', message };
    }
    if (error instanceof WorkflowNotFoundError) return { code: 'INVALID_TRANSITION', message: `execution ${id} has ended` };
    throw error;
  }
}
