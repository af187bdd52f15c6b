import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { findExecution, type Execution } from '@trellis/db';
import { isTerminal } from '@trellis/definition';
import { startTestStack, waitFor, type TestStack } from './stack';

const quickGraph = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'shout', type: 'transform', config: { expression: '$uppercase(input.message)' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'shout' },
    { source: 'shout', target: 'out' },
  ],
};

const slowGraph = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'a', type: 'llm', config: { provider: 'wire', model: 'slow-1200', prompt: 'a: {{ input.message }}' } },
    { id: 'b', type: 'llm', config: { provider: 'wire', model: 'slow-300', prompt: 'b: {{ nodes.a.text }}' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'a' },
    { source: 'a', target: 'b' },
    { source: 'b', target: 'out' },
  ],
};

describe('the /execute compatibility API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
  });
  afterAll(() => stack?.close());

  const bearer = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const api = () => request(stack.app);

  function execute(user: string, body: Record<string, unknown>) {
    return api().post('/api/v1/execute').set('Authorization', bearer(user)).send(body);
  }

  async function settle(id: string, status: Execution['status'] | 'terminal' = 'terminal'): Promise<Execution> {
    return (await waitFor(
      () => findExecution(stack.database.db, id),
      (row) => (status === 'terminal' ? !!row && isTerminal(row.status) : row?.status === status),
    ))!;
  }

  it('runs an inline definition: 202, then status and logs like /executions', async () => {
    const id = `exec-${randomUUID()}`;
    const started = await execute('ex-alice', {
      execution_id: id,
      workflow_id: 'workflow-001',
      definition: quickGraph,
      input_data: { message: 'hello' },
    }).expect(202);
    expect(started.body).toMatchObject({ id, workflow_id: 'workflow-001', workflow_version: 0, status: 'pending' });

    const row = await settle(id);
    expect(row.status).toBe('completed');
    expect(row.outputData).toBe('HELLO');
    const status = await api().get(`/api/v1/execute/${id}/status`).set('Authorization', bearer('ex-alice')).expect(200);
    expect(status.body).toMatchObject({ execution_id: id, status: 'completed', current_node: null, progress: 1 });
    const same = await api().get(`/api/v1/executions/${id}/status`).set('Authorization', bearer('ex-alice')).expect(200);
    expect(status.body).toEqual(same.body);

    const logs = await api().get(`/api/v1/execute/${id}/logs?limit=2`).set('Authorization', bearer('ex-alice')).expect(200);
    expect(logs.body.execution_id).toBe(id);
    expect(logs.body.logs).toHaveLength(2);
    expect(logs.body.logs[0]).toMatchObject({ seq: 1, level: 'info', event: 'execution.started' });
    await api().get(`/api/v1/execute/${id}/logs?level=verbose`).set('Authorization', bearer('ex-alice')).expect(400);
  });

  it('answers a repeated start with the same execution and 200, never a second run', async () => {
    const id = `exec-${randomUUID()}`;
    await execute('ex-alice', { execution_id: id, workflow_id: 'w', definition: quickGraph, input_data: { message: 'a' } }).expect(202);
    const again = await execute('ex-alice', {
      execution_id: id,
      workflow_id: 'w',
      definition: quickGraph,
      input_data: { message: 'a' },
    }).expect(200);
    expect(again.body.id).toBe(id);
    const taken = await execute('ex-bob', { execution_id: id, workflow_id: 'w', definition: quickGraph }).expect(409);
    expect(taken.body.error.code).toBe('EXECUTION_ID_TAKEN');
  });

  it('generates an execution id when none is given', async () => {
    const started = await execute('ex-alice', { workflow_id: 'w', definition: quickGraph, input_data: { message: 'b' } }).expect(202);
    expect(started.body.id).toEqual(expect.any(String));
    expect((await settle(started.body.id)).status).toBe('completed');
  });

  it('pauses, resumes and stops a run, with 409 for a transition the status does not allow', async () => {
    const id = `exec-${randomUUID()}`;
    await execute('ex-alice', { execution_id: id, workflow_id: 'w', definition: slowGraph, input_data: { message: 'slow' } }).expect(202);
    await waitFor(
      () => findExecution(stack.database.db, id),
      (row) => !!row && row.currentNodes.includes('a'),
    );
    const control = (action: string) => api().post(`/api/v1/execute/${id}/${action}`).set('Authorization', bearer('ex-alice'));

    const early = await control('resume').expect(409);
    expect(early.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current_status: 'running' } });
    expect((await control('pause').expect(200)).body.status).toBe('paused');
    await settle(id, 'paused');
    expect((await control('resume').expect(200)).body.status).toBe('running');
    await control('stop').expect(200);
    expect((await settle(id)).status).toBe('stopped');
    await control('stop').expect(409);
  });

  it('answers 422 with every problem of an invalid definition', async () => {
    const res = await execute('ex-alice', {
      workflow_id: 'w',
      definition: { nodes: [{ id: 'a', type: 'bogus', config: {} }], edges: [{ source: 'a', target: 'ghost' }] },
    }).expect(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.length).toBeGreaterThanOrEqual(2);
    expect(res.body.error.details.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['UNKNOWN_NODE_TYPE']));
  });

  it('answers 422 for a body without workflow_id, with an unknown field or a bad execution id', async () => {
    for (const body of [
      { definition: quickGraph },
      { workflow_id: 'w', definition: quickGraph, priority: 'high' },
      { workflow_id: 'w', definition: quickGraph, execution_id: 'has spaces' },
    ]) {
      const res = await execute('ex-alice', body).expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 401 without a token and 404 for another user’s execution on every route', async () => {
    const id = `exec-${randomUUID()}`;
    await api().post('/api/v1/execute').send({ workflow_id: 'w', definition: quickGraph }).expect(401);
    await execute('ex-alice', { execution_id: id, workflow_id: 'w', definition: quickGraph, input_data: { message: 'x' } }).expect(202);
    await api().get(`/api/v1/execute/${id}/status`).expect(401);
    for (const path of ['status', 'logs']) {
      const res = await api().get(`/api/v1/execute/${id}/${path}`).set('Authorization', bearer('ex-bob')).expect(404);
      expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: `execution ${id} not found` });
    }
    for (const action of ['pause', 'resume', 'stop']) {
      await api().post(`/api/v1/execute/${id}/${action}`).set('Authorization', bearer('ex-bob')).expect(404);
    }
    await api().get('/api/v1/execute/unknown-id/status').set('Authorization', bearer('ex-alice')).expect(404);
  });

  it('exposes only the /execute compatibility API routes under /execute', async () => {
    const listing = await api().get('/api/v1/execute').set('Authorization', bearer('ex-alice')).expect(405);
    expect(listing.headers.allow).toContain('POST');
    await api().post('/api/v1/execute/some-id/cancel').set('Authorization', bearer('ex-alice')).expect(404);
  });
});
