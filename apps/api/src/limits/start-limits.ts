import type { RequestHandler } from 'express';
import { countLiveExecutions } from '@trellis/db';
import { AppError } from '../errors';
import type { ApiDeps } from '../services/deps';

export interface StartLimits {
  /** Starts a user may make per minute, across all replicas (limits/request-rates.ts). */
  startsPerMinute: number;
  /** Other writes (saves, control actions, deletes) a user may make per minute, across all replicas. */
  writesPerMinute: number;
  /** Reads of a run's Temporal history a user may make per minute, across all replicas. */
  historyReadsPerMinute: number;
  /** Requests to answer links (GET and POST /answers/:token) one client address may make per minute. */
  answerLinkRequestsPerMinute: number;
  /** Executions a user may have pending, running or paused at once. */
  maxLiveExecutions: number;
}

export const DEFAULT_START_LIMITS: StartLimits = { startsPerMinute: 600, writesPerMinute: 600, historyReadsPerMinute: 120, answerLinkRequestsPerMinute: 60, maxLiveExecutions: 200 };

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
