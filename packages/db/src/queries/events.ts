import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { executionEvents, type EventLevel } from '../schema/execution-events';
import { executions } from '../schema/executions';
import { eventsOfResult, type ExecutionEvent } from './event-rows';

export type { ExecutionEvent } from './event-rows';

export interface NewEvent {
  /** Unique per execution; a retried write with the same key is dropped. */
  key: string;
  type: string;
  message: string;
  status?: string | null;
  nodeId?: string | null;
  level?: EventLevel;
  data?: unknown;
}

/**
 * Appends events with gapless seqs (under the execution row's lock). Must run inside a transaction. Returns
 * the events actually written (duplicates by key are skipped): announce them through an EventAnnouncer once
 * the transaction has committed.
 */
export async function appendEvents(tx: DbOrTx, executionId: string, events: NewEvent[]): Promise<ExecutionEvent[]> {
  if (events.length === 0) return [];
  const locked = await tx.select({ lastSeq: executions.lastSeq }).from(executions).where(eq(executions.id, executionId)).for('update');
  if (locked.length === 0) return [];
  const existing = await tx
    .select({ key: executionEvents.key })
    .from(executionEvents)
    .where(
      and(
        eq(executionEvents.executionId, executionId),
        inArray(
          executionEvents.key,
          events.map((e) => e.key),
        ),
      ),
    );
  const seen = new Set(existing.map((row) => row.key));
  const fresh = events.filter((event) => !seen.has(event.key) && (seen.add(event.key), true));
  if (fresh.length === 0) return [];

  let seq = locked[0]!.lastSeq;
  const rows = fresh.map((event) => ({
    executionId,
    seq: ++seq,
    key: event.key,
    type: event.type,
    message: event.message,
    status: event.status ?? null,
    nodeId: event.nodeId ?? null,
    level: event.level ?? 'info',
    data: event.data ?? null,
  }));
  const written = await tx.insert(executionEvents).values(rows).returning();
  await tx.update(executions).set({ lastSeq: seq }).where(eq(executions.id, executionId));
  return written;
}

export interface ListEventsParams {
  executionId: string;
  afterSeq?: number;
  levels?: EventLevel[];
  limit?: number;
}

/** Events of one execution in seq order, optionally after a seq and filtered by level. */
export async function listEvents(db: DbOrTx, params: ListEventsParams): Promise<ExecutionEvent[]> {
  const conditions = [eq(executionEvents.executionId, params.executionId)];
  if (params.afterSeq !== undefined) conditions.push(gt(executionEvents.seq, params.afterSeq));
  if (params.levels?.length) conditions.push(inArray(executionEvents.level, params.levels));
  return db
    .select()
    .from(executionEvents)
    .where(and(...conditions))
    .orderBy(asc(executionEvents.seq))
    .limit(params.limit ?? 1000);
}

/** Where a reader of one execution's events stands: it has every event up to `afterSeq`. */
export interface EventCursor {
  executionId: string;
  afterSeq: number;
}

/**
 * Events of several executions in one round trip: for each cursor, up to `limit` events after its seq.
 * Ordered by execution, then seq. Live followers of many executions cost one query per batch of notifications.
 */
export async function listEventsAfter(db: DbOrTx, cursors: EventCursor[], limit: number): Promise<ExecutionEvent[]> {
  if (cursors.length === 0) return [];
  const json = JSON.stringify(cursors.map((c) => ({ execution_id: c.executionId, after_seq: c.afterSeq })));
  const result = await db.execute(sql`
    select e.execution_id, e.seq, e.key, e.type, e.status, e.node_id, e.level, e.message, e.data, e.created_at
    from jsonb_to_recordset(${json}::jsonb) as cursor(execution_id text, after_seq integer)
    cross join lateral (
      select * from execution_events x
      where x.execution_id = cursor.execution_id and x.seq > cursor.after_seq
      order by x.seq
      limit ${limit}
    ) e
    order by e.execution_id, e.seq
  `);
  return eventsOfResult(result);
}
