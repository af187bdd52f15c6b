import type { Request, RequestHandler, Response } from 'express';
import { deleteIdleRateLimits, takeRateLimitToken } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../services/deps';
import { DEFAULT_START_LIMITS } from './start-limits';

/** What a request costs against: starting runs, any other write, reading a run's Temporal history, or using an answer link. */
export type RateClass = 'start' | 'write' | 'history' | 'answer-link';

const STARTS = [/^\/executions\/?$/, /^\/executions\/[^/]+\/rerun\/?$/, /^\/execute\/?$/, /^\/workflow-test\/sessions\/[^/]+\/messages\/?$/];
const HISTORY = /^\/executions\/[^/]+\/history\/?$/;

/** The class of an /api/v1 request (path relative to /api/v1), or undefined for reads that cost no quota. */
export function rateClassOf(method: string, path: string): RateClass | undefined {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return HISTORY.test(path) ? 'history' : undefined;
  return STARTS.some((route) => route.test(path)) ? 'start' : 'write';
}

/** Deleting idle buckets on about one request in this many keeps the table to the users of the last hour. */
const CLEANUP_EVERY = 5_000;
const IDLE_MS = 3_600_000;

const NOUN: Record<RateClass, string> = { start: 'starts', write: 'writes', history: 'history reads', 'answer-link': 'answer-link requests' };

function perMinuteOf(deps: ApiDeps, rateClass: RateClass): number {
  const limits = { ...DEFAULT_START_LIMITS, ...deps.settings.limits };
  const perMinute: Record<RateClass, number> = {
    start: limits.startsPerMinute,
    write: limits.writesPerMinute,
    history: limits.historyReadsPerMinute,
    'answer-link': limits.answerLinkRequestsPerMinute,
  };
  return perMinute[rateClass];
}

/**
 * Takes `cost` tokens of `subject`'s (a user's, or for answer links a client address's) budget of `rateClass`; past
 * it, sets Retry-After and throws 429 RATE_LIMITED. A cost above the budget takes the whole budget.
 */
export async function chargeRate(deps: ApiDeps, res: Response, rateClass: RateClass, subject: string, cost = 1): Promise<void> {
  const capacity = perMinuteOf(deps, rateClass);
  const { db } = deps.database;
  if (Math.random() * CLEANUP_EVERY < 1) void deleteIdleRateLimits(db, IDLE_MS).catch(() => undefined);
  const take = await takeRateLimitToken(db, { key: `${rateClass}:${subject}`, capacity, perSecond: capacity / 60, cost: Math.min(cost, capacity) });
  if (take.allowed) return;
  res.set('Retry-After', String(Math.ceil(take.retryAfterMs / 1000)));
  throw new AppError(429, 'RATE_LIMITED', `too many ${NOUN[rateClass]}: at most ${capacity} per minute`, { limit: capacity, class: rateClass });
}

/**
 * Per-user rate limits shared by every API replica (token buckets in Postgres): starts, other writes and history
 * reads each have a per-minute budget; past it the answer is 429 RATE_LIMITED with Retry-After.
 */
export function limitRequestRates(deps: ApiDeps): RequestHandler {
  return async (req: Request, res, next) => {
    const rateClass = rateClassOf(req.method, req.path);
    if (rateClass) await chargeRate(deps, res, rateClass, req.userId);
    next();
  };
}
