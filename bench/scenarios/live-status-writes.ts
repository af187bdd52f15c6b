import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  appendEvents,
  createEventAnnouncer,
  EVENTS_CHANNEL,
  insertExecution,
  openDatabase,
  type DatabaseHandle,
  type EventAnnouncer,
} from '@trellis/db';
import type { BenchStack } from '../stack';
import { ratio } from '../stats';

type Variant = 'no_notify' | 'notify_in_transaction' | 'announcer_after_commit';
const VARIANTS: Variant[] = ['no_notify', 'notify_in_transaction', 'announcer_after_commit'];

export interface WritePathResult {
  database: string;
  writers: number;
  seconds_per_variant: number;
  /** Committed one-event transactions per second, and NOTIFY payloads the channel carried per second. */
  transactions_per_second: Record<Variant, number>;
  notifications_per_second: Record<Variant, number>;
  /** Variant ÷ no_notify. */
  ratio_notify_in_transaction: number;
  ratio_announcer: number;
  target: string;
  met: boolean;
}

/**
 * (c) `writers` concurrent writers, each on its own execution, commit one-event transactions in a loop:
 * without any notification, with pg_notify inside each transaction (what appendEvents used to do), and with
 * the announcer after commit. Each variant runs twice (A B C C B A) so drift on a shared machine evens out.
 */
export async function measureWritePath(
  stack: BenchStack,
  options: { writers: number; writeSeconds: number; databaseUrl?: string },
): Promise<WritePathResult> {
  // On Postgres the writers get a pool of their own, so they are not queued behind the stack's 10 connections.
  const own =
    stack.database.kind === 'postgres' && options.databaseUrl
      ? await openDatabase({ url: options.databaseUrl, poolSize: options.writers + 2 })
      : undefined;
  const database = own ?? stack.database;
  let notifications = 0;
  const unlisten = await database.listen(EVENTS_CHANNEL, () => void notifications++);
  const owner = `bench-writes-${randomUUID()}`;
  const ids = Array.from({ length: options.writers }, () => `bench-writes-${randomUUID()}`);
  for (const id of ids) {
    await insertExecution(database.db, {
      id,
      ownerId: owner,
      workflowId: 'bench',
      workflowVersion: 1,
      workflowName: 'bench',
      status: 'running',
    });
  }

  const totals = Object.fromEntries(VARIANTS.map((v) => [v, { transactions: 0, notifications: 0, ms: 0 }])) as Record<
    Variant,
    { transactions: number; notifications: number; ms: number }
  >;
  try {
    for (const variant of [...VARIANTS, ...[...VARIANTS].reverse()]) {
      const announcer = createEventAnnouncer(database.db);
      const before = notifications;
      const started = performance.now();
      const counts = await Promise.all(ids.map((id) => writeLoop(database, id, variant, announcer, started + options.writeSeconds * 1000)));
      await announcer.close();
      totals[variant].ms += performance.now() - started;
      totals[variant].transactions += counts.reduce((a, b) => a + b, 0);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the last notifications arrive
      totals[variant].notifications += notifications - before;
    }
  } finally {
    await unlisten();
    await own?.close();
  }

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const tps = Object.fromEntries(VARIANTS.map((v) => [v, perSecond(totals[v].transactions, totals[v].ms)])) as Record<Variant, number>;
  const nps = Object.fromEntries(VARIANTS.map((v) => [v, perSecond(totals[v].notifications, totals[v].ms)])) as Record<Variant, number>;
  const ratioAnnouncer = ratio(tps.announcer_after_commit, tps.no_notify);
  return {
    database: database.kind,
    writers: options.writers,
    seconds_per_variant: options.writeSeconds * 2,
    transactions_per_second: tps,
    notifications_per_second: nps,
    ratio_notify_in_transaction: ratio(tps.notify_in_transaction, tps.no_notify),
    ratio_announcer: ratioAnnouncer,
    target: '≥ 0.8× the writes without notifications',
    met: ratioAnnouncer >= 0.8,
  };
}

/** One writer: commits one-event transactions until `until`; returns how many. */
async function writeLoop(
  database: DatabaseHandle,
  executionId: string,
  variant: Variant,
  announcer: EventAnnouncer,
  until: number,
): Promise<number> {
  let count = 0;
  while (performance.now() < until) {
    const written = await database.db.transaction(async (tx) => {
      const events = await appendEvents(tx, executionId, [
        { key: `w:${variant}:${randomUUID()}`, type: 'node.progress', message: 'bench write' },
      ]);
      if (variant === 'notify_in_transaction')
        await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`${executionId}:${events[0]!.seq}`})`);
      return events;
    });
    if (variant === 'announcer_after_commit') announcer.announce(executionId, written);
    count++;
  }
  return count;
}
