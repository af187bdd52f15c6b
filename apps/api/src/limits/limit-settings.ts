/** Per-user limits on starts, writes, history reads and live executions (ApiDeps.settings.limits overrides them). */
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

export const DEFAULT_START_LIMITS: StartLimits = {
  startsPerMinute: 600,
  writesPerMinute: 600,
  historyReadsPerMinute: 120,
  answerLinkRequestsPerMinute: 60,
  maxLiveExecutions: 200,
};

/** What a request costs against: starting runs, any other write, reading a run's Temporal history, or using an answer link. */
export type RateClass = 'start' | 'write' | 'history' | 'answer-link';
