import request from 'supertest';
import { listExecutions, listNodeExecutions } from '@trellis/db';
import { waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

const USER = 'nul-user';
const graph = (expression: string) => ({
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'make', type: 'transform', config: { expression } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'make' },
    { source: 'make', target: 'out' },
  ],
});

describe('text Postgres cannot store', () => {
  let stack: TestStack;
  const auth = () => `Bearer ${stack.tokenFor(USER)}`;
  const save = async (expression: string) => {
    const saved = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth())
      .send({ name: 'nul', definition: graph(expression) });
    expect(saved.status).toBe(201);
    return saved.body.id as string;
  };

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('refuses NUL and unpaired surrogates in a request with 422 INVALID_CHARACTER naming where, and starts nothing', async () => {
    const workflowId = await save('input');
    const replies = [
      await request(stack.app)
        .post('/api/v1/executions')
        .set('Authorization', auth())
        .send({ workflow_id: workflowId, input_data: { a: ['ok', 'x\u0000'] } }),
      await request(stack.app)
        .post('/api/v1/executions')
        .set('Authorization', auth())
        .set('Content-Type', 'application/json')
        .send(`{"workflow_id": "${workflowId}", "input_data": {"a": "\\udc00"}}`),
      await request(stack.app).get('/api/v1/executions/x%00y').set('Authorization', auth()),
    ];
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([422, 'INVALID_CHARACTER']);
    expect(replies[0]!.body.error.details).toEqual([expect.objectContaining({ path: 'body.input_data.a[1]' })]);
    expect((await listExecutions(stack.database.db, { ownerId: USER }, { offset: 0, limit: 1 })).total).toBe(0);
  });

  it('answers a path with a malformed %-escape with 400 MALFORMED_PATH, not 500', async () => {
    for (const path of ['/api/v1/executions/%FF', '/api/v1/workflows/%E0%A4%A/history', '/api/v1/executions/%C0/nodes']) {
      const reply = await request(stack.app).get(path).set('Authorization', auth());
      expect([path, reply.status, reply.body.error?.code]).toEqual([path, 400, 'MALFORMED_PATH']);
    }
  });

  it('fails a node whose expression makes a NUL with OUTPUT_INVALID after one attempt, and the run at once', async () => {
    const started = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth())
      .send({ workflow_id: await save('"a\\u0000b"'), input_data: {} });
    expect(started.status).toBe(202);
    const row = await waitForStatus(stack, started.body.id as string, 'terminal', 20_000);
    expect(row).toMatchObject({ status: 'failed', error: { code: 'OUTPUT_INVALID', node_id: 'make' } });
    const made = (await listNodeExecutions(stack.database.db, row.id)).find((n) => n.nodeId === 'make');
    expect(made).toMatchObject({ status: 'failed', attempt: 1, error: { code: 'OUTPUT_INVALID' } });
    expect(made!.error!.message).not.toMatch(/insert|params|\u0000/);
  });
});
