import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { findExecution, listEvents } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import type { ApiDeps } from '../apps/api/src/deps';
import { startTestStack, type TestStack } from './stack';
import { passThroughDefinition } from './small-definitions';

const tag = randomUUID().slice(0, 8);

/** A start Temporal refused leaves a failed row with its reason, and the answer is a 500, not "unreachable". */
describe('starts that Temporal refuses', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const withSettings = (settings: Partial<ApiDeps['settings']>) =>
    createApp({ ...stack.deps, settings: { ...stack.deps.settings, ...settings } });

  async function saveWorkflow(user: string): Promise<string> {
    const saved = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', auth(user))
      .send({ name: 'start', definition: passThroughDefinition });
    return saved.body.id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('fails the row with START_FAILED and an execution.failed event when Temporal refuses the start', async () => {
    const user = `start-refused-${tag}`;
    const workflowId = await saveWorkflow(user);
    // Temporal refuses task queue names over its id length limit (INVALID_ARGUMENT): nothing was started.
    const app = withSettings({ taskQueue: 'q'.repeat(1_100) });
    const id = randomUUID();
    const refused = await request(app)
      .post('/api/v1/executions')
      .set('Authorization', auth(user))
      .send({ workflow_id: workflowId, execution_id: id });
    expect(refused.status).toBe(500);
    expect(JSON.stringify(refused.body)).not.toContain('qqqq');
    const row = await findExecution(stack.database.db, id);
    expect(row).toMatchObject({ status: 'failed', error: { code: 'START_FAILED' } });
    const events = await listEvents(stack.database.db, { executionId: id });
    expect(events.map((e) => [e.type, e.status])).toEqual([['execution.failed', 'failed']]);
  });
});
