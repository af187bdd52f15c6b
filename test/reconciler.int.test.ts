import { randomUUID } from 'node:crypto';
import { findExecution, insertExecution, listEvents } from '@trellis/db';
import { startReconciler } from '../apps/worker/src/reconciler';
import { llm, runHandle, startRun, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

describe('reconciler: Postgres rows follow Temporal', () => {
  let stack: TestStack;
  let reconciler: ReturnType<typeof startReconciler>;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    // A lease of its own: other files' reconcilers on this database must not hold this one back.
    reconciler = startReconciler({
      db: stack.database.db,
      temporal: stack.deps.temporal,
      log: stack.deps.log,
      intervalMs: 500,
      lostStartAfterMs: 1_000,
      leaseName: `rec-${randomUUID()}`,
    });
  });
  afterAll(async () => {
    await reconciler?.stop();
    await stack?.close();
  });

  it('marks a run terminated outside Trellis (Temporal UI/CLI) as terminated within the interval', async () => {
    const definition = {
      nodes: [{ id: 'in', type: 'input', config: {} }, llm('stuck', 'hang'), { id: 'out', type: 'output', config: {} }],
      edges: [
        { source: 'in', target: 'stuck' },
        { source: 'stuck', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'rec', definition, { topic: 't' });
    await waitForStatus(stack, id, 'running');
    await (await runHandle(stack, id)).terminate('operator pulled the plug');
    const row = await waitForStatus(stack, id, 'terminal', 10_000);
    expect(row.status).toBe('terminated');
    expect(row.error).toMatchObject({ code: 'TERMINATED' });
    const events = await listEvents(stack.database.db, { executionId: id });
    expect(events.at(-1)).toMatchObject({ type: 'execution.terminated', status: 'terminated' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('fails a pending row whose run was never started', async () => {
    const id = `lost-${Date.now()}`;
    await insertExecution(stack.database.db, {
      id,
      ownerId: 'rec',
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status: 'pending',
      createdAt: new Date(Date.now() - 5_000),
      updatedAt: new Date(Date.now() - 5_000),
    });
    const row = await waitFor(
      () => findExecution(stack.database.db, id),
      (r) => r?.status === 'failed',
      10_000,
    );
    expect(row!.error).toMatchObject({ code: 'START_LOST' });
  });

  it('fails a running row whose Temporal run no longer exists', async () => {
    const id = `gone-${Date.now()}`;
    const past = new Date(Date.now() - 5_000);
    await insertExecution(stack.database.db, {
      id,
      ownerId: 'rec',
      workflowId: 'w',
      workflowVersion: 1,
      workflowName: 'w',
      status: 'running',
      createdAt: past,
      updatedAt: past,
    });
    const row = await waitFor(
      () => findExecution(stack.database.db, id),
      (r) => r?.status === 'failed',
      10_000,
    );
    expect(row!.error).toMatchObject({ code: 'WORKFLOW_LOST' });
  });

  it('leaves healthy running executions alone', async () => {
    const definition = {
      nodes: [{ id: 'in', type: 'input', config: {} }, llm('slow', 'slow-2500'), { id: 'out', type: 'output', config: {} }],
      edges: [
        { source: 'in', target: 'slow' },
        { source: 'slow', target: 'out' },
      ],
    };
    const id = await startRun(stack, 'rec', definition, { topic: 'ok' });
    await waitForStatus(stack, id, 'running');
    await reconciler.runOnce();
    expect((await findExecution(stack.database.db, id))!.status).toBe('running');
    expect((await waitForStatus(stack, id, 'terminal')).status).toBe('completed');
  });
});
