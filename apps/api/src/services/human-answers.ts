import { isDeepStrictEqual } from 'node:util';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { HumanWaitErrors, isTerminal } from '@trellis/definition';
import { findExecution, findHumanWait, listNodeExecutions, temporalWorkflowIdOf, type Execution, type HumanWait } from '@trellis/db';
import {
  checkHumanAnswer,
  checkOutputSize,
  DEFAULT_NODE_OUTPUT_MAX_BYTES,
  InputInvalidError,
  OutputTooLargeError,
} from '@trellis/executors';
import { answerHumanUpdate, type HumanAnswerResult } from '@trellis/workflows';
import { AppError, notFound, unavailable, validationFailed } from '../errors';
import type { ApiDeps } from '../deps';
import { withTemporalDeadline } from './temporal-deadline';

/** Thrown when a wait takes no answer (any more): `code` is one of HumanWaitErrors, details say why. */
export const waitConflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

/** The execution and wait `userId` may answer (as the run's owner or an assignee); 404 for anyone else. */
export async function findAnswerableWait(
  deps: ApiDeps,
  userId: string,
  executionId: string,
  nodeId: string,
): Promise<{ execution: Execution; wait: HumanWait }> {
  const { db } = deps.database;
  const [execution, wait] = await Promise.all([findExecution(db, executionId), findHumanWait(db, executionId, nodeId)]);
  const owner = execution?.ownerId === userId;
  if (!execution || !(owner || wait?.assignees.includes(userId))) throw notFound('execution', executionId);
  if (!wait) throw waitConflict(HumanWaitErrors.notWaiting, `node ${nodeId} is not waiting for an answer`);
  return { execution, wait };
}

/** Refuses an answer to a wait that is closed, past its deadline, or whose run has ended (409). */
export function ensureOpen(execution: Execution, wait: HumanWait): void {
  if (wait.status === 'answered') {
    const details = { answered_by: wait.answeredBy, answered_at: wait.answeredAt?.toISOString() ?? null };
    throw waitConflict(HumanWaitErrors.answered, `node ${wait.nodeId} was already answered by ${wait.answeredBy}`, details);
  }
  if (wait.status === 'expired' || wait.expiresAt.getTime() <= Date.now()) {
    throw waitConflict(HumanWaitErrors.expired, `the wait of node ${wait.nodeId} expired at ${wait.expiresAt.toISOString()}`);
  }
  if (wait.status === 'cancelled' || isTerminal(execution.status)) {
    throw waitConflict(HumanWaitErrors.closed, `node ${wait.nodeId} takes no answers: the run is ${execution.status}`, {
      current_status: execution.status,
    });
  }
}

/**
 * The answer checked against the wait's form (defaults filled in); 422 listing every problem. It becomes the node's
 * output, so it meets the limit of any node output (NODE_OUTPUT_MAX_BYTES at its default): 422 when larger.
 */
export function validateAnswer(wait: HumanWait, answer: unknown): unknown {
  try {
    const value = checkHumanAnswer(wait.form, answer);
    checkOutputSize(value, DEFAULT_NODE_OUTPUT_MAX_BYTES);
    return value;
  } catch (error) {
    if (error instanceof InputInvalidError) throw validationFailed('the answer does not match the form', error.problems);
    if (error instanceof OutputTooLargeError)
      throw validationFailed('the answer is too large', [{ path: 'answer', message: error.message }]);
    throw error;
  }
}

/**
 * Delivers a validated answer to the run as a Workflow Update: the workflow's validator accepts exactly one answer
 * per wait, and the call returns once the answer is recorded. A refusal answers 409 with the reason (and, when
 * someone answered first, who and when).
 */
export async function deliverAnswer(
  deps: ApiDeps,
  execution: Execution,
  wait: HumanWait,
  answer: unknown,
  answeredBy: string,
): Promise<HumanAnswerResult> {
  const handle = deps.temporal.workflow.getHandle(temporalWorkflowIdOf(execution));
  try {
    return await withTemporalDeadline(deps, () =>
      handle.executeUpdate(answerHumanUpdate, { args: [{ nodeId: wait.nodeId, answer, answeredBy }] }),
    );
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message, details } = error.cause;
      const { same_answer: same, ...detail } = (details?.[0] ?? {}) as {
        same_answer?: boolean;
        answered_by?: string;
        answered_at?: string;
      };
      // A repeat of this caller's own accepted answer (its first call went unconfirmed) succeeds.
      if (type === HumanWaitErrors.answered && same)
        return { node_id: wait.nodeId, answered_by: answeredBy, answered_at: detail.answered_at! };
      throw waitConflict(type ?? HumanWaitErrors.closed, message, details?.[0] === undefined ? undefined : detail);
    }
    // The run ended while the answer was on its way, e.g. because a concurrent answer won and completed it: the
    // wait's record says which.
    if (error instanceof WorkflowNotFoundError) {
      const latest = await findHumanWait(deps.database.db, wait.executionId, wait.nodeId);
      const repeat = latest && (await repeatedAnswer(deps, latest, answeredBy, answer));
      if (repeat) return repeat;
      const current = await findExecution(deps.database.db, execution.id);
      if (latest && current) ensureOpen(current, latest);
      throw waitConflict(HumanWaitErrors.closed, `node ${wait.nodeId} takes no answers: the run has ended`);
    }
    // E.g. a worker being replaced: the answer may still be accepted. Sending it again is safe (see answerWait).
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
      throw unavailable('the answer was not confirmed in time; send it again (a repeat of an accepted answer succeeds)');
    throw error;
  }
}

/** POST …/nodes/:node_id/answer: who may answer, whether the wait is open, the form, then the update. */
export async function answerWait(deps: ApiDeps, userId: string, executionId: string, nodeId: string, answer: unknown) {
  const { execution, wait } = await findAnswerableWait(deps, userId, executionId, nodeId);
  const value = validateAnswer(wait, answer);
  const repeat = await repeatedAnswer(deps, wait, userId, value);
  if (repeat) return { execution_id: execution.id, ...repeat, answer: value };
  ensureOpen(execution, wait);
  const result = await deliverAnswer(deps, execution, wait, value, userId);
  return { execution_id: execution.id, ...result, answer: value };
}

/** The recorded outcome when this user already gave this same answer (a retry after a lost response), else undefined. */
async function repeatedAnswer(deps: ApiDeps, wait: HumanWait, userId: string, value: unknown): Promise<HumanAnswerResult | undefined> {
  if (wait.status !== 'answered' || wait.answeredBy !== userId) return undefined;
  const node = (await listNodeExecutions(deps.database.db, wait.executionId)).find((n) => n.nodeId === wait.nodeId);
  if (!node || !isDeepStrictEqual(node.output, value)) return undefined;
  return { node_id: wait.nodeId, answered_by: userId, answered_at: wait.answeredAt!.toISOString() };
}
