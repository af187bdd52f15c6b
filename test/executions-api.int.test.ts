import jwt from 'jsonwebtoken';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { countLiveExecutions, executions, insertExecution, temporalWorkflowIdOf } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import { runHandle, startRun, waitForStatus } from './engine-helpers';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from './stack';

const definition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'double', type: 'transform', config: { expression: 'input.n * 2' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'double' },
    { source: 'double', target: 'out' },
  ],
};

describe('executions API', () => {
  let stack: TestStack;
  let workflowId: string;
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;

  beforeAll(async () => {
    stack = await startTestStack();
    const created = await request(stack.app).post('/api/v1/workflows').set('Authorization', as('ann')).send({ name: 'double', definition });
    workflowId = created.body.id;
  });
  afterAll(() => stack?.close());

  it('starts one run for 20 concurrent identical starts with the same execution_id', async () => {
    const executionId = `idem-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(stack.app)
          .post('/api/v1/executions')
          .set('Authorization', as('ann'))
          .send({ workflow_id: workflowId, execution_id: executionId, input_data: { n: 2 } }),
      ),
    );
    expect(new Set(responses.map((r) => r.body.id))).toEqual(new Set([executionId]));
    expect(responses.filter((r) => r.status === 202)).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.temporal_run_id).filter(Boolean)).size).toBeLessThanOrEqual(1);
    const row = await waitForStatus(stack, executionId, 'terminal');
    expect(row.outputData).toBe(4);
    const runs = stack.deps.temporal.workflow.list({ query: `WorkflowId = '${temporalWorkflowIdOf(row)}'` });
    let count = 0;
    for await (const _ of runs) count++;
    expect(count).toBe(1);
  });

  it('never starts a second run when a repeated start finds the first run already finished', async () => {
    const executionId = `idem-done-${Date.now()}`;
    const send = () =>
      request(stack.app)
        .post('/api/v1/executions')
        .set('Authorization', as('ann'))
        .send({ workflow_id: workflowId, execution_id: executionId, input_data: { n: 3 } });
    expect((await send()).status).toBe(202);
    const first = await waitForStatus(stack, executionId, 'terminal');
    await (await runHandle(stack, executionId)).result();
    // The race: a repeat that read the row before the run recorded its start, arriving after the run ended.
    await stack.database.db.update(executions).set({ temporalRunId: null }).where(eq(executions.id, executionId));
    const repeat = await send();
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(executionId);
    const described = await (await runHandle(stack, executionId)).describe();
    expect(described.runId).toBe(first.temporalRunId);
    expect(described.status.name).toBe('COMPLETED');
  });

  it('treats the Idempotency-Key header the same way', async () => {
    const key = `key-${Date.now()}`;
    const send = () =>
      request(stack.app)
        .post('/api/v1/executions')
        .set('Authorization', as('ann'))
        .set('Idempotency-Key', key)
        .send({ workflow_id: workflowId, input_data: { n: 5 } });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.body.id).toBe(b.body.id);
  });

  it('answers another user exactly like an unknown id, on every execution route', async () => {
    const id = await startRun(stack, 'ann', definition, { n: 1 });
    await waitForStatus(stack, id, 'terminal');
    for (const [method, path] of [
      ['get', ''],
      ['get', '/status'],
      ['get', '/nodes'],
      ['get', '/logs'],
      ['post', '/pause'],
      ['post', '/resume'],
      ['post', '/stop'],
      ['post', '/cancel'],
    ] as const) {
      const theirs = await request(stack.app)[method](`/api/v1/executions/${id}${path}`).set('Authorization', as('bob'));
      const unknown = await request(stack.app)[method](`/api/v1/executions/nope-${Date.now()}${path}`).set('Authorization', as('bob'));
      expect([path, theirs.status, theirs.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
      expect(unknown.status).toBe(404);
    }
    const list = await request(stack.app).get('/api/v1/executions').set('Authorization', as('bob')).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
    await request(stack.app).post('/api/v1/executions').set('Authorization', as('bob')).send({ workflow_id: workflowId }).expect(404);
  });

  it('answers 409 with the current status for a control action the status does not allow', async () => {
    const id = await startRun(stack, 'ann', definition, { n: 1 });
    await waitForStatus(stack, id, 'completed');
    const res = await request(stack.app).post(`/api/v1/executions/${id}/pause`).set('Authorization', as('ann')).expect(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current_status: 'completed' } });
  });

  it('lists newest first with filters and paging', async () => {
    const res = await request(stack.app)
      .get(`/api/v1/executions?workflow_id=${workflowId}&status=completed&size=2&page=1`)
      .set('Authorization', as('ann'))
      .expect(200);
    expect(res.body).toMatchObject({ page: 1, size: 2 });
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.items.every((e: { status: string }) => e.status === 'completed')).toBe(true);
    const times = res.body.items.map((e: { created_at: string }) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    await request(stack.app).get('/api/v1/executions?size=500').set('Authorization', as('ann')).expect(400);
    await request(stack.app).get('/api/v1/executions?status=bogus').set('Authorization', as('ann')).expect(400);
  });

  it('rejects missing, forged, expired and exp-less tokens with 401', async () => {
    const noExp = jwt.sign({ sub: 'ann' }, TEST_JWT_SECRET, { algorithm: 'HS256' });
    const expired = jwt.sign({ sub: 'ann', exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET);
    const wrongKey = jwt.sign({ sub: 'ann' }, 'another-secret-that-is-long-enough-000', { expiresIn: 60 });
    const algNone = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'ann', exp: 9_999_999_999 })).toString('base64url')}.`;
    await request(stack.app).get('/api/v1/executions').expect(401);
    for (const token of [noExp, expired, wrongKey, algNone, 'garbage']) {
      const res = await request(stack.app).get('/api/v1/executions').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('maps bad bodies to 400, 413 and 422 and starts nothing', async () => {
    const before = (await request(stack.app).get('/api/v1/executions?size=1').set('Authorization', as('ann'))).body.total;
    const malformed = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('ann'))
      .set('Content-Type', 'application/json')
      .send('{"workflow_id": ');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
    const huge = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('ann'))
      .send({ workflow_id: workflowId, input_data: 'x'.repeat(2_000_000) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    const extra = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('ann'))
      .send({ workflow_id: workflowId, owner_id: 'bob', status: 'completed' });
    expect([extra.status, extra.body.error.code]).toEqual([422, 'VALIDATION_FAILED']);
    const badGraph = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', as('ann'))
      .send({
        name: 'bad',
        definition: {
          nodes: [
            { id: 'a', type: 'output' },
            { id: 'a', type: 'transform', config: { expression: '1' } },
            { id: 'b', type: 'warp' },
          ],
          edges: [{ source: 'a', target: 'ghost' }],
        },
      });
    expect(badGraph.status).toBe(422);
    expect(badGraph.body.error.details.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['DUPLICATE_NODE_ID', 'UNKNOWN_NODE_TYPE', 'DANGLING_EDGE']),
    );
    const after = (await request(stack.app).get('/api/v1/executions?size=1').set('Authorization', as('ann'))).body.total;
    expect(after).toBe(before);
  });
});

describe('start limits', () => {
  let stack: TestStack;
  afterAll(() => stack?.close());

  it('answers 429 with Retry-After past the per-user start rate, and other users are unaffected', async () => {
    stack = await startTestStack();
    const limitedApp = createApp({ ...stack.deps, settings: { ...stack.deps.settings, limits: { startsPerMinute: 3 } } });
    // Users of this run only: the start budget lives in the database, which may hold earlier runs' buckets.
    const rl = `rl-${Date.now()}`;
    const auth = (user: string) => `Bearer ${stack.tokenFor(`${rl}${user.slice(2)}`)}`;
    const wf = await request(limitedApp)
      .post('/api/v1/workflows')
      .set('Authorization', auth('rl'))
      .send({ name: 'rl', definition })
      .expect(201);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(limitedApp)
        .post('/api/v1/executions')
        .set('Authorization', auth('rl'))
        .send({ workflow_id: wf.body.id, input_data: { n: i } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const other = await request(limitedApp)
      .post('/api/v1/workflows')
      .set('Authorization', auth('rl2'))
      .send({ name: 'rl', definition })
      .expect(201);
    await request(limitedApp).post('/api/v1/executions').set('Authorization', auth('rl2')).send({ workflow_id: other.body.id }).expect(202);
  });

  it('answers 429 when the user already has the maximum of live executions', async () => {
    const limitedApp = createApp({ ...stack.deps, settings: { ...stack.deps.settings, limits: { maxLiveExecutions: 2 } } });
    // A user of this run only: the database may hold earlier runs' rows.
    const user = `cap-${Date.now()}`;
    const auth = `Bearer ${stack.tokenFor(user)}`;
    const wf = await request(limitedApp).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'cap', definition }).expect(201);
    // Two runs the user already has in flight (rows as the API writes them before Temporal picks them up).
    for (const id of [`${user}-a`, `${user}-b`]) {
      await insertExecution(stack.database.db, {
        id,
        ownerId: user,
        workflowId: wf.body.id,
        workflowVersion: 1,
        workflowName: 'cap',
        status: 'running',
      });
    }
    const res = await request(limitedApp).post('/api/v1/executions').set('Authorization', auth).send({ workflow_id: wf.body.id });
    expect([res.status, res.body.error?.code, res.body.error?.details]).toEqual([429, 'CONCURRENCY_LIMITED', { live: 2 }]);
    expect(res.headers['retry-after']).toBe('5');
    // The /execute compatibility API's inline-definition route counts on its own and refuses alike.
    const inline = await request(limitedApp)
      .post('/api/v1/execute')
      .set('Authorization', auth)
      .send({ workflow_id: 'cap-inline', definition });
    expect([inline.status, inline.body.error?.code, inline.body.error?.details]).toEqual([429, 'CONCURRENCY_LIMITED', { live: 2 }]);
    // Nothing was started for the refused requests.
    expect(await countLiveExecutions(stack.database.db, user)).toBe(2);
  });
});
