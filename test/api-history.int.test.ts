import request from 'supertest';
import { findExecution, type Execution } from '@trellis/db';
import { isTerminal } from '@trellis/definition';
import { mintToken } from '../apps/api/src/auth/jwt';
import { startTestStack, TEST_JWT_SECRET, waitFor, type TestStack } from './stack';
import { runHandle } from './engine-helpers';

const input = { id: 'in', type: 'input', config: {} };
const output = { id: 'out', type: 'output', config: {} };
const llm = (id: string, model: string, extra: object = {}) => ({
  id,
  type: 'llm',
  config: { provider: 'wire', model, prompt: `node ${id}: {{ input.topic }}` },
  ...extra,
});
const chain = (...nodes: Array<{ id: string; [key: string]: unknown }>) => ({
  nodes,
  edges: nodes.slice(1).map((node, i) => ({ source: nodes[i]!.id, target: node.id })),
});

const quickGraph = chain(
  input,
  { id: 'shout', type: 'transform', config: { expression: '$uppercase(input.topic)' } },
  { id: 'loud', type: 'transform', config: { expression: 'nodes.shout' }, activity: 'regular' },
  output,
);
/** Two slow LLM nodes in a row: long enough to pause, resume or stop between them. */
const slowGraph = chain(input, llm('a', 'slow-1200'), llm('b', 'slow-300'), output);
const failingGraph = chain(input, llm('boom', 'fail', { retry: { max_attempts: 1 } }), output);

