import type { Request, RequestHandler } from 'express';
import { deleteIdleRateLimits, takeRateLimitToken } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { DEFAULT_START_LIMITS } from './limit-settings';

/** What a request costs against: starting runs, any other write, or reading a run's Temporal history. */
export type RateClass = 'start' | 'write' | 'history';

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

/**
 * Per-user rate limits shared by every API replica (token buckets in Postgres): starts, other writes and history
 * reads each have a per-minute budget; past it the answer is 429 RATE_LIMITED with Retry-After.
 */
export function limitRequestRates(deps: ApiDeps): RequestHandler {
  const limits = { ...DEFAULT_START_LIMITS, ...deps.settings.limits };
  const perMinute: Record<RateClass, number> = {
    start: limits.startsPerMinute,
    write: limits.writesPerMinute,
    history: limits.historyReadsPerMinute,
  };
  const noun: Record<RateClass, string> = { start: 'starts', write: 'writes', history: 'history reads' };
  return async (req: Request, res, next) => {
    const rateClass = rateClassOf(req.method, req.path);
    if (!rateClass) return next();
    const capacity = perMinute[rateClass];
    const { db } = deps.database;
    if (Math.random() * CLEANUP_EVERY < 1) void deleteIdleRateLimits(db, IDLE_MS).catch(() => undefined);
    const take = await takeRateLimitToken(db, `${rateClass}:${req.userId}`, capacity, capacity / 60);
    if (take.allowed) return next();
    res.set('Retry-After', String(Math.ceil(take.retryAfterMs / 1000)));
    next(new AppError(429, 'RATE_LIMITED', `too many ${noun[rateClass]}: at most ${capacity} per minute`, { limit: capacity, class: rateClass }));
  };
}
