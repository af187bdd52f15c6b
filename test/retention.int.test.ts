import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { executionEvents, executions, nodeExecutions, openDatabase, type DatabaseHandle } from '@trellis/db';
import { startRetention } from '../apps/worker/src/retention';

const DAY = 86_400_000;

describe('retention (RETENTION_DAYS)', () => {
  let database: DatabaseHandle;
  const owner = `ret-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 3 });
    await database.migrate();
  });
  afterAll(async () => {
    await database.db.delete(executions).where(eq(executions.ownerId, owner));
    await database?.close();
  });

  /** A run with one node row and two events; finished `finishedDaysAgo` days before 2000-01-01, or live when undefined. */
  async function insertRun(name: string, finishedDaysAgo: number | undefined): Promise<string> {
    const id = `${owner}-${name}`;
    const epoch = Date.parse('2000-01-01T00:00:00Z');
    const finishedAt = finishedDaysAgo === undefined ? null : new Date(epoch - finishedDaysAgo * DAY);
    const createdAt = new Date(epoch - 400 * DAY);
    await database.db.insert(executions).values({
      id,
      ownerId: owner,
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status: finishedAt ? 'completed' : 'running',
      createdAt,
      updatedAt: createdAt,
      finishedAt,
      lastSeq: 2,
    });
    await database.db
      .insert(nodeExecutions)
      .values({ executionId: id, nodeId: 'in', nodeType: 'input', status: 'completed', output: { ok: true } });
    await database.db.insert(executionEvents).values([
      { executionId: id, seq: 1, key: 'start', type: 'execution.started', message: 'started' },
      { executionId: id, seq: 2, key: 'in', type: 'node.completed', nodeId: 'in', message: 'done' },
    ]);
    return id;
  }

  it('deletes runs finished before the retention, with their node rows and events, in batches; keeps newer and live runs', async () => {
    const expired = await Promise.all([1, 2, 3, 4, 5].map((n) => insertRun(`old-${n}`, 30 + n)));
    const kept = [await insertRun('recent', 1), await insertRun('live', undefined)];
    // "Now" for this test is 2000-01-01: the cutoff falls 10 days before it, in days back from the real now.
    const retentionDays = (Date.now() - Date.parse('2000-01-01T00:00:00Z')) / DAY + 10;
    const retention = startRetention({
      db: database.db,
      log: pino({ level: 'silent' }),
      retentionDays,
      intervalMs: 600_000,
      batchSize: 2,
      leaseName: `ret-${owner}`,
    });
    try {
      const pass = await retention.runOnce();
      expect(pass).toEqual({ skipped: false, deleted: 5 });
      const rows = await database.db.select({ id: executions.id }).from(executions).where(eq(executions.ownerId, owner));
      expect(rows.map((r) => r.id).sort()).toEqual([...kept].sort());
      expect(await database.db.select().from(nodeExecutions).where(inArray(nodeExecutions.executionId, expired))).toEqual([]);
      expect(await database.db.select().from(executionEvents).where(inArray(executionEvents.executionId, expired))).toEqual([]);
      expect(await database.db.select().from(executionEvents).where(inArray(executionEvents.executionId, kept))).toHaveLength(4);
      expect(await retention.runOnce()).toEqual({ skipped: false, deleted: 0 });
    } finally {
      await retention.stop();
    }
  });
});
