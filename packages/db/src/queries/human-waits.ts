import { and, arrayContains, count, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { LIVE_STATUSES } from '@trellis/definition';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';
import { humanWaits, type HumanWaitStatus } from '../schema/human-waits';
import { nodeExecutions } from '../schema/node-executions';

export type HumanWait = typeof humanWaits.$inferSelect;
export type NewHumanWait = typeof humanWaits.$inferInsert;

/** Records a wait as open; idempotent (a retried write leaves the first one). True when this call wrote it. */
export async function insertHumanWait(db: DbOrTx, wait: NewHumanWait): Promise<boolean> {
  const rows = await db
    .insert(humanWaits)
    .values({ ...wait, status: 'open' })
    .onConflictDoNothing()
    .returning({ nodeId: humanWaits.nodeId });
  return rows.length > 0;
}

/** The node is waiting for its answer: its row, with its input, unless it already finished. */
export async function markNodeWaiting(
  db: DbOrTx,
  params: { executionId: string; nodeId: string; nodeType: string; attempt: number; input: unknown; startedAt: Date },
): Promise<void> {
  const values = {
    ...params,
    input: params.input ?? null,
    status: 'waiting' as const,
    output: null,
    error: null,
    finishedAt: null,
    durationMs: null,
  };
  await db
    .insert(nodeExecutions)
    .values(values)
    .onConflictDoUpdate({
      target: [nodeExecutions.executionId, nodeExecutions.nodeId],
      set: values,
      setWhere: sql`${nodeExecutions.status} not in ('completed', 'skipped', 'failed')`,
    });
}

/** Closes an open wait (answered, expired or withdrawn); false when it was not open (already closed by a retry). */
export async function closeHumanWait(
  db: DbOrTx,
  params: {
    executionId: string;
    nodeId: string;
    status: Exclude<HumanWaitStatus, 'open'>;
    answeredBy?: string | null;
    answeredAt?: Date | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(humanWaits)
    .set({ status: params.status, answeredBy: params.answeredBy ?? null, answeredAt: params.answeredAt ?? null })
    .where(and(eq(humanWaits.executionId, params.executionId), eq(humanWaits.nodeId, params.nodeId), eq(humanWaits.status, 'open')))
    .returning({ nodeId: humanWaits.nodeId });
  return rows.length > 0;
}

/** The waiting node completes with its answer and who gave it; false when the row was not waiting any more. */
export async function recordNodeAnswered(
  db: DbOrTx,
  params: { executionId: string; nodeId: string; output: unknown; answeredBy: string | null; answeredAt: Date; finishedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(nodeExecutions)
    .set({
      status: 'completed',
      output: params.output ?? null,
      answeredBy: params.answeredBy,
      answeredAt: params.answeredAt,
      finishedAt: params.finishedAt,
      durationMs: sql`(extract(epoch from (${params.finishedAt.toISOString()}::timestamptz - ${nodeExecutions.startedAt})) * 1000)::integer`,
    })
    .where(
      and(
        eq(nodeExecutions.executionId, params.executionId),
        eq(nodeExecutions.nodeId, params.nodeId),
        eq(nodeExecutions.status, 'waiting'),
      ),
    )
    .returning({ nodeId: nodeExecutions.nodeId });
  return rows.length > 0;
}

export async function findHumanWait(db: DbOrTx, executionId: string, nodeId: string): Promise<HumanWait | undefined> {
  const rows = await db
    .select()
    .from(humanWaits)
    .where(and(eq(humanWaits.executionId, executionId), eq(humanWaits.nodeId, nodeId)));
  return rows[0];
}

/** The waits of one execution, in the order they opened. */
export async function listExecutionWaits(db: DbOrTx, executionId: string): Promise<HumanWait[]> {
  return db.select().from(humanWaits).where(eq(humanWaits.executionId, executionId)).orderBy(humanWaits.createdAt, humanWaits.nodeId);
}

/** What the inbox shows: `open` (still answerable), `answered`, `expired` (ran out) or `cancelled` (withdrawn). */
export type HumanWaitView = HumanWaitStatus;

/** Where an inbox page ends (created_at desc, execution_id desc, node_id desc). */
export interface HumanWaitPosition {
  createdAt: Date;
  executionId: string;
  nodeId: string;
}

/**
 * One page of the waits `userId` may answer (as the run's owner or an assignee), newest first, with `status` as the
 * inbox sees it: an open wait past its deadline reads expired; one whose run ended without closing it (terminated in
 * Temporal) reads cancelled.
 */
export async function listHumanWaitPage(
  db: DbOrTx,
  params: { userId: string; status?: HumanWaitView; after?: HumanWaitPosition; limit: number },
): Promise<{ items: Array<HumanWait & { view: HumanWaitView }>; hasMore: boolean }> {
  const view = sql<HumanWaitView>`case
    when ${humanWaits.status} <> 'open' then ${humanWaits.status}
    when ${executions.status} not in (${sql.join(
      LIVE_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}) then 'cancelled'
    when ${humanWaits.expiresAt} <= now() then 'expired'
    else 'open' end`;
  const conditions: Array<SQL | undefined> = [
    or(eq(humanWaits.ownerId, params.userId), arrayContains(humanWaits.assignees, [params.userId])),
  ];
  if (params.status) conditions.push(sql`${view} = ${params.status}`);
  if (params.after) {
    const a = params.after;
    conditions.push(
      sql`(${humanWaits.createdAt}, ${humanWaits.executionId}, ${humanWaits.nodeId}) < (${a.createdAt.toISOString()}::timestamptz, ${a.executionId}, ${a.nodeId})`,
    );
  }
  const rows = await db
    .select({ wait: humanWaits, view })
    .from(humanWaits)
    .innerJoin(executions, eq(executions.id, humanWaits.executionId))
    .where(and(...conditions))
    .orderBy(desc(humanWaits.createdAt), desc(humanWaits.executionId), desc(humanWaits.nodeId))
    .limit(params.limit + 1);
  return { items: rows.slice(0, params.limit).map((r) => ({ ...r.wait, view: r.view })), hasMore: rows.length > params.limit };
}

/** Waits open now across all owners and not past their deadline (the open-waits gauge). */
export async function countOpenHumanWaits(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(humanWaits)
    .innerJoin(executions, eq(executions.id, humanWaits.executionId))
    .where(and(eq(humanWaits.status, 'open'), gt(humanWaits.expiresAt, sql`now()`), inArray(executions.status, [...LIVE_STATUSES])));
  return rows[0]?.n ?? 0;
}
