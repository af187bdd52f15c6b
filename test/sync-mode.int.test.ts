import request from 'supertest';
import { createApp } from '../apps/api/src/app';
import { llm, saveWorkflow, waitForStatus } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

const quick = {
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

const slow = {
  nodes: [{ id: 'in', type: 'input', config: {} }, llm('think', 'slow-3000'), { id: 'out', type: 'output', config: {} }],
  edges: [
    { source: 'in', target: 'think' },
    { source: 'think', target: 'out' },
  ],
};

describe('sync start mode', () => {
  let stack: TestStack;
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
  });
  afterAll(() => stack?.close());

  it('answers 200 with the finished execution when the run ends within SYNC_WAIT_MS', async () => {
    const workflowId = await saveWorkflow(stack, 'sync-quick', quick);
    const response = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', as('sync-quick'))
      .send({ workflow_id: workflowId, input_data: { n: 21 }, mode: 'sync' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'completed', output_data: 42, workflow_id: workflowId });
    expect(response.body.finished_at).toEqual(expect.any(String));
  });

  it('answers 202 with the live execution when the run outlasts SYNC_WAIT_MS, and the run still completes', async () => {
    const impatient = createApp({ ...stack.deps, settings: { ...stack.deps.settings, syncWaitMs: 300 } });
    const workflowId = await saveWorkflow(stack, 'sync-slow', slow);
    const response = await request(impatient)
      .post('/api/v1/executions')
      .set('Authorization', as('sync-slow'))
      .send({ workflow_id: workflowId, input_data: { topic: 'patience' }, mode: 'sync' });
    expect(response.status).toBe(202);
    expect(['pending', 'running']).toContain(response.body.status);
    const finished = await waitForStatus(stack, response.body.id, 'terminal', 60_000);
    expect(finished.status).toBe('completed');
  });
});
