import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import WebSocket from 'ws';
import {
  appendEvents,
  createEventAnnouncer,
  EVENTS_CHANNEL,
  insertExecution,
  openDatabase,
  type DatabaseHandle,
  type EventAnnouncer,
  type NewEvent,
} from '@trellis/db';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer } from '../apps/api/src/server';
import { startTestStack, waitFor, type TestStack } from './stack';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A follower as the hub sees it, recording what it was given. */
interface Recorder {
  since: number;
  seqs: number[];
  ends: number;
  stop: () => void;
}

describe('event fan-out: one shared reader per execution, notifications announced after commit', () => {
  let database: DatabaseHandle;
  let stack: TestStack;
  let announcer: EventAnnouncer;
  const hubs: EventHub[] = [];

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    stack = await startTestStack({ database });
    announcer = createEventAnnouncer(database.db, { windowMs: 5 });
  });
  afterAll(async () => {
    await announcer?.close();
    for (const hub of hubs) await hub.stop();
    await stack?.close();
    await database?.close();
  });

  async function startHub(pollMs: number): Promise<EventHub> {
    const hub = new EventHub(database, log, { pollMs });
    hubs.push(hub);
    await hub.start();
    return hub;
  }

  async function newExecution(): Promise<string> {
    const id = `fanout-${randomUUID()}`;
    await insertExecution(database.db, {
      id,
      ownerId: 'fanout-user',
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status: 'running',
    });
    return id;
  }

  /** Commits events in one transaction and announces them after commit, or as an old writer did (`<id>:<seq>` inside it), or not at all. */
  async function write(id: string, events: NewEvent[], how: 'announce' | 'in-transaction' | 'lost' = 'announce') {
    const written = await database.db.transaction(async (tx) => {
      const appended = await appendEvents(tx, id, events);
      if (how === 'in-transaction') await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`${id}:${appended.at(-1)!.seq}`})`);
      return appended;
    });
    if (how === 'announce') announcer.announce(id, written);
    return written;
  }

  const progress = (n: number): NewEvent => ({ key: `e${n}`, type: 'node.progress', message: `event ${n}` });
  const terminal: NewEvent = { key: 'end', type: 'execution.completed', status: 'completed', message: 'done' };

  function follow(hub: EventHub, executionId: string, since: number): Recorder {
    const recorder: Recorder = { since, seqs: [], ends: 0, stop: () => {} };
    recorder.stop = hub.follow({
      executionId,
      afterSeq: since,
      onEvents: (events) => recorder.seqs.push(...events.map((e) => e.seq)),
      onEnd: () => recorder.ends++,
    });
    return recorder;
  }

  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

  it('gives each of 60 followers joining at different seqs every event after its own once, in order, then the end once', async () => {
    // No poll within the test's time: live delivery has to come from the notifications.
    const hub = await startHub(600_000);
    const id = await newExecution();
    const followers: Recorder[] = [follow(hub, id, 0), follow(hub, id, 0)];
    let lastSeq = 0;
    for (let batch = 0; batch < 40; batch++) {
      const size = 1 + (batch % 4);
      // One batch as an old writer sends it (`<id>:<seq>` inside its transaction): both formats are followed.
      const written = await write(id, range(lastSeq + 1, lastSeq + size).map(progress), batch === 20 ? 'in-transaction' : 'announce');
      lastSeq = written.at(-1)!.seq;
      // Join at seqs behind, at and ahead of the head, sometimes while a read is in flight (not awaited).
      followers.push(follow(hub, id, Math.max(0, lastSeq - (batch % 7) * 3)));
      if (batch % 2 === 0 && batch < 36) followers.push(follow(hub, id, lastSeq + 1 + (batch % 3)));
      if (batch % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const end = (await write(id, [terminal]))[0]!.seq;
    followers.push(follow(hub, id, 0), follow(hub, id, end - 1)); // late joiners: full replay, and just the end
    expect(followers.length).toBeGreaterThanOrEqual(60);

    await waitFor(
      async () => followers.filter((f) => f.ends === 0).length,
      (open) => open === 0,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate would arrive by now
    for (const follower of followers) {
      expect({ since: follower.since, seqs: follower.seqs }).toEqual({ since: follower.since, seqs: range(follower.since + 1, end) });
      expect(follower.ends).toBe(1);
    }
  });

  it('sends each of 50 WebSockets on one execution every event after its since once, in order', async () => {
    const api = await startApiServer(
      { ...stack.deps, hub: new EventHub(database, log), settings: { ...stack.deps.settings, ws: { maxConnectionsPerUser: 100 } } },
      { port: 0, host: '127.0.0.1' },
    );
    const id = await newExecution();
    await write(id, range(1, 10).map(progress));
    const sockets = await Promise.all(
      range(0, 49).map(
        (i) =>
          new Promise<{ ws: WebSocket; since: number; seqs: number[] }>((resolve, reject) => {
            const since = i % 12; // some replay what they missed, some are level with the head, some ahead of it
            const ws = new WebSocket(`${api.url.replace(/^http/, 'ws')}/ws/${id}?since=${since}`, {
              headers: { Authorization: `Bearer ${stack.tokenFor('fanout-user')}` },
            });
            const client = { ws, since, seqs: [] as number[] };
            ws.on('message', (data) => client.seqs.push((JSON.parse(data.toString()) as { seq: number }).seq));
            ws.once('open', () => resolve(client));
            ws.once('error', reject);
          }),
      ),
    );
    try {
      for (let n = 11; n <= 40; n += 3) await write(id, range(n, n + 2).map(progress));
      const end = (await write(id, [terminal]))[0]!.seq;
      await waitFor(
        async () => sockets.filter((s) => s.seqs.at(-1) !== end).length,
        (open) => open === 0,
        15_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const { since, seqs } of sockets) expect({ since, seqs }).toEqual({ since, seqs: range(since + 1, end) });
    } finally {
      for (const { ws } of sockets) ws.terminate();
      await api.close();
    }
  });

  it('delivers events whose notification was lost through the poll', async () => {
    const hub = await startHub(300);
    const id = await newExecution();
    const follower = follow(hub, id, 0);
    await write(id, [progress(1), progress(2)], 'lost');
    await write(id, [terminal], 'lost');
    await waitFor(
      async () => follower.ends,
      (ends) => ends === 1,
      5_000,
    );
    expect(follower.seqs).toEqual([1, 2, 3]);
  });

  it('stops delivering to a follower that stopped and keeps the others going', async () => {
    const hub = await startHub(600_000);
    const id = await newExecution();
    const leaving = follow(hub, id, 0);
    const staying = follow(hub, id, 0);
    await write(id, [progress(1)]);
    await waitFor(
      async () => staying.seqs.length,
      (n) => n === 1,
      5_000,
    );
    leaving.stop();
    await write(id, [progress(2), terminal]);
    await waitFor(
      async () => staying.ends,
      (ends) => ends === 1,
      5_000,
    );
    expect(staying.seqs).toEqual([1, 2, 3]);
    expect(leaving.seqs).toEqual([1]);
    expect(leaving.ends).toBe(0);
  });
});
