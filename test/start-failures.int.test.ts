import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { findExecution, listEvents, temporalWorkflowIdOf } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import type { ApiDeps } from '../apps/api/src/deps';
import { startTestStack, type TestStack } from './stack';
import { saveWorkflow, waitForStatus } from './engine-helpers';
import { passThroughDefinition } from './small-definitions';

const tag = randomUUID().slice(0, 8);

/** A start Temporal refused leaves a failed row with its reason, and the answer is a 500, not "unreachable". */
describe('starts that Temporal refuses', () => {
  let stack: TestStack;
  const auth = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const withSettings = (settings: Partial<ApiDeps['settings']>) =>
    createApp({ ...stack.deps, settings: { ...stack.deps.settings, ...settings } });

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('fails the row with START_FAILED and an execution.failed event when Temporal refuses the start', async () => {
    const user = `start-refused-${tag}`;
    const workflowId = await saveWorkflow(stack, user, passThroughDefinition);
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

  it('never leaves a row failed while its run goes on when the start call timed out', async () => {
    const user = `start-unknown-${tag}`;
    const workflowId = await saveWorkflow(stack, user, passThroughDefinition);
    // Deadlines around a start's round trip: some pass before Temporal sees the start, some after it took it.
    for (const deadlineMs of [1, 2, 3, 4, 5, 6, 7, 8, 10, 12]) {
      const app = withSettings({ temporalCallTimeoutMs: deadlineMs });
      const id = randomUUID();
      const res = await request(app)
        .post('/api/v1/executions')
        .set('Authorization', auth(user))
        .send({ workflow_id: workflowId, execution_id: id });
      const row = await findExecution(stack.database.db, id);
      const handle = stack.deps.temporal.workflow.getHandle(temporalWorkflowIdOf(row!));
      if (res.status === 202) {
        // Taken: the row follows its run to the end.
        await handle.result();
        expect((await waitForStatus(stack, id, 'terminal')).status).toBe('completed');
      } else {
        // Not taken: 503, the row failed, and Temporal has no run under its id (the old code failed rows of taken starts).
        expect([res.status, row!.status]).toEqual([503, 'failed']);
        await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
      }
    }
  });
});
