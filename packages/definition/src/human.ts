/** How long a human node waits for its answer by default (24 h), and at most (30 days). */
export const DEFAULT_HUMAN_WAIT_MS = 86_400_000;
export const MAX_HUMAN_WAIT_MS = 30 * 86_400_000;

/** Error codes of human waits: a node's failure, and the reasons an answer is refused. */
export const HumanWaitErrors = {
  /** The wait ran out with `on_timeout: "fail"`: the node fails with this code. */
  timeout: 'HUMAN_TIMEOUT',
  /** The node is not waiting (never reached, or not a human node). */
  notWaiting: 'HUMAN_NOT_WAITING',
  /** Someone answered first; details say who and when. */
  answered: 'HUMAN_ALREADY_ANSWERED',
  /** The wait timed out. */
  expired: 'HUMAN_WAIT_EXPIRED',
  /** The run ended, or is stopping, so the wait was withdrawn. */
  closed: 'HUMAN_WAIT_CLOSED',
} as const;
