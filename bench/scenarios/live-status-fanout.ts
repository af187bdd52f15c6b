import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { appendEvents, createEventAnnouncer, insertExecution } from '@trellis/db';
import type { BenchStack } from '../stack';
import { sleep } from '../stats';
import { openSocket, wsUrl } from '../ws-client';

export interface FanOutResult {
  listeners: number;
  events: number;
  deliveries: number;
  seconds: number;
  /** Time to commit the events: the writer shares the process (and its event loop) with the API. */
  write_seconds: number;
  per_second: number;
  /** Listeners whose messages were not exactly seqs 1..events in order. */
  listeners_wrong: number;
  target: string;
  met: boolean;
}

/**
 * (b) `listeners` sockets on one execution (one user), then `events` one-event transactions appended back to
 * back and announced after commit; deliveries per second from the first write until every listener has all.
 */
export async function measureFanOut(stack: BenchStack, options: { listeners: number; events: number }): Promise<FanOutResult> {
  const owner = `bench-fanout-${randomUUID()}`;
  const token = stack.tokenFor(owner);
  const executionId = `bench-fanout-${randomUUID()}`;
  const { db } = stack.database;
  await insertExecution(db, {
    id: executionId,
    ownerId: owner,
    workflowId: 'bench',
    workflowVersion: 1,
    workflowName: 'bench',
    status: 'running',
  });

  const total = options.events;
  let done = 0;
  let allDone: () => void = () => {};
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const listeners: Array<{ ws?: WebSocket; next: number; wrong: boolean }> = [];
  for (let opened = 0; opened < options.listeners; opened += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, options.listeners - opened) }, async () => {
        const listener: (typeof listeners)[number] = { next: 1, wrong: false };
        listeners.push(listener);
        listener.ws = await openSocket(wsUrl(stack, `/ws/${executionId}?since=0`), token, (data) => {
          // Only the seq is needed; a regex over the text is cheaper than parsing on the listening side.
          const seq = Number(/"seq":(\d+)/.exec(data.toString())?.[1]);
          if (seq !== listener.next) listener.wrong = true;
          listener.next = seq + 1;
          if (seq === total && ++done === options.listeners) allDone();
        });
      }),
    );
  }

  const announcer = createEventAnnouncer(db);
  const started = performance.now();
  for (let i = 1; i <= total; i++) {
    const written = await db.transaction((tx) =>
      appendEvents(tx, executionId, [{ key: `burst:${i}`, type: 'node.progress', message: `burst event ${i}`, data: { i } }]),
    );
    announcer.announce(executionId, written);
  }
  const writeSeconds = (performance.now() - started) / 1000;
  await Promise.race([finished, sleep(60_000)]);
  const seconds = (performance.now() - started) / 1000;
  await announcer.close();
  for (const { ws } of listeners) ws?.terminate();

  const deliveries = listeners.reduce((sum, l) => sum + l.next - 1, 0);
  const perSecond = Math.round(deliveries / seconds);
  return {
    listeners: options.listeners,
    events: total,
    deliveries,
    seconds: Math.round(seconds * 1000) / 1000,
    write_seconds: Math.round(writeSeconds * 1000) / 1000,
    per_second: perSecond,
    listeners_wrong: listeners.filter((l) => l.wrong || l.next !== total + 1).length,
    target: '≥ 50,000 deliveries/s',
    met: perSecond >= 50_000 && done === options.listeners,
  };
}
