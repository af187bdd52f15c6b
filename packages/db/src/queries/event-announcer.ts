import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { EVENTS_CHANNEL, formatEventNotifications, MAX_EVENT_PAYLOAD_BYTES, type EventRange } from './event-notifications';

/** Tells API processes, after commit, that executions have new events. One per process. */
export interface EventAnnouncer {
  /** Queues the announcement of events just committed (e.g. what appendEvents returned); sent within the window. */
  announce(executionId: string, events: ReadonlyArray<{ seq: number }>): void;
  /** Sends everything queued so far; resolves when it is sent (or has failed). */
  flush(): Promise<void>;
  /** Flushes and stops; later announcements are dropped. */
  close(): Promise<void>;
}

export interface EventAnnouncerOptions {
  /** How long an announcement may wait for others to share its NOTIFY (default 5 ms). */
  windowMs?: number;
  maxPayloadBytes?: number;
  /** Called when a NOTIFY fails or an entry cannot be sent; listeners catch up through their poll. */
  onError?: (error: unknown, ranges: EventRange[]) => void;
}

/**
 * Coalesces announcements made within a short window into one `select pg_notify(...)` run outside any
 * transaction, one range per execution (the lowest first seq and highest last seq queued), split into
 * payloads under Postgres' size limit. Sends one statement at a time, so ranges of an execution arrive in order.
 * NOTIFY inside every writer's transaction serializes their commits on Postgres' notify queue lock.
 */
export function createEventAnnouncer(db: Database, options: EventAnnouncerOptions = {}): EventAnnouncer {
  const windowMs = options.windowMs ?? 5;
  let pending = new Map<string, EventRange>();
  let timer: NodeJS.Timeout | undefined;
  let windowOpenedAt = 0;
  let sending: Promise<void> = Promise.resolve();
  let closed = false;

  const send = async (ranges: EventRange[]): Promise<void> => {
    const { payloads, refused } = formatEventNotifications(ranges, options.maxPayloadBytes ?? MAX_EVENT_PAYLOAD_BYTES);
    if (refused.length) options.onError?.(new Error('execution id cannot be announced (too long or has whitespace)'), refused);
    if (payloads.length === 0) return;
    try {
      const calls = payloads.map((payload) => sql`pg_notify(${EVENTS_CHANNEL}, ${payload})`);
      await db.execute(sql`select ${sql.join(calls, sql`, `)}`);
    } catch (error) {
      options.onError?.(error, ranges);
    }
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    // Taken when the previous statement is done, so a slow database makes batches bigger, not a queue longer.
    sending = sending.then(() => {
      if (pending.size === 0) return;
      const ranges = [...pending.values()];
      pending = new Map();
      return send(ranges);
    });
    return sending;
  };

  return {
    announce(executionId, events) {
      if (closed || events.length === 0) return;
      let firstSeq = events[0]!.seq;
      let lastSeq = firstSeq;
      for (const { seq } of events) {
        firstSeq = Math.min(firstSeq, seq);
        lastSeq = Math.max(lastSeq, seq);
      }
      const queued = pending.get(executionId);
      pending.set(executionId, {
        executionId,
        firstSeq: Math.min(firstSeq, queued?.firstSeq ?? firstSeq),
        lastSeq: Math.max(lastSeq, queued?.lastSeq ?? lastSeq),
      });
      if (!timer) {
        windowOpenedAt = performance.now();
        timer = setTimeout(() => void flush(), windowMs);
        timer.unref();
      } else if (performance.now() - windowOpenedAt >= windowMs) {
        // The timer is late: a writer looping on an in-process database (PGlite) can starve the timers phase.
        void flush();
      }
    },
    flush,
    close: async () => {
      closed = true;
      await flush();
    },
  };
}
