import request from 'supertest';
import { findExecution, insertExecution } from '@trellis/db';
import type { GraphWorkflowInput } from '@trellis/workflows';
import { testSessionWorkflowId } from '../apps/api/src/services/test-sessions';
import { llm, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

const ANN = 'own-ann';
const BOB = 'own-bob';
/** Ann's input carries this; nothing Bob reads may contain it. */
const SECRET = 'ann-private-input-7f3a';

const doubling = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'double', type: 'transform', config: { expression: '{"n": input.n * 2, "note": input.note}' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'double' },
    { source: 'double', target: 'out' },
  ],
};
const hanging = {
  nodes: [{ id: 'in', type: 'input', config: {} }, llm('stuck', 'hang'), { id: 'out', type: 'output', config: {} }],
  edges: [
    { source: 'in', target: 'stuck' },
    { source: 'stuck', target: 'out' },
  ],
};

describe('no client-chosen id reaches another run', () => {
  let stack: TestStack;
  const workflows: Record<string, { doubling: string; hanging: string }> = {};
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const unique = (what: string) => `${what}-${Date.now()}-${Math.round(Math.random() * 1e6)}`;

  const start = (user: string, body: Record<string, unknown>, idempotencyKey?: string) => {
    const req = request(stack.app).post('/api/v1/executions').set('Authorization', as(user));
    if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
    return req.send(body);
  };
  const annDoubles = (extra: Record<string, unknown> = {}, key?: string) =>
    start(ANN, { workflow_id: workflows[ANN]!.doubling, input_data: { n: 1, note: SECRET }, ...extra }, key);
  const bobDoubles = (extra: Record<string, unknown> = {}, key?: string) =>
    start(BOB, { workflow_id: workflows[BOB]!.doubling, input_data: { n: 5, note: 'bob' }, ...extra }, key);

  /** Everything Bob can read about the execution: the row, its nodes, logs and Temporal history. */
  async function whatBobReads(id: string): Promise<string> {
    const paths = ['', '/nodes', '/logs', '/history'];
    const replies = await Promise.all(
      paths.map((p) => request(stack.app).get(`/api/v1/executions/${id}${p}`).set('Authorization', as(BOB))),
    );
    for (const reply of replies) expect(reply.status).toBe(200);
    return JSON.stringify(replies.map((r) => r.body));
  }

  /** Bob's run ended with Bob's own result, under a Temporal workflow of its own that ran Bob's graph. */
  async function expectBobsOwnRun(id: string, foreignWorkflowId: string): Promise<void> {
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row).toMatchObject({ ownerId: BOB, status: 'completed', outputData: { n: 10, note: 'bob' } });
    expect(row.temporalWorkflowId).not.toBe(foreignWorkflowId);
    const seen = await whatBobReads(id);
    expect(seen).not.toContain(SECRET);
    expect(seen).toContain('workflow graphWorkflow started');
    expect(seen).not.toContain('testSessionWorkflow');
  }

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    for (const user of [ANN, BOB]) {
      const ids = await Promise.all(
        [doubling, hanging].map(async (definition) => {
          const saved = await request(stack.app).post('/api/v1/workflows').set('Authorization', as(user)).send({ name: 'own', definition });
          expect(saved.status).toBe(201);
          return saved.body.id as string;
        }),
      );
      workflows[user] = { doubling: ids[0]!, hanging: ids[1]! };
    }
  });
  afterAll(() => stack?.close());

  it("answers 409 EXECUTION_ID_TAKEN to an execution_id of another user's live run, and the run goes on", async () => {
    const id = unique('live');
    expect((await start(ANN, { workflow_id: workflows[ANN]!.hanging, execution_id: id, input_data: { topic: SECRET } })).status).toBe(202);
    await waitForStatus(stack, id, 'running');
    const claim = await bobDoubles({ execution_id: id });
    expect([claim.status, claim.body.error?.code]).toEqual([409, 'EXECUTION_ID_TAKEN']);
    expect(JSON.stringify(claim.body)).not.toContain(SECRET);
    expect((await request(stack.app).post(`/api/v1/executions/${id}/cancel`).set('Authorization', as(BOB))).status).toBe(404);
    expect(await findExecution(stack.database.db, id)).toMatchObject({ ownerId: ANN, status: 'running' });
    expect((await request(stack.app).post(`/api/v1/executions/${id}/cancel`).set('Authorization', as(ANN))).status).toBe(200);
    await waitForStatus(stack, id, 'cancelled');
  });

  it("answers 409 EXECUTION_ID_TAKEN to an execution_id of another user's finished run", async () => {
    const id = unique('done');
    expect((await annDoubles({ execution_id: id })).status).toBe(202);
    await waitForStatus(stack, id, 'completed');
    const claim = await bobDoubles({ execution_id: id });
    expect([claim.status, claim.body.error?.code]).toEqual([409, 'EXECUTION_ID_TAKEN']);
    expect(JSON.stringify(claim.body)).not.toContain(SECRET);
  });

  it("gives Bob a run of his own for the execution_id of Ann's deleted run that Temporal still keeps", async () => {
    const id = unique('deleted');
    expect((await annDoubles({ execution_id: id })).status).toBe(202);
    const anns = await waitForStatus(stack, id, 'completed');
    await stack.deps.temporal.workflow.getHandle(anns.temporalWorkflowId!).result();
    const deleted = await request(stack.app)
      .delete(`/api/v1/workflows/${workflows[ANN]!.doubling}/history/${id}`)
      .set('Authorization', as(ANN));
    expect(deleted.status).toBe(200);

    const claim = await bobDoubles({ execution_id: id });
    expect([claim.status, claim.body.id]).toEqual([202, id]);
    await expectBobsOwnRun(id, anns.temporalWorkflowId!);
  });

  it('gives the owner a new run, not the old result, for the execution_id of their own deleted run', async () => {
    const id = unique('redo');
    expect((await bobDoubles({ execution_id: id })).status).toBe(202);
    const first = await waitForStatus(stack, id, 'completed');
    await stack.deps.temporal.workflow.getHandle(first.temporalWorkflowId!).result();
    await request(stack.app)
      .delete(`/api/v1/workflows/${workflows[BOB]!.doubling}/history/${id}`)
      .set('Authorization', as(BOB))
      .expect(200);

    const again = await start(BOB, { workflow_id: workflows[BOB]!.doubling, execution_id: id, input_data: { n: 21, note: 'again' } });
    expect(again.status).toBe(202);
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row).toMatchObject({ status: 'completed', outputData: { n: 42, note: 'again' } });
  });

  it("gives Bob a run of his own for an execution_id naming Ann's test-session workflow, which is left alone", async () => {
    const session = await request(stack.app)
      .post('/api/v1/workflow-test/sessions')
      .set('Authorization', as(ANN))
      .send({ workflowId: workflows[ANN]!.doubling });
    expect(session.status).toBe(200);
    const sessionWorkflowId = testSessionWorkflowId(ANN, session.body.testSessionId as string);

    const claim = await bobDoubles({ execution_id: sessionWorkflowId });
    expect([claim.status, claim.body.id]).toEqual([202, sessionWorkflowId]);
    await expectBobsOwnRun(sessionWorkflowId, sessionWorkflowId);
    const described = await stack.deps.temporal.workflow.getHandle(sessionWorkflowId).describe();
    expect([described.type, described.status.name]).toEqual(['testSessionWorkflow', 'RUNNING']);
    const read = await request(stack.app).get(`/api/v1/workflow-test/sessions/${session.body.testSessionId}`).set('Authorization', as(ANN));
    expect(read.status).toBe(200);
    await request(stack.app).delete(`/api/v1/workflow-test/sessions/${session.body.testSessionId}`).set('Authorization', as(ANN));
  });

  it('gives Bob a run of his own for an Idempotency-Key Ann used, and his own run again when he repeats it', async () => {
    const key = unique('key');
    const anns = await annDoubles({}, key);
    expect(anns.status).toBe(202);
    const bobs = await bobDoubles({}, key);
    expect(bobs.status).toBe(202);
    expect(bobs.body.id).not.toBe(anns.body.id);
    await expectBobsOwnRun(bobs.body.id as string, anns.body.temporal_workflow_id as string);
    const repeat = await bobDoubles({}, key);
    expect([repeat.status, repeat.body.id]).toEqual([200, bobs.body.id]);
    expect((await waitForStatus(stack, anns.body.id as string, 'terminal')).outputData).toEqual({ n: 2, note: SECRET });
  });

  it('keeps a row made before workflow ids were stored addressable: its run is the workflow named by its id', async () => {
    const id = unique('legacy');
    await insertExecution(stack.database.db, {
      id,
      ownerId: ANN,
      workflowId: workflows[ANN]!.hanging,
      workflowVersion: 1,
      workflowName: 'own',
      status: 'pending',
      totalNodes: hanging.nodes.length,
    });
    const input: GraphWorkflowInput = {
      executionId: id,
      workflowId: workflows[ANN]!.hanging,
      workflowName: 'own',
      workflowVersion: 1,
      ownerId: ANN,
      definition: hanging as GraphWorkflowInput['definition'],
      inputData: { topic: 't' },
    };
    await stack.deps.temporal.workflow.start('graphWorkflow', { taskQueue: stack.taskQueue, workflowId: id, args: [input] });
    await waitForStatus(stack, id, 'running');
    const history = await request(stack.app).get(`/api/v1/executions/${id}/history?source=temporal`).set('Authorization', as(ANN));
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThan(0);
    const dto = await request(stack.app).get(`/api/v1/executions/${id}`).set('Authorization', as(ANN));
    expect(dto.body.temporal_workflow_id).toBe(id);
    expect((await request(stack.app).post(`/api/v1/executions/${id}/cancel`).set('Authorization', as(ANN))).status).toBe(200);
    await waitFor(
      () => stack.deps.temporal.workflow.getHandle(id).describe(),
      (d) => d.status.name === 'CANCELLED',
    );
    expect((await waitForStatus(stack, id, 'terminal')).status).toBe('cancelled');
  });
});
