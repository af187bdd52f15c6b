import { and, count, desc, eq, getTableColumns, sql, sum, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { executionCounts, executions } from '../schema/executions';
import { executionFilterConditions, type Execution, type ExecutionFilters } from './executions';

/**
 * Where a page ends in the list order (created_at desc, id desc). `createdAt` is the exact stored
 * timestamp, ISO 8601 in UTC with microseconds: a JS Date would round it to milliseconds and skip rows.
 */
export interface ExecutionPosition {
  createdAt: string;
  id: string;
}

export interface ExecutionPage {
  items: Execution[];
  /** Exact: one row more than the page is read. */
  hasMore: boolean;
  /** Position of the page's last item (undefined when the page is empty). */
  last?: ExecutionPosition;
}

export interface ExecutionTotal {
  total: number;
  /** False when `total` is an estimate: then more than the exact-count limit match. */
  exact: boolean;
}

const exactCreatedAt = sql<string>`to_char(${executions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of the owner's executions newest first, either after `after` (keyset: reads only the page's
 * rows through an index, at any depth) or at `offset` (reads and discards every row before it).
 */
export async function listExecutionPage(
  db: DbOrTx,
  filters: ExecutionFilters,
  page: { limit: number; after?: ExecutionPosition; offset?: number },
): Promise<ExecutionPage> {
  const after = page.after
    ? sql`(${executions.createdAt}, ${executions.id}) < (${page.after.createdAt}::timestamptz, ${page.after.id})`
    : undefined;
  const rows = await db
    .select({ ...getTableColumns(executions), positionAt: exactCreatedAt })
    .from(executions)
    .where(and(executionFilterConditions(filters), after))
    .orderBy(desc(executions.createdAt), desc(executions.id))
    .offset(page.offset ?? 0)
    .limit(page.limit + 1);
  const kept = rows.slice(0, page.limit);
  const lastRow = kept.at(-1);
  return {
    items: kept.map(({ positionAt: _, ...row }) => row),
    hasMore: rows.length > page.limit,
    last: lastRow ? { createdAt: lastRow.positionAt, id: lastRow.id } : undefined,
  };
}

/**
 * The number of executions matching `filters` without counting them on the spot when there are many.
 * Owner, workflow and test-flag filters read the counters kept by triggers (exact, a few rows). Status or
 * time filters count at most `exactUpTo` + 1 matching rows; past that the total is the planner's estimate,
 * kept between `exactUpTo` + 1 and the counters' total for the same owner/workflow, and `exact` is false.
 */
export async function countExecutions(db: DbOrTx, filters: ExecutionFilters, options: { exactUpTo: number }): Promise<ExecutionTotal> {
  const countersOnly = !filters.statuses?.length && !filters.createdAfter && !filters.createdBefore && !filters.rerunOf;
  if (countersOnly) return { total: await countFromCounters(db, filters), exact: true };

  const where = executionFilterConditions(filters);
  const matching = db
    .select({ one: sql`1` })
    .from(executions)
    .where(where)
    .limit(options.exactUpTo + 1)
    .as('matching');
  const [limited] = await db.select({ n: count() }).from(matching);
  const n = limited?.n ?? 0;
  if (n <= options.exactUpTo) return { total: n, exact: true };
  const [estimate, ceiling] = await Promise.all([plannerEstimate(db, where), countFromCounters(db, filters)]);
  return { total: Math.max(options.exactUpTo + 1, Math.min(estimate, ceiling)), exact: false };
}

/** Sum of the trigger-kept counters for the owner (and workflow), test runs included only when asked for. */
async function countFromCounters(db: DbOrTx, filters: ExecutionFilters): Promise<number> {
  const conditions: SQL[] = [eq(executionCounts.ownerId, filters.ownerId)];
  if (filters.workflowId) conditions.push(eq(executionCounts.workflowId, filters.workflowId));
  if (!filters.includeTest) conditions.push(eq(executionCounts.isTest, false));
  const [row] = await db
    .select({ total: sum(executionCounts.count).mapWith(Number) })
    .from(executionCounts)
    .where(and(...conditions));
  return row?.total ?? 0;
}

/** The planner's row estimate for the filter (EXPLAIN only plans: nothing is read but statistics). */
async function plannerEstimate(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const query = db
    .select({ one: sql`1` })
    .from(executions)
    .where(where);
  const result = (await db.execute(sql`explain (format json) ${query}`)) as unknown as { rows: Array<Record<string, unknown>> };
  const plan = result.rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: { 'Plan Rows': number } }>;
  return Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0);
}
