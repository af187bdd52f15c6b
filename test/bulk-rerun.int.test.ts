import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { count, inArray } from 'drizzle-orm';
import { executions } from '@trellis/db';
import { createBulkRerunActivities } from '../apps/api/src/services/bulk-rerun-activities';
import { waitingDefinition as waiting } from './bulk-definitions';
import { nodesById, saveHistoryFixture, saveWorkflow, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

const tag = randomUUID().slice(0, 8);

/** in → gen (llm) → check (fails without input.n) → out: a run that fails on bad input after spending tokens. */
const strict = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'gen', type: 'llm', config: { provider: 'wire', model: 'default', prompt: 'write about {{ input.topic }}' } },
    {
      id: 'check',
      type: 'transform',
      config: { expression: '$exists(input.n) ? nodes.gen.text & " #" & input.n : $error("n is required")' },
    },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'gen' },
    { source: 'gen', target: 'check' },
    { source: 'check', target: 'out' },
  ],
};

/** The fixed version: a missing n is no longer an error. */
const tolerant = structuredClone(strict);
tolerant.nodes[2]!.config = { expression: 'nodes.gen.text & " #" & (input.n ? input.n : "none")' };

describe('bulk re-runs', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const bulk = (user: string, body: object) =>
    request(stack.app).post('/api/v1/executions/bulk').set('Authorization', auth(user)).send(body);
  const progress = (user: string, bulkId: string) =>
    request(stack.app)
      .get(`/api/v1/bulk/${bulkId}`)
      .set('Authorization', auth(user))
      .expect(200)
      .then((r) => r.body);

  async function run(user: string, workflowId: string, input: unknown, until: 'terminal' | 'waiting'): Promise<string> {
    const started = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth(user))
      .send({ workflow_id: workflowId, input_data: input })
      .expect(202);
    await waitForStatus(stack, started.body.id, until);
    return started.body.id;
  }

  async function failedRuns(user: string, n: number): Promise<{ workflowId: string; ids: string[] }> {
    const workflowId = await saveWorkflow(stack, user, strict);
    const ids = await Promise.all(Array.from({ length: n }, (_, i) => run(user, workflowId, { topic: `t${i}` }, 'terminal')));
    return { workflowId, ids };
  }

  async function rerunsOf(sourceIds: string[]): Promise<number> {
    const [row] = await stack.database.db.select({ n: count() }).from(executions).where(inArray(executions.rerunOf, sourceIds));
    return Number(row?.n ?? 0);
  }

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
  });
  afterAll(() => stack?.close());

  it('retries failed runs from their failure on the fixed version without calling the llm again, and reports a live run as its own error', async () => {
    const user = `bulk-rerun-ann-${tag}`;
    const { workflowId, ids } = await failedRuns(user, 3);
    const live = await run(user, await saveWorkflow(stack, user, waiting), {}, 'waiting');
    await request(stack.app)
      .put(`/api/v1/workflows/${workflowId}`)
      .set('Authorization', auth(user))
      .send({ definition: tolerant })
      .expect(200);
    const calls = stack.wire!.requests.length;

    const started = await bulk(user, { action: 'rerun', ids: [...ids, live], from_node: 'failed', workflow_version: 'latest' }).expect(202);
    expect(started.body.total).toBe(4);
    const done = await waitFor(
      () => progress(user, started.body.bulk_id),
      (p) => p.status !== 'running',
      60_000,
    );
    expect(done).toMatchObject({
      action: 'rerun',
      status: 'completed',
      total: 4,
      done: 3,
      failed: 1,
      errors: [{ execution_id: live, code: 'EXECUTION_LIVE' }],
    });
    expect(done.reruns.map((r: { execution_id: string }) => r.execution_id).sort()).toEqual([...ids].sort());

    for (const { execution_id: source, rerun_id: rerun } of done.reruns as Array<{ execution_id: string; rerun_id: string }>) {
      const row = await waitForStatus(stack, rerun, 'terminal');
      expect(row).toMatchObject({ status: 'completed', rerunOf: source, rerunFromNode: 'failed', workflowVersion: 2 });
      const nodes = await nodesById(stack, rerun);
      expect(nodes.gen).toMatchObject({ reused: true, usage: null, output: (await nodesById(stack, source)).gen!.output });
      expect(nodes.check).toMatchObject({ status: 'completed', reused: false });
      const listed = await request(stack.app).get(`/api/v1/executions?rerun_of=${source}`).set('Authorization', auth(user)).expect(200);
      expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([rerun]);
    }
    expect(stack.wire!.requests.length).toBe(calls);
    expect(await rerunsOf([live])).toBe(0);
    await saveHistoryFixture(stack, `bulk:${user}:${started.body.bulk_id}`, 'bulk-rerun');
    await request(stack.app).post(`/api/v1/executions/${live}/cancel`).set('Authorization', auth(user)).expect(200);
  }, 120_000);

  it("never re-runs another user's runs through a filter", async () => {
    const [ann, bob] = [`bulk-rerun-cy-${tag}`, `bulk-rerun-dee-${tag}`];
    const [mine, theirs] = [await failedRuns(ann, 2), await failedRuns(bob, 2)];
    const started = await bulk(ann, { action: 'rerun', filter: { status: 'failed' } }).expect(202);
    expect(started.body.total).toBe(2);
    const done = await waitFor(
      () => progress(ann, started.body.bulk_id),
      (p) => p.status !== 'running',
      60_000,
    );
    expect(done).toMatchObject({ status: 'completed', done: 2, failed: 0 });
    expect(await rerunsOf(mine.ids)).toBe(2);
    expect(await rerunsOf(theirs.ids)).toBe(0);
  }, 60_000);

  it('starts nothing twice when a batch is retried, and refuses re-run options on other actions', async () => {
    const user = `bulk-rerun-eve-${tag}`;
    const { ids } = await failedRuns(user, 2);
    const activities = createBulkRerunActivities(stack.deps);
    const batch = { bulkId: `bulk_${randomUUID().replace(/-/g, '').slice(0, 16)}`, ownerId: user, executionIds: ids, fromNode: 'failed' };
    const first = await activities.rerunBatch(batch);
    const retried = await activities.rerunBatch(batch);
    expect(first.errors).toEqual([]);
    expect(retried).toEqual(first);
    expect(await rerunsOf(ids)).toBe(2);
    const stranger = await activities.rerunBatch({ ...batch, ownerId: `bulk-rerun-stranger-${tag}` });
    expect(stranger.errors.map((e) => e.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);

    const refused = await bulk(user, { action: 'cancel', ids, from_node: 'failed' }).expect(422);
    expect(refused.body.error.details).toEqual([{ path: '', message: 'only action "rerun" takes from_node' }]);
  }, 60_000);

  it('waits at the live-run cap for room instead of failing the items, and fails them only when it never frees', async () => {
    const user = `bulk-rerun-fay-${tag}`;
    const { ids } = await failedRuns(user, 2);
    const blocker = await run(user, await saveWorkflow(stack, user, waiting), {}, 'waiting');
    const limits = { ...stack.deps.settings.limits, maxLiveExecutions: 1 };
    const deps = { ...stack.deps, settings: { ...stack.deps.settings, limits } };
    const batch = () => ({
      bulkId: `bulk_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      ownerId: user,
      executionIds: ids,
      fromNode: 'failed',
    });

    const full = await createBulkRerunActivities(deps, 600).rerunBatch(batch());
    expect(full.errors.map((e) => e.code)).toEqual(['CONCURRENCY_LIMITED', 'CONCURRENCY_LIMITED']);
    expect(await rerunsOf(ids)).toBe(0);

    // Room comes while the batch waits: the blocker ends, then each re-run waits for the one before it to end.
    const patient = createBulkRerunActivities(deps, 30_000).rerunBatch(batch());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await rerunsOf(ids)).toBe(0);
    await request(stack.app).post(`/api/v1/executions/${blocker}/cancel`).set('Authorization', auth(user)).expect(200);
    const outcome = await patient;
    expect(outcome.errors).toEqual([]);
    expect(outcome.reruns.map((r) => r.execution_id).sort()).toEqual([...ids].sort());
    expect(await rerunsOf(ids)).toBe(2);
  }, 60_000);
});
