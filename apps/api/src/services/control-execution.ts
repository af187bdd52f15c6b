import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { canControl, cannotControlMessage, isTerminal, type ControlAction } from '@trellis/definition';
import { findExecution, temporalWorkflowIdOf, type Execution } from '@trellis/db';
import { CONTROL_LIMIT, pauseUpdate, resumeUpdate, stopUpdate } from '@trellis/workflows';
import { AppError, invalidTransition, notFound } from '../errors';
import type { ApiDeps } from '../deps';
import { withTemporalDeadline } from './temporal-deadline';

const UPDATES = { pause: pauseUpdate, resume: resumeUpdate, stop: stopUpdate } as const;

/**
 * Asks the run to pause, resume, stop or cancel. The workflow validates the transition against the one
 * table, so the caller learns at once whether it was allowed (409 with the current status if not).
 */
export async function controlExecution(
  deps: ApiDeps,
  ownerId: string,
  id: string,
  action: ControlAction,
): Promise<{ execution: Execution; message: string }> {
  const execution = await findExecution(deps.database.db, id, ownerId);
  if (!execution) throw notFound('execution', id);
  if (!canControl(execution.status, action)) throw invalidTransition(cannotControlMessage(action, execution.status), execution.status);
  const handle = deps.temporal.workflow.getHandle(temporalWorkflowIdOf(execution));
  const currentStatus = async () => (await findExecution(deps.database.db, id, ownerId))?.status ?? execution.status;
  let message: string;
  try {
    if (action === 'cancel') {
      await withTemporalDeadline(deps, () => handle.cancel());
      message = 'cancellation requested';
    } else {
      message = (await withTemporalDeadline(deps, () => handle.executeUpdate(UPDATES[action]))).message;
    }
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === CONTROL_LIMIT) {
      throw new AppError(409, CONTROL_LIMIT, error.cause.message, error.cause.details?.[0]);
    }
    if (error instanceof WorkflowUpdateFailedError)
      throw invalidTransition(error.cause?.message ?? `cannot ${action} now`, await currentStatus());
    // The run ended while the request was on its way (Temporal holds an update until the running task ends).
    if (error instanceof WorkflowNotFoundError) {
      const current = await currentStatus();
      if (isTerminal(current)) throw invalidTransition(cannotControlMessage(action, current), current);
    }
    throw error;
  }
  const latest = (await findExecution(deps.database.db, id, ownerId)) ?? execution;
  return { execution: latest, message };
}
