import type { RequestHandler, Response } from 'express';
import { deleteIdleRateLimits, takeRateLimitToken } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import type { ApiRoute } from '../routing/api-route';
import { pathPattern } from '../routing/path-pattern';
import { DEFAULT_START_LIMITS, type RateClass } from './limit-settings';

/** The rate class of a request by its method and full path, from the routes' declared classes; undefined: free. */
export function rateClassFinder(routes: readonly ApiRoute[]): (method: string, path: string) => RateClass | undefined {
  const limited = routes.flatMap(({ spec }) => {
    if (!spec.rateLimit) return [];
    return [{ method: spec.method.toUpperCase(), pattern: pathPattern(spec.path), rateClass: spec.rateLimit }];
  });
  return (method, path) => {
    const asked = method === 'HEAD' ? 'GET' : method;
    return limited.find((route) => route.method === asked && route.pattern.test(path))?.rateClass;
  };
}

/** Deleting idle buckets on about one request in this many keeps the table to the users of the last hour. */
const CLEANUP_EVERY = 5_000;
const IDLE_MS = 3_600_000;

const NOUN: Record<RateClass, string> = {
  start: 'starts',
  write: 'writes',
  history: 'history reads',
  'answer-link': 'answer-link requests',
};

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
 * Takes `cost` tokens of `subject`'s (a user's, or for answer links a client address's) budget of `rateClass`, in a
 * token bucket in Postgres shared by every API replica; past it, sets Retry-After and throws 429 RATE_LIMITED. A cost
 * above the budget takes the whole budget.
 */
export async function chargeRate(deps: ApiDeps, res: Response, rateClass: RateClass, subject: string, cost = 1): Promise<void> {
  const capacity = perMinuteOf(deps, rateClass);
  const { db } = deps.database;
  if (Math.random() * CLEANUP_EVERY < 1) void deleteIdleRateLimits(db, IDLE_MS).catch(() => undefined);
  const take = await takeRateLimitToken(db, {
    key: `${rateClass}:${subject}`,
    capacity,
    perSecond: capacity / 60,
    cost: Math.min(cost, capacity),
  });
  if (take.allowed) return;
  res.set('Retry-After', String(Math.ceil(take.retryAfterMs / 1000)));
  throw new AppError(429, 'RATE_LIMITED', `too many ${NOUN[rateClass]}: at most ${capacity} per minute`, {
    limit: capacity,
    class: rateClass,
  });
}

/**
 * Rate limits: starts, other writes and history reads each have a per-minute budget per user, answer links (which
 * have no user) one per client address; each route counts against the class it declares; past it the answer is 429
 * RATE_LIMITED with Retry-After.
 */
export function limitRequestRates(deps: ApiDeps, routes: readonly ApiRoute[]): RequestHandler {
  const rateClassOf = rateClassFinder(routes);
  return async (req, res, next) => {
    const rateClass = rateClassOf(req.method, req.baseUrl + req.path);
    if (rateClass) await chargeRate(deps, res, rateClass, rateClass === 'answer-link' ? (req.ip ?? 'unknown') : req.userId);
    next();
  };
}
