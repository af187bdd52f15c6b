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
  const limits = { ...DEFAULT_START_LIMITS, ...deps.settings.limits };
  return async (req, res, next) => {
    const live = await countLiveExecutions(deps.database.db, req.userId);
    if (live >= limits.maxLiveExecutions) {
      res.set('Retry-After', '5');
      return next(
        new AppError(429, 'CONCURRENCY_LIMITED', `too many live executions: at most ${limits.maxLiveExecutions} at once`, { live }),
      );
    }
    next();
  };
}
