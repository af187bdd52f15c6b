import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { inArray } from 'drizzle-orm';
import { executions, findExecution } from '@trellis/db';
import { locateTemporalCli } from '@trellis/devstack';
import { startReconciler } from '../apps/worker/src/reconciler';
import { startTestStack, waitFor, type TestStack } from './stack';

const LIVE_ROWS = 300;
const INTERVAL_MS = 2_000;

describe('reconciler: every live row is checked, by one replica at a time', () => {
  let stack: TestStack;
  const prefix = `walk-${randomUUID().slice(0, 8)}`;
  const ids = Array.from({ length: LIVE_ROWS }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  // Runs on a queue no worker polls: Temporal keeps them RUNNING, and nothing ever updates their rows.
  const idleQueue = `idle-${randomUUID()}`;
  beforeAll(async () => {
    stack = await startTestStack();
    const longAgo = Date.parse('2001-01-01T00:00:00Z');
    for (let i = 0; i < LIVE_ROWS; i += 50) {
      await Promise.all(
        ids
          .slice(i, i + 50)
          .map((id) => stack.deps.temporal.workflow.start('graphWorkflow', { taskQueue: idleQueue, workflowId: id, args: [] })),
      );
    }
    // Created oldest first (ahead of any other test's live rows); the last ones are also the most recently updated.
    await stack.database.db.insert(executions).values(
      ids.map((id, i) => {
        const at = new Date(longAgo + i * 1_000);
        return {
          id,
          ownerId: prefix,
          workflowId: 'w',
          workflowVersion: 1,
          workflowName: 'w',
          status: 'running' as const,
          createdAt: at,
          updatedAt: at,
        };
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(
      ids.map((id) =>
        stack.deps.temporal.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined),
      ),
    );
    await stack.database.db.delete(executions).where(inArray(executions.id, ids));
    await stack?.close();
  });

  it(`reconciles a run terminated from the Temporal CLI at row ${LIVE_ROWS - 10} of ${LIVE_ROWS} live rows within two intervals`, async () => {
    const reconciler = startReconciler({
      db: stack.database.db,
      temporal: stack.deps.temporal,
      log: stack.deps.log,
      intervalMs: INTERVAL_MS,
      lostStartAfterMs: 60_000,
      leaseName: `walk-${prefix}`,
    });
    try {
      const target = ids[LIVE_ROWS - 10]!;
      const cli = await locateTemporalCli({ allowDownload: false });
      if (cli.kind !== 'path') throw new Error('no Temporal CLI');
      await promisify(execFile)(cli.path, [
        'workflow',
        'terminate',
        '--workflow-id',
        target,
        '--reason',
        'walk test',
        '--address',
        process.env.TEMPORAL_ADDRESS!,
        '--namespace',
        'default',
      ]);
      const terminatedAt = Date.now();
      const row = await waitFor(
        () => findExecution(stack.database.db, target),
        (r) => r?.status === 'terminated',
        4 * INTERVAL_MS + 10_000,
      );
      const after = Date.now() - terminatedAt;
      // Two passes of 200 cover the 300 rows; the second reaches the target within about 90 describes.
      expect(after).toBeLessThanOrEqual(2 * INTERVAL_MS + 2_000);
      expect(row!.error).toMatchObject({ code: 'TERMINATED' });
      // The healthy rows stay live.
      expect((await findExecution(stack.database.db, ids[0]!))!.status).toBe('running');
    } finally {
      await reconciler.stop();
    }
  });

  it('lets one of two replicas run a pass at a time, and the other take over once the first stops', async () => {
    const leaseName = `pair-${prefix}`;
    const options = {
      db: stack.database.db,
      temporal: stack.deps.temporal,
      log: stack.deps.log,
      intervalMs: 600_000,
      lostStartAfterMs: 60_000,
      leaseName,
    };
    const a = startReconciler(options);
    const b = startReconciler(options);
    try {
      const [first, second] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect([first.skipped, second.skipped].sort()).toEqual([false, true]);
      const [holder, other] = first.skipped ? [b, a] : [a, b];
      expect((await other.runOnce()).skipped).toBe(true);
      // The holder continues its walk: the first pass took 200 rows at most, the next starts after them.
      const next = await holder.runOnce();
      expect(next.skipped).toBe(false);
      await holder.stop();
      expect((await other.runOnce()).skipped).toBe(false);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
