import type { RequestHandler } from 'express';
import { countLiveExecutions } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { DEFAULT_START_LIMITS } from './limit-settings';

const limiters = new WeakMap<ApiDeps, RequestHandler>();

/** Rejects starts past the user's live-execution cap with 429 and Retry-After (the start rate is limitRequestRates'). */
export function limitStarts(deps: ApiDeps): RequestHandler {
  let limiter = limiters.get(deps);
  if (!limiter) limiters.set(deps, (limiter = createStartLimiter(deps)));
  return limiter;
}

function createStartLimiter(deps: ApiDeps): RequestHandler {
  return async (req, res, next) => {
    const refused = await liveExecutionCapReached(deps, req.userId);
    if (refused) res.set('Retry-After', '5');
    next(refused);
  };
}

/** The 429 CONCURRENCY_LIMITED error when `ownerId` already has as many live executions as allowed, else undefined. */
export async function liveExecutionCapReached(deps: ApiDeps, ownerId: string): Promise<AppError | undefined> {
  const { maxLiveExecutions } = { ...DEFAULT_START_LIMITS, ...deps.settings.limits };
  const live = await countLiveExecutions(deps.database.db, ownerId);
  if (live < maxLiveExecutions) return undefined;
  return new AppError(429, 'CONCURRENCY_LIMITED', `too many live executions: at most ${maxLiveExecutions} at once`, { live });
}
