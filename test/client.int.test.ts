import { createTrellisClient, TrellisApiError, type ExecutionEvent } from '@trellis/client';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer, type RunningApi } from '../apps/api/src/server';
import { llm } from './engine-helpers';
import { startTestStack, type TestStack } from './stack';

const definition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    llm('a', 'slow-600'),
    llm('b', 'slow-600'),
    llm('c', 'slow-600'),
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'a' },
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'c', target: 'out' },
  ],
};

describe('typed client against a listening API', () => {
  let stack: TestStack;
  let api: RunningApi;
  const listen = (port = 0) =>
    startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port, host: '127.0.0.1' });

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    api = await listen();
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  it('starts, reads and follows an execution to its terminal event', async () => {
    const client = createTrellisClient({ baseUrl: api.url, token: stack.tokenFor('client') });
    const workflow = await client.workflows.create({ name: 'client', definition });
    const started = await client.executions.start({ workflow_id: workflow.id, input_data: { topic: 'x' } });
    const events = await client.executions.follow(started.id);
    expect(events.at(-1)).toMatchObject({ type: 'execution.completed', status: 'completed' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const done = await client.executions.get(started.id);
    expect(done.status).toBe('completed');
    const nodes = await client.executions.nodes(started.id);
    expect(nodes.items.map((n) => n.node_id)).toEqual(['in', 'a', 'b', 'c', 'out']);
    const page = await client.executions.list({ workflow_id: workflow.id, status: 'completed' });
    expect(page.items.map((e) => e.id)).toContain(started.id);
  });

  it('raises the API error code for a refused action', async () => {
    const client = createTrellisClient({ baseUrl: api.url, token: stack.tokenFor('client') });
    await expect(client.executions.pause('no-such-execution')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(client.executions.get('x')).rejects.toBeInstanceOf(TrellisApiError);
  });

  it('resumes from the last seq across an API restart and sees every event, the terminal one once', async () => {
    const client = createTrellisClient({ baseUrl: api.url, token: stack.tokenFor('client') });
    const workflow = await client.workflows.create({ name: 'restart', definition });
    const started = await client.executions.start({ workflow_id: workflow.id, input_data: { topic: 'r' } });
    const port = Number(new URL(api.url).port);
    let restarted = false;
    const following = client.executions.follow(started.id, {
      onEvent: (event: ExecutionEvent) => {
        if (event.type === 'node.completed' && event.node_id === 'a' && !restarted) {
          restarted = true;
          // Drop every connection mid-run, then bring the API back on the same port.
          void api.close().then(async () => {
            api = await listen(port);
          });
        }
      },
    });
    const events = await following;
    expect(restarted).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'execution.completed')).toHaveLength(1);
  });
});
