import { and, count, desc, eq, gte, inArray, lte, notInArray, type SQL } from 'drizzle-orm';
import { LIVE_STATUSES, type ExecutionStatus } from '@trellis/definition';
import type { DbOrTx } from '../client';
import { executions } from '../schema/executions';

export type Execution = typeof executions.$inferSelect;
export type NewExecution = typeof executions.$inferInsert;

/** The Temporal workflow id of the execution's run: the one stored with the row, or (older rows) the row's id. */
export function temporalWorkflowIdOf(row: Pick<Execution, 'id' | 'temporalWorkflowId'>): string {
  return row.temporalWorkflowId ?? row.id;
}

/** Inserts the execution unless its id exists; returns the stored row and whether this call created it. */
export async function insertExecution(db: DbOrTx, row: NewExecution): Promise<{ execution: Execution; created: boolean }> {
  const inserted = await db.insert(executions).values(row).onConflictDoNothing().returning();
  if (inserted[0]) return { execution: inserted[0], created: true };
  const existing = row.idempotencyKey ? await findExecutionByIdempotencyKey(db, row.ownerId, row.idempotencyKey) : undefined;
  const found = existing ?? (await db.select().from(executions).where(eq(executions.id, row.id)))[0];
  if (!found) throw new Error(`execution ${row.id} neither inserted nor found`);
  return { execution: found, created: false };
}

/** The owner's execution started under `idempotencyKey`, if any. */
export async function findExecutionByIdempotencyKey(db: DbOrTx, ownerId: string, idempotencyKey: string): Promise<Execution | undefined> {
  const rows = await db
    .select()
    .from(executions)
    .where(and(eq(executions.ownerId, ownerId), eq(executions.idempotencyKey, idempotencyKey)));
  return rows[0];
}

/** The execution if it exists and belongs to `ownerId` (another owner's reads as absent). */
export async function findExecution(db: DbOrTx, id: string, ownerId?: string): Promise<Execution | undefined> {
  const where = ownerId === undefined ? eq(executions.id, id) : and(eq(executions.id, id), eq(executions.ownerId, ownerId));
  const rows = await db.select().from(executions).where(where);
  return rows[0];
}

export interface ExecutionFilters {
  ownerId: string;
  workflowId?: string;
  statuses?: ExecutionStatus[];
  createdAfter?: Date;
  createdBefore?: Date;
  includeTest?: boolean;
  /** Only re-runs of this execution. */
  rerunOf?: string;
}

/** The WHERE clause for `filters`: the owner always, test runs only when asked for. */
export function executionFilterConditions(filters: ExecutionFilters): SQL | undefined {
  const conditions: SQL[] = [eq(executions.ownerId, filters.ownerId)];
  if (filters.workflowId) conditions.push(eq(executions.workflowId, filters.workflowId));
  if (filters.statuses?.length) conditions.push(inArray(executions.status, filters.statuses));
  if (filters.createdAfter) conditions.push(gte(executions.createdAt, filters.createdAfter));
  if (filters.createdBefore) conditions.push(lte(executions.createdAt, filters.createdBefore));
  if (!filters.includeTest) conditions.push(eq(executions.isTest, false));
  if (filters.rerunOf) conditions.push(eq(executions.rerunOf, filters.rerunOf));
  return and(...conditions);
}

/**
 * One page of an owner's executions, newest first, with the exact total (count(*) over every match): for
 * small sets. The list endpoints use listExecutionPage and countExecutions (execution-pages.ts) instead.
 */
export async function listExecutions(
  db: DbOrTx,
  filters: ExecutionFilters,
  page: { offset: number; limit: number },
): Promise<{ items: Execution[]; total: number }> {
  const where = executionFilterConditions(filters);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(executions)
      .where(where)
      .orderBy(desc(executions.createdAt), desc(executions.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ total: count() }).from(executions).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** Deletes the owner's execution unless it is still live; returns what happened. */
export async function deleteExecution(db: DbOrTx, id: string, ownerId: string): Promise<'deleted' | 'not_found' | 'live'> {
  const deleted = await db
    .delete(executions)
    .where(and(eq(executions.id, id), eq(executions.ownerId, ownerId), notInArray(executions.status, [...LIVE_STATUSES])))
    .returning({ id: executions.id });
  if (deleted.length > 0) return 'deleted';
  return (await findExecution(db, id, ownerId)) ? 'live' : 'not_found';
}

/** Deletes every finished execution of a workflow; returns how many were deleted and how many are still live. */
export async function clearWorkflowExecutions(db: DbOrTx, workflowId: string, ownerId: string): Promise<{ deleted: number; live: number }> {
  const deleted = await db
    .delete(executions)
    .where(and(eq(executions.workflowId, workflowId), eq(executions.ownerId, ownerId), notInArray(executions.status, [...LIVE_STATUSES])))
    .returning({ id: executions.id });
  const live = await db
    .select({ n: count() })
    .from(executions)
    .where(and(eq(executions.workflowId, workflowId), eq(executions.ownerId, ownerId)));
  return { deleted: deleted.length, live: live[0]?.n ?? 0 };
}

/** How many of the owner's executions are live (see LIVE_STATUSES). */
export async function countLiveExecutions(db: DbOrTx, ownerId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(executions)
    .where(and(eq(executions.ownerId, ownerId), inArray(executions.status, [...LIVE_STATUSES])));
  return rows[0]?.n ?? 0;
}
