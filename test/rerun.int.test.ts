import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { findExecution, listEvents } from '@trellis/db';
import { nodesById, saveHistoryFixture, waitForStatus } from './engine-helpers';
import type { LlmWireServer } from './llm-wire-server';
import { startTestStack, type TestStack } from './stack';
import { doublingDefinition } from './rerun-definitions';

const tag = randomUUID().slice(0, 8);

/** in → gen (llm, the loopback wire server) → shape (transform) → out. */
const llmFlow = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'gen', type: 'llm', config: { provider: 'wire', model: 'slow-10', prompt: 'write about {{ input.topic }}' } },
    { id: 'shape', type: 'transform', config: { expression: '"shaped: " & nodes.gen.text' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'gen' },
    { source: 'gen', target: 'shape' },
    { source: 'shape', target: 'out' },
  ],
};

describe('re-runs', () => {
  let stack: TestStack;
  let wire: LlmWireServer;
  const user = `rerun-${tag}`;
  const auth = (sub = user) => `Bearer ${stack.tokenFor(sub)}`;
  const rerun = (id: string, body: object, sub = user) =>
    request(stack.app).post(`/api/v1/executions/${id}/rerun`).set('Authorization', auth(sub)).send(body);

  async function saveAndRun(definition: unknown, inputData: unknown): Promise<{ workflowId: string; id: string }> {
    const workflow = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth())
      .send({ name: 'rerun', definition })
      .expect(201);
    const started = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth())
      .send({ workflow_id: workflow.body.id, input_data: inputData })
      .expect(202);
    await waitForStatus(stack, started.body.id, 'terminal');
    return { workflowId: workflow.body.id, id: started.body.id };
  }

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    wire = stack.wire!;
  });
  afterAll(() => stack?.close());

  it('re-runs from the node after an llm node without calling the llm again: the reused output is identical and no tokens are spent', async () => {
    const { id } = await saveAndRun(llmFlow, { topic: 'tea' });
    const source = await findExecution(stack.database.db, id);
    expect(source!.usage!.total_tokens).toBeGreaterThan(0);
    const calls = wire.requests.length;
    const started = await rerun(id, { from_node: 'shape' }).expect(202);
    expect(started.body).toMatchObject({ rerun_of: id, rerun_from_node: 'shape' });
    const done = await waitForStatus(stack, started.body.id, 'terminal');
    expect(done).toMatchObject({ status: 'completed', outputData: source!.outputData, rerunOf: id, rerunFromNode: 'shape' });
    expect(wire.requests.length).toBe(calls);
    expect(done.usage?.total_tokens ?? 0).toBe(0);
    const [before, after] = [await nodesById(stack, id), await nodesById(stack, started.body.id)];
    expect(after.gen).toMatchObject({
      status: 'completed',
      reused: true,
      output: before.gen!.output,
      input: before.gen!.input,
      usage: null,
    });
    expect(after.in).toMatchObject({ reused: true });
    expect(after.shape).toMatchObject({ status: 'completed', reused: false });
    const types = (await listEvents(stack.database.db, { executionId: started.body.id })).map(
      (e) => `${e.type}${e.nodeId ? ` ${e.nodeId}` : ''}`,
    );
    expect(types.slice(0, 3)).toEqual(['execution.started', 'node.reused in', 'node.reused gen']);
    await saveHistoryFixture(stack, started.body.id, 'rerun-reused-nodes-in-first-chain');
  });

  it('re-runs from the llm node: the reused nodes are written with the start before its activity, and it is called once', async () => {
    const { id } = await saveAndRun(llmFlow, { topic: 'rain' });
    const calls = wire.requests.length;
    const started = await rerun(id, { from_node: 'gen' }).expect(202);
    expect(await waitForStatus(stack, started.body.id, 'terminal')).toMatchObject({ status: 'completed' });
    expect(wire.requests.length).toBe(calls + 1);
    const nodes = await nodesById(stack, started.body.id);
    expect(nodes.in).toMatchObject({ status: 'completed', reused: true });
    expect(nodes.gen).toMatchObject({ status: 'completed', reused: false });
    const types = (await listEvents(stack.database.db, { executionId: started.body.id })).map(
      (e) => `${e.type}${e.nodeId ? ` ${e.nodeId}` : ''}`,
    );
    expect(types.slice(0, 2)).toEqual(['execution.started', 'node.reused in']);
    expect((await findExecution(stack.database.db, started.body.id))!.progress).toBe(1);
    await saveHistoryFixture(stack, started.body.id, 'rerun-reused-nodes-before-an-activity');
  });

  it('re-runs the failed node with corrected input data and completes', async () => {
    const definition = doublingDefinition;
    const { id } = await saveAndRun(definition, {});
    expect((await findExecution(stack.database.db, id))!.status).toBe('failed');
    const started = await rerun(id, { from_node: 'failed', input_data: { n: 21 } }).expect(202);
    expect(started.body).toMatchObject({ rerun_from_node: 'failed', input_data: { n: 21 } });
    expect(await waitForStatus(stack, started.body.id, 'terminal')).toMatchObject({ status: 'completed', outputData: 42 });
    expect((await nodesById(stack, started.body.id)).in).toMatchObject({ reused: true });
  });

  it('hands edited upstream outputs to the nodes that run', async () => {
    const { id } = await saveAndRun(llmFlow, { topic: 'coffee' });
    const calls = wire.requests.length;
    const started = await rerun(id, { from_node: 'shape', node_outputs: { gen: { text: 'edited by hand' } } }).expect(202);
    expect(await waitForStatus(stack, started.body.id, 'terminal')).toMatchObject({
      status: 'completed',
      outputData: 'shaped: edited by hand',
    });
    expect(wire.requests.length).toBe(calls);
    const refused = await rerun(id, { from_node: 'gen', node_outputs: { shape: 'x', ghost: 1 } }).expect(422);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['node_outputs.shape', 'node_outputs.ghost']);
  });

  it("refuses to re-run a live run (409) or another user's (404), and runs the whole run again when no node is named", async () => {
    const waiting = {
      nodes: [
        { id: 'in', type: 'input', config: {} },
        { id: 'ask', type: 'human', config: { prompt: 'ok?' } },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'in', target: 'ask' },
        { source: 'ask', target: 'out' },
      ],
    };
    const workflow = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth())
      .send({ name: 'live', definition: waiting })
      .expect(201);
    const live = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth())
      .send({ workflow_id: workflow.body.id })
      .expect(202);
    await waitForStatus(stack, live.body.id, 'waiting');
    const refused = await rerun(live.body.id, {}).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'EXECUTION_LIVE', details: { current_status: 'waiting' } });
    await request(stack.app).post(`/api/v1/executions/${live.body.id}/cancel`).set('Authorization', auth()).expect(200);

    const { id } = await saveAndRun(llmFlow, { topic: 'whole' });
    await rerun(id, {}, `stranger-${tag}`).expect(404);
    const calls = wire.requests.length;
    const whole = await rerun(id, {}).expect(202);
    expect(whole.body).toMatchObject({ rerun_of: id, rerun_from_node: null, input_data: { topic: 'whole' } });
    await waitForStatus(stack, whole.body.id, 'completed');
    expect(wire.requests.length).toBe(calls + 1);
    expect(Object.values(await nodesById(stack, whole.body.id)).every((n) => !n.reused)).toBe(true);
  });

  it('runs the latest version when asked, naming a node that version lacks', async () => {
    const { workflowId, id } = await saveAndRun(llmFlow, { topic: 'tea' });
    const edited = structuredClone(llmFlow);
    edited.nodes[2]!.config = { expression: '"v2: " & nodes.gen.text' };
    await request(stack.app).put(`/api/v1/workflows/${workflowId}`).set('Authorization', auth()).send({ definition: edited }).expect(200);
    const latest = await rerun(id, { from_node: 'shape', workflow_version: 'latest' }).expect(202);
    expect(latest.body.workflow_version).toBe(2);
    expect((await waitForStatus(stack, latest.body.id, 'terminal')).outputData).toMatch(/^v2: /);
    const same = await rerun(id, { from_node: 'shape' }).expect(202);
    expect((await waitForStatus(stack, same.body.id, 'terminal')).outputData).toMatch(/^shaped: /);

    const renamed = structuredClone(llmFlow);
    renamed.nodes[2]!.id = 'format';
    renamed.edges = [
      { source: 'in', target: 'gen' },
      { source: 'gen', target: 'format' },
      { source: 'format', target: 'out' },
    ];
    await request(stack.app).put(`/api/v1/workflows/${workflowId}`).set('Authorization', auth()).send({ definition: renamed }).expect(200);
    const missing = await rerun(id, { from_node: 'shape', workflow_version: 'latest' }).expect(422);
    expect(missing.body.error.details).toEqual([{ path: 'from_node', message: 'the workflow version run has no node "shape"' }]);
  });

  it('lists the re-runs of an execution, filters the runs list by rerun_of, and keeps an Idempotency-Key to one run', async () => {
    const { id } = await saveAndRun(llmFlow, { topic: 'lineage' });
    const key = `rerun-key-${tag}`;
    const first = await rerun(id, { from_node: 'shape' }).set('Idempotency-Key', key).expect(202);
    const again = await rerun(id, { from_node: 'shape' }).set('Idempotency-Key', key).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const second = await rerun(id, { from_node: 'out' }).expect(202);
    const reruns = await request(stack.app).get(`/api/v1/executions/${id}/reruns`).set('Authorization', auth()).expect(200);
    expect(reruns.body.items.map((e: { id: string }) => e.id)).toEqual([second.body.id, first.body.id]);
    const listed = await request(stack.app).get(`/api/v1/executions?rerun_of=${id}`).set('Authorization', auth()).expect(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([second.body.id, first.body.id]);
    expect(listed.body.total).toBe(2);
    const detail = await request(stack.app).get(`/api/v1/executions/${second.body.id}`).set('Authorization', auth()).expect(200);
    expect(detail.body).toMatchObject({ rerun_of: id, rerun_from_node: 'out' });
    await request(stack.app)
      .get(`/api/v1/executions/${id}/reruns`)
      .set('Authorization', auth(`stranger-${tag}`))
      .expect(404);
    await waitForStatus(stack, second.body.id, 'terminal');
    await waitForStatus(stack, first.body.id, 'terminal');
  });
});
