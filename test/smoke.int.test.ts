import request from 'supertest';
import { findExecution } from '@trellis/db';
import { startTestStack, waitFor, type TestStack } from './stack';

const smokeGraph = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'shout', type: 'transform', config: { expression: '{"greeting": "Hello, " & $uppercase(input.name) & "!"}' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'shout' },
    { source: 'shout', target: 'out' },
  ],
};

describe('smoke path: input → transform → output through the HTTP API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('runs the graph on Temporal and ends the execution row completed with the expected output', async () => {
    const auth = `Bearer ${stack.tokenFor('alice')}`;
    const created = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth)
      .send({ name: 'smoke', definition: smokeGraph })
      .expect(201);
    const started = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth)
      .send({ workflow_id: created.body.id, input_data: { name: 'ada' } })
      .expect(202);
    expect(started.body).toMatchObject({ workflow_id: created.body.id, workflow_version: 1, status: 'pending' });
    // The server picks the Temporal workflow id: the execution id and a random part.
    expect(started.body.temporal_workflow_id).toMatch(new RegExp(`^${started.body.id}~[0-9a-f]{16}$`));
    expect(started.body.temporal_run_id).toEqual(expect.any(String));

    const row = await waitFor(
      () => findExecution(stack.database.db, started.body.id),
      (r) => r?.status === 'completed',
    );
    expect(row!.outputData).toEqual({ greeting: 'Hello, ADA!' });
    expect(row!.progress).toBe(1);

    const detail = await request(stack.app).get(`/api/v1/executions/${started.body.id}`).set('Authorization', auth).expect(200);
    expect(detail.body.status).toBe('completed');
    expect(detail.body.nodes.map((n: { node_id: string }) => n.node_id).sort()).toEqual(['in', 'out', 'shout']);
    expect(detail.body.debug_url).toContain(`/workflows/${started.body.temporal_workflow_id}/`);
  });
});
