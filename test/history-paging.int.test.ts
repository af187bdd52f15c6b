import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import request from 'supertest';
import { createTrellisClient, type Execution } from '@trellis/client';
import { countExecutions, executionCounts, executions, type ExecutionFilters } from '@trellis/db';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer } from '../apps/api/src/server';
import { startTestStack, type TestStack } from './stack';

/** A row as seeded: what the list order and filters need to know about it. */
interface Seeded {
  id: string;
  ownerId: string;
  workflowId: string;
  createdAt: string;
  status: 'completed' | 'failed';
  isTest: boolean;
}

const run = randomUUID().slice(0, 8);
const ANN = `hp-ann-${run}`;
const BOB = `hp-bob-${run}`;
const WF_A = `hp-wf-a-${run}`;
const WF_B = `hp-wf-b-${run}`;

/**
 * 100 rows: three share each timestamp (ties broken by id), timestamps 100 µs apart (so ten share a
 * millisecond), ann's rows in two workflows with failed and test runs among them, bob's rows in between.
 */
function seedRows(): Seeded[] {
  return Array.from({ length: 100 }, (_, i) => ({
    id: `hp-${run}-${String(i).padStart(4, '0')}`,
    ownerId: i % 10 === 9 ? BOB : ANN,
    workflowId: i % 5 === 4 ? WF_B : WF_A,
    createdAt: `2026-03-01T10:00:00.${String(100 * Math.floor(i / 3)).padStart(6, '0')}Z`,
    status: i % 4 === 0 ? 'failed' : 'completed',
    isTest: i % 7 === 3,
  }));
}

const newestFirst = (a: Seeded, b: Seeded) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

