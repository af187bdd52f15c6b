import { createHash, randomBytes } from 'node:crypto';
import { HumanWaitErrors } from '@trellis/definition';
import {
  claimAnswerLink,
  findAnswerLink,
  findExecution,
  findHumanWait,
  insertAnswerLink,
  releaseAnswerLink,
  type AnswerLink,
} from '@trellis/db';
import { AppError, notFound } from '../errors';
import type { ApiDeps } from '../deps';
import { deliverAnswer, ensureOpen, findAnswerableWait, validateAnswer } from './human-answers';

/** Thrown for a link that was used, expired, or whose wait has closed: it never works again. */
export const linkGone = (message: string) => new AppError(410, 'ANSWER_LINK_GONE', message);

/** Only the token's hash is stored, so a leaked table yields no usable link. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A single-use answer link for a waiting node, made by the run's owner or one of the wait's assignees. The token
 * (256 random bits) is returned once; it expires with the wait.
 */
export async function createAnswerLink(deps: ApiDeps, userId: string, executionId: string, nodeId: string) {
  const { execution, wait } = await findAnswerableWait(deps, userId, executionId, nodeId);
  ensureOpen(execution, wait);
  const token = randomBytes(32).toString('base64url');
  await insertAnswerLink(deps.database.db, { tokenHash: hashOf(token), executionId, nodeId, createdBy: userId, expiresAt: wait.expiresAt });
  return { token, url: `/api/v1/answers/${token}`, execution_id: executionId, node_id: nodeId, expires_at: wait.expiresAt.toISOString() };
}

/** What the holder of a live link is asked; 410 once the link is dead. */
export async function readAnswerLink(deps: ApiDeps, token: string) {
  const { wait } = await liveLink(deps, token);
  return { node_id: wait.nodeId, prompt: wait.prompt, form: wait.form, expires_at: wait.expiresAt.toISOString() };
}

/**
 * Answers through a link: the form is checked first (a bad answer leaves the link usable), then the link is claimed
 * atomically (of concurrent uses one proceeds, the others get 410), then the answer goes to the run. If it cannot be
 * delivered for a passing reason (Temporal unreachable) the claim is released.
 */
export async function answerWithLink(deps: ApiDeps, token: string, answer: unknown) {
  const { link, wait, execution } = await liveLink(deps, token);
  const value = validateAnswer(wait, answer);
  const tokenHash = hashOf(token);
  if (!(await claimAnswerLink(deps.database.db, tokenHash))) throw linkGone('this answer link has been used or has expired');
  try {
    const result = await deliverAnswer(deps, execution, wait, value, `link:${link.createdBy}`);
    return { node_id: wait.nodeId, answered_at: result.answered_at, answer: value };
  } catch (error) {
    if (error instanceof AppError && error.status === 409) throw linkGone(error.message);
    await releaseAnswerLink(deps.database.db, tokenHash).catch(() => undefined);
    throw error;
  }
}

async function liveLink(deps: ApiDeps, token: string) {
  const { db } = deps.database;
  const link: AnswerLink | undefined = token.length <= 100 ? await findAnswerLink(db, hashOf(token)) : undefined;
  if (!link) throw notFound('answer link', '(token)');
  if (link.usedAt) throw linkGone('this answer link has been used');
  const [execution, wait] = await Promise.all([findExecution(db, link.executionId), findHumanWait(db, link.executionId, link.nodeId)]);
  if (!execution || !wait) throw linkGone('the wait of this answer link no longer exists');
  try {
    ensureOpen(execution, wait);
  } catch (error) {
    if (error instanceof AppError && Object.values(HumanWaitErrors).includes(error.code as never)) throw linkGone(error.message);
    throw error;
  }
  return { link, wait, execution };
}
