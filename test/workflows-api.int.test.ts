import request from 'supertest';
import { waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

const graph = (expression: string) => ({
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 't', type: 'transform', config: { expression } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 't' },
    { source: 't', target: 'out' },
  ],
});

describe('workflows API', () => {
  let stack: TestStack;
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('bumps the version on a new definition, and each execution runs and records the version it started with', async () => {
    const created = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', as('wa'))
      .send({ name: 'v', definition: graph('"v1"') })
      .expect(201);
    expect(created.body.version).toBe(1);
    const first = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('wa'))
      .send({ workflow_id: created.body.id })
      .expect(202);
    const renamed = await request(stack.app)
      .put(`/api/v1/workflows/${created.body.id}`)
      .set('Authorization', as('wa'))
      .send({ name: 'renamed' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'renamed', version: 1 });
    const updated = await request(stack.app)
      .put(`/api/v1/workflows/${created.body.id}`)
      .set('Authorization', as('wa'))
      .send({ definition: graph('"v2"') })
      .expect(200);
    expect(updated.body.version).toBe(2);
    const second = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('wa'))
      .send({ workflow_id: created.body.id })
      .expect(202);
    expect((await waitForStatus(stack, first.body.id, 'terminal')).outputData).toBe('v1');
    const row = await waitForStatus(stack, second.body.id, 'terminal');
    expect([row.workflowVersion, row.outputData]).toEqual([2, 'v2']);
    await request(stack.app)
      .put(`/api/v1/workflows/${created.body.id}`)
      .set('Authorization', as('wa'))
      .send({ definition: { nodes: [] } })
      .expect(422);
  });

  it("hides another user's workflow on every route and lists only the caller's", async () => {
    const mine = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', as('wa'))
      .send({ name: 'private', definition: graph('1') })
      .expect(201);
    const id = mine.body.id;
    await request(stack.app).get(`/api/v1/workflows/${id}`).set('Authorization', as('wb')).expect(404);
    await request(stack.app).put(`/api/v1/workflows/${id}`).set('Authorization', as('wb')).send({ name: 'stolen' }).expect(404);
    await request(stack.app).delete(`/api/v1/workflows/${id}`).set('Authorization', as('wb')).expect(404);
    await request(stack.app).post('/api/v1/executions').set('Authorization', as('wb')).send({ workflow_id: id }).expect(404);
    const list = await request(stack.app).get('/api/v1/workflows').set('Authorization', as('wb')).expect(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await request(stack.app).get(`/api/v1/workflows/${id}`).set('Authorization', as('wa')).expect(200)).body.name).toBe('private');
  });

  it('deletes a workflow: it reads as gone, its executions stay readable', async () => {
    const wf = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', as('wa'))
      .send({ name: 'gone', definition: graph('2') })
      .expect(201);
    const run = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('wa'))
      .send({ workflow_id: wf.body.id })
      .expect(202);
    await waitForStatus(stack, run.body.id, 'terminal');
    await request(stack.app).delete(`/api/v1/workflows/${wf.body.id}`).set('Authorization', as('wa')).expect(204);
    await request(stack.app).get(`/api/v1/workflows/${wf.body.id}`).set('Authorization', as('wa')).expect(404);
    await request(stack.app).post('/api/v1/executions').set('Authorization', as('wa')).send({ workflow_id: wf.body.id }).expect(404);
    await request(stack.app).get(`/api/v1/executions/${run.body.id}`).set('Authorization', as('wa')).expect(200);
  });
});
