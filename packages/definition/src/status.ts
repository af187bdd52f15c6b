/** Every status an execution can have; terminated and timed_out come from Temporal ending a run. */
export const EXECUTION_STATUSES = [
  'pending',
  'running',
  'waiting',
  'paused',
  'completed',
  'failed',
  'stopped',
  'cancelled',
  'terminated',
  'timed_out',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** Statuses of a run that has not ended: it holds a place under the live-run cap and cannot be deleted. */
export const LIVE_STATUSES: readonly ExecutionStatus[] = ['pending', 'running', 'waiting', 'paused'];

/** Statuses of a run that has ended; none leads anywhere. */
export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set(
  EXECUTION_STATUSES.filter((status) => !LIVE_STATUSES.includes(status)),
);

const ENDINGS = [...TERMINAL_STATUSES];

/**
 * The one transition table: from each status, the statuses it may move to. `waiting` is a running run whose
 * human nodes wait for answers: it may be paused (answers are still taken; nothing new starts until resumed),
 * stopped or cancelled (open waits are withdrawn); the last answer moves it back to running.
 */
export const EXECUTION_TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  pending: ['running', ...ENDINGS],
  running: ['paused', 'waiting', ...ENDINGS],
  waiting: ['running', 'paused', ...ENDINGS],
  paused: ['running', 'waiting', ...ENDINGS],
  completed: [],
  failed: [],
  stopped: [],
  cancelled: [],
  terminated: [],
  timed_out: [],
};

export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

export function canTransition(from: ExecutionStatus, to: ExecutionStatus): boolean {
  return EXECUTION_TRANSITIONS[from].includes(to);
}

/** Control actions a caller can ask of a running execution, and the status each leads to. */
export const CONTROL_ACTIONS = {
  pause: 'paused',
  resume: 'running',
  stop: 'stopped',
  cancel: 'cancelled',
} as const satisfies Record<string, ExecutionStatus>;
export type ControlAction = keyof typeof CONTROL_ACTIONS;

/** Whether a caller may ask `action` of a run in `status`: its target must be reachable, and only a pause can be resumed. */
export function canControl(status: ExecutionStatus, action: ControlAction): boolean {
  if (action === 'resume') return status === 'paused';
  return canTransition(status, CONTROL_ACTIONS[action]);
}

/**
 * Why `action` was refused, the one wording callers see (409 bodies, bulk results, update rejections). `stopping`
 * and `finishing` are what the workflow calls a run that has been asked to stop or is writing its end.
 */
export function cannotControlMessage(action: ControlAction, status: ExecutionStatus | 'stopping' | 'finishing'): string {
  return `cannot ${action} an execution that is ${status}`;
}

/** `waiting`: a human node waiting for its answer. */
export const NODE_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'skipped'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
