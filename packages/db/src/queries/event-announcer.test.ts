import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { createEventAnnouncer } from './event-announcer';
import { EVENTS_CHANNEL, parseEventNotification } from './event-notifications';

const dialect = new PgDialect();

/** A stand-in for the database that records each statement's NOTIFY payloads (or fails when told to). */
function recordingDb() {
  const statements: string[][] = [];
  let failNext = false;
  const db = {
    execute: async (query: SQL) => {
      const { sql, params } = dialect.sqlToQuery(query);
      expect(sql).toMatch(/^select pg_notify\(\$1, \$2\)(, pg_notify\(\$\d+, \$\d+\))*$/);
      if (failNext) {
        failNext = false;
        throw new Error('connection refused');
      }
      expect(params.filter((_, i) => i % 2 === 0).every((channel) => channel === EVENTS_CHANNEL)).toBe(true);
      statements.push(params.filter((_, i) => i % 2 === 1) as string[]);
    },
  } as unknown as Database;
  return { db, statements, failNextStatement: () => (failNext = true) };
}

const seqs = (...values: number[]) => values.map((seq) => ({ seq }));

describe('createEventAnnouncer', () => {
  it('sends announcements made within the window as one statement, one range per execution', async () => {
    const { db, statements } = recordingDb();
    const announcer = createEventAnnouncer(db, { windowMs: 20 });
    announcer.announce('a', seqs(1));
    announcer.announce('b', seqs(4, 5));
    announcer.announce('a', seqs(2, 3));
    announcer.announce('a', []);
    expect(statements).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(statements).toEqual([['a:1-3 b:4-5']]);
  });

  it('keeps the lowest first and the highest last seq when announcements arrive out of order', async () => {
    const { db, statements } = recordingDb();
    const announcer = createEventAnnouncer(db, { windowMs: 1_000 });
    announcer.announce('a', seqs(7));
    announcer.announce('a', seqs(5, 6));
    await announcer.flush();
    expect(statements).toEqual([['a:5-7']]);
  });

  it('sends from announce when its window has passed but the timer has not fired (starved timers phase)', async () => {
    const { db, statements } = recordingDb();
    const announcer = createEventAnnouncer(db, { windowMs: 10 });
    announcer.announce('a', seqs(1));
    const spinUntil = performance.now() + 20;
    while (performance.now() < spinUntil); // a busy loop: no timer can run
    announcer.announce('b', seqs(1));
    for (let i = 0; i < 5; i++) await Promise.resolve(); // microtasks only
    expect(statements).toEqual([['a:1 b:1']]);
    await announcer.close();
  });

  it('splits a large batch into several payloads of the same statement', async () => {
    const { db, statements } = recordingDb();
    const announcer = createEventAnnouncer(db, { windowMs: 1_000, maxPayloadBytes: 100 });
    for (let i = 0; i < 50; i++) announcer.announce(`execution-${i}`, seqs(i + 1));
    await announcer.flush();
    expect(statements).toHaveLength(1);
    expect(statements[0]!.length).toBeGreaterThan(5);
    for (const payload of statements[0]!) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(100);
    const ranges = statements[0]!.flatMap((payload) => parseEventNotification(payload).ranges);
    expect(ranges.map((r) => r.executionId)).toEqual(Array.from({ length: 50 }, (_, i) => `execution-${i}`));
  });

  it('reports a failed NOTIFY and keeps announcing afterwards', async () => {
    const { db, statements, failNextStatement } = recordingDb();
    const failures: string[] = [];
    const announcer = createEventAnnouncer(db, {
      windowMs: 1_000,
      onError: (_error, ranges) => failures.push(...ranges.map((r) => r.executionId)),
    });
    failNextStatement();
    announcer.announce('lost', seqs(1));
    await announcer.flush();
    announcer.announce('next', seqs(2));
    await announcer.flush();
    expect(failures).toEqual(['lost']);
    expect(statements).toEqual([['next:2']]);
  });

  it('flushes on close and ignores announcements after it', async () => {
    const { db, statements } = recordingDb();
    const announcer = createEventAnnouncer(db, { windowMs: 60_000 });
    announcer.announce('a', seqs(1));
    await announcer.close();
    announcer.announce('b', seqs(1));
    await announcer.flush();
    expect(statements).toEqual([['a:1']]);
  });
});
