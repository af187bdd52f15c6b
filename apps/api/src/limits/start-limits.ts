import type { RequestHandler } from 'express';
import { countLiveExecutions } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../services/deps';

export interface StartLimits {
  /** Starts a user may make per minute (per API replica). */
  startsPerMinute: number;
  /** Executions a user may have pending, running or paused at once. */
  maxLiveExecutions: number;
}

export const DEFAULT_START_LIMITS: StartLimits = { startsPerMinute: 600, maxLiveExecutions: 200 };

/** A token bucket per user: `capacity` starts, refilled evenly over a minute. */
class StartBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly capacity: number) {}

  /** Takes one token; returns 0 when allowed, else the ms until the next token. */
  take(userId: string, now = Date.now()): number {
    const refillPerMs = this.capacity / 60_000;
    const bucket = this.buckets.get(userId) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (this.buckets.size > 100_000) this.buckets.clear(); // bounded memory; a reset only forgives
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / refillPerMs);
  }
}

const limiters = new WeakMap<ApiDeps, RequestHandler>();

/** Rejects starts over the user's rate or live-execution cap with 429 and Retry-After (one quota per app). */
export function limitStarts(deps: ApiDeps): RequestHandler {
  let limiter = limiters.get(deps);
  if (!limiter) limiters.set(deps, (limiter = createStartLimiter(deps)));
  return limiter;
}

function createStartLimiter(deps: ApiDeps): RequestHandler {
  const limits = { ...DEFAULT_START_LIMITS, ...deps.settings.limits };
  const buckets = new StartBuckets(limits.startsPerMinute);
  return async (req, res, next) => {
    const waitMs = buckets.take(req.userId);
    if (waitMs > 0) {
      res.set('Retry-After', String(Math.ceil(waitMs / 1000)));
      return next(new AppError(429, 'RATE_LIMITED', `too many starts: at most ${limits.startsPerMinute} per minute`));
    }
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