describe('execution history, PUT status and per-workflow history', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
  });
  afterAll(() => stack?.close());

  const bearer = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const api = () => request(stack.app);

  async function createWorkflow(user: string, definition: unknown): Promise<string> {
    const res = await api().post('/api/v1/workflows').set('Authorization', bearer(user)).send({ name: 'history', definition }).expect(201);
    return res.body.id as string;
  }

  async function start(user: string, workflowId: string, topic = 'x'): Promise<string> {
    const res = await api()
      .post('/api/v1/executions')
      .set('Authorization', bearer(user))
      .send({ workflow_id: workflowId, input_data: { topic } })
      .expect(202);
    return res.body.id as string;
  }

  async function settle(id: string, status: Execution['status'] | 'terminal' = 'terminal'): Promise<Execution> {
    return (await waitFor(
      () => findExecution(stack.database.db, id),
      (row) => (status === 'terminal' ? !!row && isTerminal(row.status) : row?.status === status),
    ))!;
  }

  /** Waits until node `nodeId` of the run has started (so the run is really running). */
  async function nodeStarted(id: string, nodeId: string): Promise<void> {
    await waitFor(
      () => findExecution(stack.database.db, id),
      (row) => !!row && row.currentNodes.includes(nodeId),
    );
  }

  describe('GET /executions/:id/history', () => {
    it('merges platform events and the Temporal history in time order', async () => {
      const id = await start('hist-alice', await createWorkflow('hist-alice', quickGraph));
      await settle(id, 'completed');
      await (await runHandle(stack, id)).result(); // the row ends a moment before the run does
      const res = await api().get(`/api/v1/executions/${id}/history`).set('Authorization', bearer('hist-alice')).expect(200);
      const items = res.body.items as Array<{
        timestamp: string;
        source: string;
        event: string;
        node_id?: string;
        status?: string;
        message: string;
        data?: { node_ids?: string[] };
      }>;

      const times = items.map((i) => Date.parse(i.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const platform = items.filter((i) => i.source === 'platform').map((i) => i.event);
      expect(platform[0]).toBe('execution.created');
      expect(platform).toEqual(expect.arrayContaining(['execution.started', 'node.started', 'node.completed', 'execution.completed']));
      const temporal = items.filter((i) => i.source === 'temporal');
      expect(temporal[0]).toMatchObject({ event: 'WorkflowExecutionStarted', status: 'running' });
      expect(temporal.at(-1)).toMatchObject({ event: 'WorkflowExecutionCompleted', status: 'completed' });
      // in → shout is a chain run as one local activity (a marker in the history); loud is a regular activity
      // with its task events; out runs alone as a local activity.
      const eventsOf = (node: string) => temporal.filter((i) => i.node_id === node).map((i) => i.event);
      const chain = temporal.find((i) => i.event === 'LocalActivityCompleted' && i.node_id === 'in');
      expect(chain?.data?.node_ids).toEqual(['in', 'shout']);
      expect(chain?.message).toBe('local activity runChain for nodes in, shout completed');
      expect(eventsOf('out')).toEqual(['LocalActivityCompleted']);
      expect(eventsOf('loud')).toEqual(['ActivityTaskScheduled', 'ActivityTaskStarted', 'ActivityTaskCompleted']);
      expect(items.every((i) => typeof (i as { message?: unknown }).message === 'string')).toBe(true);
    });

    it('keeps one source with ?source= and rejects an unknown source with 400', async () => {
      const id = await start('hist-alice', await createWorkflow('hist-alice', quickGraph));
      await settle(id, 'completed');
      const only = async (source: string) =>
        (await api().get(`/api/v1/executions/${id}/history?source=${source}`).set('Authorization', bearer('hist-alice')).expect(200)).body
          .items as Array<{ source: string }>;
      const platform = await only('platform');
      const temporal = await only('temporal');
      expect(platform.length).toBeGreaterThan(0);
      expect(temporal.length).toBeGreaterThan(0);
      expect(platform.every((i) => i.source === 'platform')).toBe(true);
      expect(temporal.every((i) => i.source === 'temporal')).toBe(true);
      const bad = await api().get(`/api/v1/executions/${id}/history?source=kafka`).set('Authorization', bearer('hist-alice')).expect(400);
      expect(bad.body.error.code).toBe('BAD_REQUEST');
    });

    it('answers 401 without a token or with a bad one, and 404 for another user’s or an unknown execution', async () => {
      const id = await start('hist-alice', await createWorkflow('hist-alice', quickGraph));
      await api().get(`/api/v1/executions/${id}/history`).expect(401);
      await api().get(`/api/v1/executions/${id}/history`).set('Authorization', 'Bearer not-a-jwt').expect(401);
      const expired = mintToken({ sub: 'hist-alice', secret: TEST_JWT_SECRET, ttlSeconds: -60 });
      await api().get(`/api/v1/executions/${id}/history`).set('Authorization', `Bearer ${expired}`).expect(401);
      const other = await api().get(`/api/v1/executions/${id}/history`).set('Authorization', bearer('hist-bob')).expect(404);
      const unknown = await api().get('/api/v1/executions/nope/history').set('Authorization', bearer('hist-bob')).expect(404);
      expect(other.body.error.code).toBe('NOT_FOUND');
      expect(other.body.error.message).toBe(`execution ${id} not found`);
      expect(unknown.body.error.message).toBe('execution nope not found');
    });
  });

  describe('PUT /executions/:id {status}', () => {
    it('pauses and resumes a run, answers 409 for a repeated pause, and shows the updates in the timeline', async () => {
      const id = await start('put-alice', await createWorkflow('put-alice', slowGraph));
      await nodeStarted(id, 'a');
      const put = (status: unknown) => api().put(`/api/v1/executions/${id}`).set('Authorization', bearer('put-alice')).send({ status });

      const paused = await put('paused').expect(200);
      expect(paused.body).toMatchObject({ id, status: 'paused' });
      const again = await put('paused').expect(409);
      expect(again.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { current_status: 'paused' } });
      const resumed = await put('running').expect(200);
      expect(resumed.body.status).toBe('running');
      await settle(id, 'completed');

      const timeline = await api().get(`/api/v1/executions/${id}/history`).set('Authorization', bearer('put-alice')).expect(200);
      const messages = (timeline.body.items as Array<{ source: string; message: string; event: string }>).map(
        (i) => `${i.source}:${i.event}:${i.message}`,
      );
      expect(messages).toEqual(
        expect.arrayContaining([
          'platform:execution.paused:execution paused',
          'platform:execution.resumed:execution resumed',
          'temporal:WorkflowExecutionUpdateAccepted:update pause accepted',
          'temporal:WorkflowExecutionUpdateCompleted:update resume completed',
        ]),
      );
    });

    it('stops a run with status stopped and cancels one with status cancelled', async () => {
      const workflowId = await createWorkflow('put-alice', slowGraph);
      const toStop = await start('put-alice', workflowId);
      const toCancel = await start('put-alice', workflowId);
      await nodeStarted(toStop, 'a');
      await nodeStarted(toCancel, 'a');
      await api().put(`/api/v1/executions/${toStop}`).set('Authorization', bearer('put-alice')).send({ status: 'stopped' }).expect(200);
      await api().put(`/api/v1/executions/${toCancel}`).set('Authorization', bearer('put-alice')).send({ status: 'cancelled' }).expect(200);
      expect((await settle(toStop)).status).toBe('stopped');
      expect((await settle(toCancel)).status).toBe('cancelled');
      const late = await api()
        .put(`/api/v1/executions/${toStop}`)
        .set('Authorization', bearer('put-alice'))
        .send({ status: 'cancelled' })
        .expect(409);
      expect(late.body.error.details).toEqual({ current_status: 'stopped' });
    });

    it('answers 422 for a status that is not a control target or a malformed body', async () => {
      const id = await start('put-alice', await createWorkflow('put-alice', quickGraph));
      const put = (body: unknown) =>
        api()
          .put(`/api/v1/executions/${id}`)
          .set('Authorization', bearer('put-alice'))
          .send(body as object);
      for (const body of [{ status: 'completed' }, { status: 'pending' }, {}, { status: 'paused', extra: true }, { status: 3 }]) {
        const res = await put(body).expect(422);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('answers 401 without a token and 404 for another user’s execution', async () => {
      const id = await start('put-alice', await createWorkflow('put-alice', quickGraph));
      await api().put(`/api/v1/executions/${id}`).send({ status: 'paused' }).expect(401);
      await api().put(`/api/v1/executions/${id}`).set('Authorization', bearer('put-bob')).send({ status: 'paused' }).expect(404);
    });
  });

  describe('/workflows/:id/history', () => {
    it('lists a workflow’s runs newest first in pages with total and has_more', async () => {
      const workflowId = await createWorkflow('wh-alice', quickGraph);
      const first = await start('wh-alice', workflowId, 'one');
      const second = await start('wh-alice', workflowId, 'two');
      await settle(first);
      await settle(second);
      const page = (query: string) =>
        api().get(`/api/v1/workflows/${workflowId}/history${query}`).set('Authorization', bearer('wh-alice')).expect(200);

      const one = await page('?page_size=1&page_index=1');
      expect(one.body).toMatchObject({ success: true, total: 2, has_more: true });
      expect(one.body.histories).toHaveLength(1);
      expect(one.body.histories[0]).toMatchObject({
        execute_id: second,
        workflow_id: workflowId,
        execute_status: 'success',
        run_mode: 2,
        input_parameters: { topic: 'two' },
        output: 'TWO',
        error_code: null,
        error_message: null,
      });
      expect(typeof one.body.histories[0].create_time).toBe('number');
      expect(one.body.histories[0].update_time).toBeGreaterThanOrEqual(one.body.histories[0].create_time);
      expect(one.body.histories[0].debug_url).toMatch(new RegExp(`/workflows/${second}~[0-9a-f]{16}/`));
      const two = await page('?page_size=1&page_index=2');
      expect(two.body).toMatchObject({ total: 2, has_more: false });
      expect(two.body.histories[0].execute_id).toBe(first);
      expect((await page('')).body.histories).toHaveLength(2);
    });

    it('answers one record with node statuses, mapping a failed run to failed', async () => {
      const workflowId = await createWorkflow('wh-alice', failingGraph);
      const id = await start('wh-alice', workflowId);
      expect((await settle(id)).status).toBe('failed');
      const res = await api().get(`/api/v1/workflows/${workflowId}/history/${id}`).set('Authorization', bearer('wh-alice')).expect(200);
      expect(res.body.success).toBe(true);
      expect(res.body.execution).toMatchObject({
        execute_id: id,
        execute_status: 'failed',
        status: 'failed',
        error_code: expect.any(String),
      });
      expect(res.body.execution.error_message).toContain('upstream exploded');
      expect(res.body.execution.node_execute_status.in).toMatchObject({ status: 'completed', duration_ms: expect.any(Number) });
      expect(res.body.execution.node_execute_status.boom).toMatchObject({
        status: 'failed',
        error_message: expect.stringContaining('upstream exploded'),
      });
    });

    it('answers 404 for a record of another workflow or another user, and 400 for a bad page', async () => {
      const workflowId = await createWorkflow('wh-alice', quickGraph);
      const otherWorkflow = await createWorkflow('wh-alice', quickGraph);
      const id = await start('wh-alice', workflowId);
      await api().get(`/api/v1/workflows/${otherWorkflow}/history/${id}`).set('Authorization', bearer('wh-alice')).expect(404);
      await api().get(`/api/v1/workflows/${workflowId}/history/${id}`).set('Authorization', bearer('wh-bob')).expect(404);
      await api().delete(`/api/v1/workflows/${workflowId}/history/${id}`).set('Authorization', bearer('wh-bob')).expect(404);
      const bobList = await api().get(`/api/v1/workflows/${workflowId}/history`).set('Authorization', bearer('wh-bob')).expect(200);
      expect(bobList.body).toMatchObject({ histories: [], total: 0, has_more: false });
      await api().get(`/api/v1/workflows/${workflowId}/history?page_size=0`).set('Authorization', bearer('wh-alice')).expect(400);
      await api().get(`/api/v1/workflows/${workflowId}/history`).expect(401);
      await api().delete(`/api/v1/workflows/${workflowId}/history`).set('Authorization', 'Bearer nope').expect(401);
    });

    it('refuses to delete a running run (409), deletes a finished one, and clears the rest once nothing runs', async () => {
      const workflowId = await createWorkflow('wh-carol', slowGraph);
      const finished = await start('wh-carol', workflowId);
      await settle(finished, 'completed');
      const running = await start('wh-carol', workflowId);
      await nodeStarted(running, 'a');
      const auth = bearer('wh-carol');
      const path = `/api/v1/workflows/${workflowId}/history`;

      const refused = await api().delete(`${path}/${running}`).set('Authorization', auth).expect(409);
      expect(refused.body.error.code).toBe('EXECUTION_RUNNING');
      const clearRefused = await api().delete(path).set('Authorization', auth).expect(409);
      expect(clearRefused.body.error.details).toEqual({ running: 1 });
      expect((await api().get(path).set('Authorization', auth).expect(200)).body.total).toBe(2);

      expect((await api().delete(`${path}/${finished}`).set('Authorization', auth).expect(200)).body).toEqual({
        success: true,
        deleted: 1,
      });
      await api().get(`${path}/${finished}`).set('Authorization', auth).expect(404);
      await api().get(`/api/v1/executions/${finished}`).set('Authorization', auth).expect(404);

      await settle(running, 'completed');
      expect((await api().delete(path).set('Authorization', auth).expect(200)).body).toEqual({ success: true, deleted: 1 });
      expect((await api().get(path).set('Authorization', auth).expect(200)).body).toMatchObject({ total: 0, histories: [] });
    });
  });
});
