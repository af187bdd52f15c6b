/** Every status an execution can have; terminated and timed_out come from Temporal ending a run. */
export const EXECUTION_STATUSES = [
  'pending',
  'running',
  'paused',
  'completed',
  'failed',
  'stopped',
  'cancelled',
  'terminated',
  'timed_out',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set([
  'completed',
  'failed',
  'stopped',
  'cancelled',
  'terminated',
  'timed_out',
]);

const ENDINGS: ExecutionStatus[] = ['completed', 'failed', 'stopped', 'cancelled', 'terminated', 'timed_out'];

/** The one transition table: from each status, the statuses it may move to. */
export const EXECUTION_TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  pending: ['running', ...ENDINGS],
  running: ['paused', ...ENDINGS],
  paused: ['running', ...ENDINGS],
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

export const NODE_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
