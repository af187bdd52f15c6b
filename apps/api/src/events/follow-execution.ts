import { TERMINAL_STATUSES, type ExecutionStatus } from '@trellis/core';
import { listEvents, type Database, type ExecutionEvent } from '@trellis/db';
import type { EventHub } from './event-hub';

const POLL_MS = 2_000;

export interface FollowOptions {
  executionId: string;
  /** Deliver events with seq greater than this (0 for all). */
  afterSeq: number;
  onEvent: (event: ExecutionEvent) => void;
  /** Called once after the terminal event was delivered. */
  onEnd?: () => void;
}

/** True for the event that ends an execution (completed, failed, stopped, cancelled, ...). */
export function isTerminalEvent(event: ExecutionEvent): boolean {
  return event.type.startsWith('execution.') && TERMINAL_STATUSES.has(event.status as ExecutionStatus);
}

/**
 * Replays stored events after `afterSeq`, then delivers new ones in seq order as they are written,
 * each exactly once, until the terminal event. A slow poll backs up the notifications.
 */
export function followExecution(db: Database, hub: EventHub, options: FollowOptions): () => void {
  let lastSeq = options.afterSeq;
  let stopped = false;
  let reading = false;
  let again = false;

  const read = async (): Promise<void> => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const events = await listEvents(db, { executionId: options.executionId, afterSeq: lastSeq, limit: 500 });
        for (const event of events) {
          if (stopped) return;
          lastSeq = event.seq;
          options.onEvent(event);
          if (isTerminalEvent(event)) {
            stop();
            options.onEnd?.();
            return;
          }
        }
        if (events.length === 500) again = true;
      } while (again && !stopped);
    } catch {
      // Postgres unreachable: the poll tries again.
    } finally {
      reading = false;
    }
  };

  const unsubscribe = hub.onExecution(options.executionId, (seq) => {
    if (seq > lastSeq) void read();
  });
  const poll = setInterval(() => void read(), POLL_MS);
  poll.unref();
  const stop = (): void => {
    stopped = true;
    unsubscribe();
    clearInterval(poll);
  };
  void read();
  return stop;
}