describe('history paging: cursors, page numbers and totals', () => {
  let stack: TestStack;
  const rows = seedRows();
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const get = (user: string, path: string) => request(stack.app).get(path).set('Authorization', as(user));
  const expected = (keep: (row: Seeded) => boolean) =>
    rows
      .filter(keep)
      .sort(newestFirst)
      .map((row) => row.id);

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.database.db.insert(executions).values(
      rows.map((row) => ({
        id: row.id,
        ownerId: row.ownerId,
        workflowId: row.workflowId,
        workflowVersion: 1,
        workflowName: 'paging',
        status: row.status,
        isTest: row.isTest,
        createdAt: sql`${row.createdAt}::timestamptz`,
      })),
    );
  });
  afterAll(async () => {
    await stack?.database.db.delete(executions).where(inArray(executions.ownerId, [ANN, BOB]));
    await stack?.close();
  });

  /** Follows next_cursor from `firstPath` to the end; returns the ids in order and every page body. */
  async function walk(user: string, firstPath: string, itemsKey: 'items' | 'histories' = 'items') {
    const ids: string[] = [];
    const pages: Array<Record<string, unknown>> = [];
    let path: string | undefined = firstPath;
    while (path) {
      const res = await get(user, path).expect(200);
      pages.push(res.body);
      ids.push(...(res.body[itemsKey] as Array<{ id?: string; execute_id?: string }>).map((item) => item.id ?? item.execute_id!));
      const cursor = res.body.next_cursor as string | null;
      path = cursor ? `${firstPath}&cursor=${encodeURIComponent(cursor)}` : undefined;
      if (pages.length > 50) throw new Error('cursor walk does not end');
    }
    return { ids, pages };
  }

  it('walks every row of a workflow once, newest first, across equal timestamps, and never shows another user’s rows', async () => {
    const want = expected((r) => r.ownerId === ANN && r.workflowId === WF_A && !r.isTest);
    const { ids, pages } = await walk(ANN, `/api/v1/executions?workflow_id=${WF_A}&size=7`);
    expect(ids).toEqual(want);
    expect(pages[0]).toMatchObject({
      page: 1,
      size: 7,
      total: want.length,
      total_exact: true,
      pages: Math.ceil(want.length / 7),
      has_more: true,
    });
    expect(pages.slice(1).every((p) => p.page === null && p.total === want.length)).toBe(true);
    expect(pages.at(-1)).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('walks the per-workflow history the same way, with and without test runs', async () => {
    const base = `/api/v1/workflows/${WF_A}/history?page_size=6`;
    const plain = await walk(ANN, base, 'histories');
    expect(plain.ids).toEqual(expected((r) => r.ownerId === ANN && r.workflowId === WF_A && !r.isTest));
    expect(plain.pages[0]).toMatchObject({ success: true, total: plain.ids.length, total_exact: true, has_more: true });
    const withTests = await walk(ANN, `${base}&include_test=true`, 'histories');
    expect(withTests.ids).toEqual(expected((r) => r.ownerId === ANN && r.workflowId === WF_A));
    expect(withTests.pages[0]!.total).toBe(withTests.ids.length);
    const bob = await walk(BOB, base, 'histories');
    expect(bob.ids).toEqual(expected((r) => r.ownerId === BOB && r.workflowId === WF_A && !r.isTest));
  });

  it('applies status and time filters on every page', async () => {
    const failed = await walk(ANN, '/api/v1/executions?status=failed&size=4');
    expect(failed.ids).toEqual(expected((r) => r.ownerId === ANN && r.status === 'failed' && !r.isTest));
    expect(failed.pages[0]).toMatchObject({ total: failed.ids.length, total_exact: true });
    const window = { after: '2026-03-01T10:00:00.001000Z', before: '2026-03-01T10:00:00.002000Z' }; // the filters take milliseconds
    const inWindow = await walk(
      ANN,
      `/api/v1/executions?created_after=${window.after}&created_before=${window.before}&size=5&include_test=true`,
    );
    expect(inWindow.ids).toEqual(expected((r) => r.ownerId === ANN && r.createdAt >= window.after && r.createdAt <= window.before));
    expect(inWindow.ids.length).toBeGreaterThan(10);
  });

  it('answers page numbers as before, and a page-number answer’s cursor continues where it ended', async () => {
    const want = expected((r) => r.ownerId === ANN && !r.isTest);
    const second = await get(ANN, '/api/v1/executions?page=2&size=9').expect(200);
    expect(second.body).toMatchObject({ page: 2, size: 9, total: want.length, pages: Math.ceil(want.length / 9), has_more: true });
    expect(second.body.items.map((e: { id: string }) => e.id)).toEqual(want.slice(9, 18));
    const third = await get(ANN, `/api/v1/executions?size=9&cursor=${encodeURIComponent(second.body.next_cursor)}`).expect(200);
    expect(third.body.items.map((e: { id: string }) => e.id)).toEqual(want.slice(18, 27));
    const last = await get(ANN, `/api/v1/executions?page=${Math.ceil(want.length / 9)}&size=9`).expect(200);
    expect(last.body).toMatchObject({ has_more: false, next_cursor: null });
    const history = await get(ANN, `/api/v1/workflows/${WF_B}/history?page_size=2&page_index=2`).expect(200);
    const wantB = expected((r) => r.ownerId === ANN && r.workflowId === WF_B && !r.isTest);
    expect(history.body.histories.map((h: { execute_id: string }) => h.execute_id)).toEqual(wantB.slice(2, 4));
    expect(history.body).toMatchObject({ total: wantB.length, has_more: wantB.length > 4 });
  });

  it('lets the typed client iterate every matching execution through the cursors', async () => {
    const api = await startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port: 0, host: '127.0.0.1' });
    try {
      const client = createTrellisClient({ baseUrl: api.url, token: stack.tokenFor(ANN) });
      const seen: Execution[] = [];
      for await (const execution of client.executions.all({ workflow_id: WF_A, status: ['completed', 'failed'], size: 4 }))
        seen.push(execution);
      expect(seen.map((e) => e.id)).toEqual(expected((r) => r.ownerId === ANN && r.workflowId === WF_A && !r.isTest));
      const first = await client.executions.list({ workflow_id: WF_A, size: 4 });
      const second = await client.executions.list({ workflow_id: WF_A, size: 4, cursor: first.next_cursor! });
      expect(second).toMatchObject({ page: null, total_exact: true, has_more: true });
    } finally {
      await api.close();
    }
  });

  it('refuses malformed, altered and foreign cursors with 400 INVALID_CURSOR', async () => {
    const first = await get(ANN, `/api/v1/executions?workflow_id=${WF_A}&size=3`).expect(200);
    const cursor = first.body.next_cursor as string;
    const [body, checksum] = cursor.split('.') as [string, string];
    const altered = `${body.slice(0, -2)}${body.endsWith('A') ? 'B' : 'A'}${body.slice(-1)}.${checksum}`;
    for (const bad of ['garbage', `${body}.`, altered, cursor.slice(0, -1), `${cursor}.x`, 'e30.AAAAAAAA']) {
      const res = await get(ANN, `/api/v1/executions?workflow_id=${WF_A}&size=3&cursor=${encodeURIComponent(bad)}`).expect(400);
      expect([bad, res.body.error.code]).toEqual([bad, 'INVALID_CURSOR']);
    }
    const foreign = [
      get(ANN, `/api/v1/executions?workflow_id=${WF_B}&size=3&cursor=${encodeURIComponent(cursor)}`),
      get(ANN, `/api/v1/executions?workflow_id=${WF_A}&status=failed&size=3&cursor=${encodeURIComponent(cursor)}`),
      get(BOB, `/api/v1/executions?workflow_id=${WF_A}&size=3&cursor=${encodeURIComponent(cursor)}`),
      get(ANN, `/api/v1/workflows/${WF_B}/history?page_size=3&cursor=${encodeURIComponent(cursor)}`),
    ];
    for (const res of await Promise.all(foreign))
      expect([res.status, res.body.error]).toEqual([
        400,
        expect.objectContaining({ code: 'INVALID_CURSOR', details: { reason: 'foreign' } }),
      ]);
    // The same filters on the other endpoint continue the same query.
    await get(ANN, `/api/v1/workflows/${WF_A}/history?page_size=3&cursor=${encodeURIComponent(cursor)}`).expect(200);
    // A cursor wins over a page number: the page continues the cursor's query.
    const both = await get(ANN, `/api/v1/executions?workflow_id=${WF_A}&page=2&cursor=${encodeURIComponent(cursor)}`).expect(200);
    const byCursor = await get(ANN, `/api/v1/executions?workflow_id=${WF_A}&cursor=${encodeURIComponent(cursor)}`).expect(200);
    expect([both.body.page, both.body.items]).toEqual([null, byCursor.body.items]);
  });

  it('keeps the trigger-maintained counters equal to count(*) through inserts, deletes and moves', async () => {
    const db = stack.database.db;
    const counted = async (owners: string[]) => {
      const fromCounters = await db
        .select({
          ownerId: executionCounts.ownerId,
          workflowId: executionCounts.workflowId,
          isTest: executionCounts.isTest,
          n: sql<number>`sum(${executionCounts.count})::int`,
        })
        .from(executionCounts)
        .where(inArray(executionCounts.ownerId, owners))
        .groupBy(executionCounts.ownerId, executionCounts.workflowId, executionCounts.isTest)
        .having(sql`sum(${executionCounts.count}) <> 0`);
      const fromRows = await db
        .select({
          ownerId: executions.ownerId,
          workflowId: executions.workflowId,
          isTest: executions.isTest,
          n: sql<number>`count(*)::int`,
        })
        .from(executions)
        .where(inArray(executions.ownerId, owners))
        .groupBy(executions.ownerId, executions.workflowId, executions.isTest);
      const key = (r: { ownerId: string; workflowId: string; isTest: boolean }) => `${r.ownerId}/${r.workflowId}/${r.isTest}`;
      return { counters: fromCounters.map((r) => [key(r), r.n]).sort(), rows: fromRows.map((r) => [key(r), r.n]).sort() };
    };
    const carl = `hp-carl-${run}`;
    const values = Array.from({ length: 30 }, (_, i) => ({
      id: `hp-${run}-c${i}`,
      ownerId: carl,
      workflowId: WF_A,
      workflowVersion: 1,
      workflowName: 'paging',
      isTest: i % 3 === 0,
    }));
    await db.insert(executions).values(values);
    await db.insert(executions).values(values.slice(0, 5)).onConflictDoNothing();
    await db.delete(executions).where(
      inArray(
        executions.id,
        values.slice(0, 7).map((v) => v.id),
      ),
    );
    await db
      .update(executions)
      .set({ workflowId: WF_B, isTest: false })
      .where(
        inArray(
          executions.id,
          values.slice(10, 14).map((v) => v.id),
        ),
      );
    const { counters, rows: actual } = await counted([ANN, BOB, carl]);
    expect(counters).toEqual(actual);
    await db.delete(executions).where(inArray(executions.ownerId, [carl]));
    expect((await counted([carl])).counters).toEqual([]);
  });

  it('estimates a filtered total past the exact-count limit, within what the counters allow', async () => {
    const filters: ExecutionFilters = { ownerId: ANN, statuses: ['completed'] };
    const exact = await countExecutions(stack.database.db, filters, { exactUpTo: 10_000 });
    const all = await countExecutions(stack.database.db, { ownerId: ANN }, { exactUpTo: 10_000 });
    expect(exact.exact).toBe(true);
    const estimated = await countExecutions(stack.database.db, filters, { exactUpTo: 5 });
    expect(estimated.exact).toBe(false);
    expect(estimated.total).toBeGreaterThanOrEqual(6);
    expect(estimated.total).toBeLessThanOrEqual(all.total);
  });
});
