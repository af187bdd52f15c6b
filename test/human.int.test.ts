import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { findExecution, listEvents } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import { WorkflowUpdateStage } from '@temporalio/client';
import { answerHumanUpdate } from '@trellis/workflows';
import { control, nodesById, runHandle, saveHistoryFixture, startRun, waitForStatus } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

const input = { id: 'in', type: 'input', config: {} };
// Users of this run only, so the inbox holds nothing from earlier runs against the same database.
const tag = randomUUID().slice(0, 8);

/** in → review (human) → out, where out reports the answer. */
function reviewFlow(config: Record<string, unknown> = {}) {
  return {
    nodes: [
      input,
      { id: 'review', type: 'human', config: { prompt: 'Approve the refund of {{ input.amount }} EUR?', ...config } },
      { id: 'out', type: 'output', config: { expression: '{"decision": nodes.review}' } },
    ],
    edges: [
      { source: 'in', target: 'review' },
      { source: 'review', target: 'out' },
    ],
  };
}

const approvalForm = {
  type: 'object',
  properties: { approved: { type: 'boolean' }, note: { type: 'string', maxLength: 20 } },
  required: ['approved'],
  additionalProperties: false,
};

describe('human nodes', () => {
  let stack: TestStack;
  const as = (user: string) => `Bearer ${stack.tokenFor(user)}`;
  const answer = (user: string, id: string, nodeId: string, body: unknown) =>
    request(stack.app)
      .post(`/api/v1/executions/${id}/nodes/${nodeId}/answer`)
      .set('Authorization', as(user))
      .send(body as object);
  const waitingOn = (id: string, nodeId = 'review') =>
    waitFor(
      () => nodesById(stack, id),
      (n) => n[nodeId]?.status === 'waiting',
    );

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('waits for an answer given through the API and completes with the answer as the node output', async () => {
    const id = await startRun(stack, `h-ada-${tag}`, reviewFlow({ form: approvalForm }), { amount: 40 });
    await waitingOn(id);
    expect((await waitForStatus(stack, id, 'waiting')).currentNodes).toEqual(['review']);
    const status = await request(stack.app)
      .get(`/api/v1/executions/${id}/status`)
      .set('Authorization', as(`h-ada-${tag}`))
      .expect(200);
    expect(status.body).toMatchObject({
      status: 'waiting',
      current_nodes: ['review'],
      waits: [{ node_id: 'review', prompt: 'Approve the refund of 40 EUR?' }],
    });
    const inbox = await request(stack.app)
      .get('/api/v1/waits?status=open')
      .set('Authorization', as(`h-ada-${tag}`))
      .expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        execution_id: id,
        node_id: 'review',
        prompt: 'Approve the refund of 40 EUR?',
        form: approvalForm,
        status: 'open',
      }),
    ]);

    const accepted = await answer(`h-ada-${tag}`, id, 'review', { answer: { approved: true, note: 'fine' } }).expect(200);
    expect(accepted.body).toMatchObject({ execution_id: id, node_id: 'review', answered_by: `h-ada-${tag}` });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row).toMatchObject({ status: 'completed', outputData: { decision: { approved: true, note: 'fine' } } });
    // A retry of the accepted answer (its response lost) succeeds again; a different answer does not.
    const repeated = await answer(`h-ada-${tag}`, id, 'review', { answer: { note: 'fine', approved: true } }).expect(200);
    expect(repeated.body.answered_at).toBe(accepted.body.answered_at);
    expect((await answer(`h-ada-${tag}`, id, 'review', { answer: { approved: false } }).expect(409)).body.error.code).toBe(
      'HUMAN_ALREADY_ANSWERED',
    );
    const nodes = await request(stack.app)
      .get(`/api/v1/executions/${id}/nodes`)
      .set('Authorization', as(`h-ada-${tag}`))
      .expect(200);
    const review = nodes.body.items.find((n: { node_id: string }) => n.node_id === 'review');
    expect(review).toMatchObject({
      status: 'completed',
      output: { approved: true, note: 'fine' },
      answered_by: `h-ada-${tag}`,
      input: { amount: 40 },
    });
    expect(Date.parse(review.answered_at)).toBeGreaterThan(0);
    const types = (await listEvents(stack.database.db, { executionId: id })).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['node.waiting', 'execution.waiting', 'node.answered', 'execution.running', 'execution.completed']),
    );
    expect(types.indexOf('node.waiting')).toBeLessThan(types.indexOf('node.answered'));
    const answered = await request(stack.app)
      .get('/api/v1/waits?status=answered')
      .set('Authorization', as(`h-ada-${tag}`))
      .expect(200);
    expect(answered.body.items[0]).toMatchObject({ execution_id: id, status: 'answered', answered_by: `h-ada-${tag}` });
    await saveHistoryFixture(stack, id, 'human-answered');
  });

  it('refuses an answer that breaks the form with 422 listing every problem, and accepts a good one afterwards', async () => {
    const id = await startRun(stack, `h-bob-${tag}`, reviewFlow({ form: approvalForm }), { amount: 1 });
    await waitingOn(id);
    const refused = await answer(`h-bob-${tag}`, id, 'review', { answer: { note: 'far too long for the form', extra: 1 } }).expect(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.map((p: { path: string }) => p.path).sort()).toEqual(['$.approved', '$.extra', '$.note']);
    await answer(`h-bob-${tag}`, id, 'review', {}).expect(422);
    await answer(`h-bob-${tag}`, id, 'review', { answer: { approved: false } }).expect(200);
    expect((await waitForStatus(stack, id, 'terminal')).outputData).toEqual({ decision: { approved: false } });
  });

  it('accepts exactly one of two concurrent answers; the other learns who answered', async () => {
    const id = await startRun(stack, `h-cy-${tag}`, reviewFlow({ assignees: [`h-dee-${tag}`] }), { amount: 2 });
    await waitingOn(id);
    const [first, second] = await Promise.all([
      answer(`h-cy-${tag}`, id, 'review', { answer: 'yes' }),
      answer(`h-dee-${tag}`, id, 'review', { answer: 'no' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    const loser = first.status === 200 ? second : first;
    expect(loser.body.error).toMatchObject({ code: 'HUMAN_ALREADY_ANSWERED', details: { answered_by: winner.body.answered_by } });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.outputData).toEqual({ decision: winner.body.answer });
    await answer(`h-cy-${tag}`, id, 'review', { answer: 'again' }).expect(409);
  });

  it('answers 404 to a stranger, lets an assignee answer without letting them read the run', async () => {
    const id = await startRun(stack, `h-eve-${tag}`, reviewFlow({ assignees: [`h-fay-${tag}`] }), { amount: 3 });
    await waitingOn(id);
    await answer(`h-mallory-${tag}`, id, 'review', { answer: 'mine' }).expect(404);
    await request(stack.app)
      .get(`/api/v1/executions/${id}`)
      .set('Authorization', as(`h-fay-${tag}`))
      .expect(404);
    const inbox = await request(stack.app)
      .get('/api/v1/waits')
      .set('Authorization', as(`h-fay-${tag}`))
      .expect(200);
    expect(inbox.body.items.map((w: { execution_id: string }) => w.execution_id)).toEqual([id]);
    expect(
      (
        await request(stack.app)
          .get('/api/v1/waits')
          .set('Authorization', as(`h-mallory-${tag}`))
          .expect(200)
      ).body.items,
    ).toEqual([]);
    await answer(`h-fay-${tag}`, id, 'review', { answer: 'approved by fay' }).expect(200);
    const nodes = await nodesById(stack, id);
    expect(nodes.review).toMatchObject({ status: 'completed', answeredBy: `h-fay-${tag}`, output: 'approved by fay' });
    await waitForStatus(stack, id, 'completed');
  });

  it('fails with HUMAN_TIMEOUT when nobody answers in time, or continues with the default answer', async () => {
    const failing = await startRun(stack, `h-gus-${tag}`, reviewFlow({ timeout_ms: 1_000 }), { amount: 4 });
    const continuing = await startRun(
      stack,
      `h-gus-${tag}`,
      reviewFlow({ timeout_ms: 1_000, on_timeout: 'continue', default_answer: 'auto-approved' }),
      { amount: 5 },
    );
    const failed = await waitForStatus(stack, failing, 'terminal');
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'HUMAN_TIMEOUT', node_id: 'review' } });
    const completed = await waitForStatus(stack, continuing, 'terminal');
    expect(completed).toMatchObject({ status: 'completed', outputData: { decision: 'auto-approved' } });
    expect((await nodesById(stack, continuing)).review).toMatchObject({ status: 'completed', answeredBy: null });
    const late = await answer(`h-gus-${tag}`, failing, 'review', { answer: 'late' }).expect(409);
    expect(late.body.error.code).toBe('HUMAN_WAIT_EXPIRED');
    const expired = await request(stack.app)
      .get('/api/v1/waits?status=expired')
      .set('Authorization', as(`h-gus-${tag}`))
      .expect(200);
    expect(expired.body.items.map((w: { execution_id: string }) => w.execution_id).sort()).toEqual([failing, continuing].sort());
    await saveHistoryFixture(stack, continuing, 'human-timeout-continue');
    await saveHistoryFixture(stack, failing, 'human-timeout-fail');
  });

  it('answers once through a single-use link without a JWT, then 410; a link past its wait is 410 too', async () => {
    const id = await startRun(stack, `h-hal-${tag}`, reviewFlow({ form: approvalForm }), { amount: 6 });
    await waitingOn(id);
    await request(stack.app)
      .post(`/api/v1/executions/${id}/nodes/review/answer-links`)
      .set('Authorization', as(`h-stranger-${tag}`))
      .expect(404);
    const link = await request(stack.app)
      .post(`/api/v1/executions/${id}/nodes/review/answer-links`)
      .set('Authorization', as(`h-hal-${tag}`))
      .expect(201);
    expect(Buffer.from(link.body.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(link.body.url).toBe(`/api/v1/answers/${link.body.token}`);
    const shown = await request(stack.app).get(link.body.url).expect(200);
    expect(shown.body).toMatchObject({ node_id: 'review', prompt: 'Approve the refund of 6 EUR?', form: approvalForm });
    await request(stack.app)
      .post(link.body.url)
      .send({ answer: { approved: 'yes' } })
      .expect(422);
    const used = await request(stack.app)
      .post(link.body.url)
      .send({ answer: { approved: true } })
      .expect(200);
    expect(used.body).toMatchObject({ node_id: 'review', answer: { approved: true } });
    await request(stack.app)
      .post(link.body.url)
      .send({ answer: { approved: true } })
      .expect(410);
    await request(stack.app).get(link.body.url).expect(410);
    expect((await nodesById(stack, id)).review!.answeredBy).toBe(`link:h-hal-${tag}`);
    await waitForStatus(stack, id, 'completed');

    const short = await startRun(stack, `h-hal-${tag}`, reviewFlow({ timeout_ms: 1_500 }), { amount: 7 });
    await waitingOn(short);
    const expiring = await request(stack.app)
      .post(`/api/v1/executions/${short}/nodes/review/answer-links`)
      .set('Authorization', as(`h-hal-${tag}`))
      .expect(201);
    await waitForStatus(stack, short, 'terminal');
    await request(stack.app).post(expiring.body.url).send({ answer: 'too late' }).expect(410);
    await request(stack.app).post('/api/v1/answers/not-a-real-token').send({ answer: 1 }).expect(404);
  });

  it('pauses while waiting, takes the answer while paused, and runs on only once resumed', async () => {
    const id = await startRun(stack, `h-ivy-${tag}`, reviewFlow(), { amount: 8 });
    await waitForStatus(stack, id, 'waiting');
    await control(stack, `h-ivy-${tag}`, id, 'resume').expect(409);
    expect((await control(stack, `h-ivy-${tag}`, id, 'pause').expect(200)).body.status).toBe('paused');
    await answer(`h-ivy-${tag}`, id, 'review', { answer: 'ok' }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await nodesById(stack, id)).out).toBeUndefined();
    expect((await findExecution(stack.database.db, id))!.status).toBe('paused');
    await control(stack, `h-ivy-${tag}`, id, 'resume').expect(200);
    expect(await waitForStatus(stack, id, 'terminal')).toMatchObject({ status: 'completed', outputData: { decision: 'ok' } });
    await saveHistoryFixture(stack, id, 'human-pause-resume');
  });

  it('resumes a paused run to waiting while its wait is still open', async () => {
    const id = await startRun(stack, `h-jon-${tag}`, reviewFlow(), { amount: 9 });
    await waitForStatus(stack, id, 'waiting');
    await control(stack, `h-jon-${tag}`, id, 'pause').expect(200);
    expect((await control(stack, `h-jon-${tag}`, id, 'resume').expect(200)).body.message).toBe('waiting for an answer');
    await waitForStatus(stack, id, 'waiting');
    await answer(`h-jon-${tag}`, id, 'review', { answer: 'done' }).expect(200);
    await waitForStatus(stack, id, 'completed');
  });

  it('waits on parallel branches independently and joins the answers', async () => {
    const definition = {
      nodes: [
        input,
        { id: 'legal', type: 'human', config: { prompt: 'Legal OK?' } },
        { id: 'finance', type: 'human', config: { prompt: 'Finance OK?' } },
        { id: 'out', type: 'output', config: { expression: '[nodes.legal, nodes.finance]' } },
      ],
      edges: [
        { source: 'in', target: 'legal' },
        { source: 'in', target: 'finance' },
        { source: 'legal', target: 'out' },
        { source: 'finance', target: 'out' },
      ],
    };
    const id = await startRun(stack, `h-kim-${tag}`, definition);
    await waitFor(
      () => nodesById(stack, id),
      (n) => n.legal?.status === 'waiting' && n.finance?.status === 'waiting',
    );
    await answer(`h-kim-${tag}`, id, 'finance', { answer: 'finance yes' }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await findExecution(stack.database.db, id))!.status).toBe('waiting');
    await answer(`h-kim-${tag}`, id, 'legal', { answer: 'legal yes' }).expect(200);
    expect(await waitForStatus(stack, id, 'terminal')).toMatchObject({ status: 'completed', outputData: ['legal yes', 'finance yes'] });
  });

  // A worker that dies before its workflow task completes leaves the wait recorded open while its replacement runs the
  // workflow again from that task: an answer it takes first comes before the node has started (fault F8).
  it('holds an answer that reaches the run before its node starts, and refuses it once the node cannot start', async () => {
    const definition = {
      nodes: [
        input,
        { id: 'first', type: 'human', config: { prompt: '1?' } },
        { id: 'second', type: 'human', config: { prompt: '2?' } },
        { id: 'out', type: 'output', config: { expression: 'nodes.second' } },
      ],
      edges: [
        { source: 'in', target: 'first' },
        { source: 'first', target: 'second' },
        { source: 'second', target: 'out' },
      ],
    };
    // Straight to the workflow: the API answers only waits it finds recorded.
    const early = async (id: string, answer: string) =>
      (await runHandle(stack, id)).startUpdate(answerHumanUpdate, {
        args: [{ nodeId: 'second', answer, answeredBy: `h-ola-${tag}` }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
    const held = await startRun(stack, `h-ola-${tag}`, definition);
    await waitingOn(held, 'first');
    const accepted = await early(held, 'held');
    await expect((await early(held, 'other')).result()).rejects.toMatchObject({ cause: { type: 'HUMAN_ALREADY_ANSWERED' } });
    await answer(`h-ola-${tag}`, held, 'first', { answer: 'one' }).expect(200);
    expect(await accepted.result()).toMatchObject({ node_id: 'second', answered_by: `h-ola-${tag}` });
    expect(await waitForStatus(stack, held, 'terminal')).toMatchObject({ status: 'completed', outputData: 'held' });
    expect((await nodesById(stack, held)).second).toMatchObject({ status: 'completed', output: 'held' });
    await saveHistoryFixture(stack, held, 'human-held-answer');

    const stopped = await startRun(stack, `h-ola-${tag}`, definition);
    await waitingOn(stopped, 'first');
    const refused = await early(stopped, 'never');
    await control(stack, `h-ola-${tag}`, stopped, 'stop').expect(200);
    await expect(refused.result()).rejects.toMatchObject({ cause: { type: 'HUMAN_WAIT_CLOSED' } });
    expect((await waitForStatus(stack, stopped, 'terminal')).status).toBe('stopped');
  });

  it('withdraws the wait when the run is stopped or cancelled', async () => {
    const stopped = await startRun(stack, `h-lou-${tag}`, reviewFlow(), { amount: 10 });
    const cancelled = await startRun(stack, `h-lou-${tag}`, reviewFlow(), { amount: 11 });
    await waitForStatus(stack, stopped, 'waiting');
    await waitForStatus(stack, cancelled, 'waiting');
    await control(stack, `h-lou-${tag}`, stopped, 'stop').expect(200);
    await control(stack, `h-lou-${tag}`, cancelled, 'cancel').expect(200);
    expect((await waitForStatus(stack, stopped, 'terminal')).status).toBe('stopped');
    expect((await waitForStatus(stack, cancelled, 'terminal')).status).toBe('cancelled');
    expect((await nodesById(stack, stopped)).review).toMatchObject({ status: 'failed', error: { code: 'NODE_CANCELLED' } });
    const late = await answer(`h-lou-${tag}`, stopped, 'review', { answer: 'late' }).expect(409);
    expect(late.body.error.code).toBe('HUMAN_WAIT_CLOSED');
    const withdrawn = await request(stack.app)
      .get('/api/v1/waits?status=cancelled')
      .set('Authorization', as(`h-lou-${tag}`))
      .expect(200);
    expect(withdrawn.body.items.map((w: { execution_id: string }) => w.execution_id).sort()).toEqual([stopped, cancelled].sort());
    await saveHistoryFixture(stack, stopped, 'human-stop');
  });

  it('pages the inbox newest first with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await startRun(stack, `h-max-${tag}`, reviewFlow(), { amount: i }));
      await waitingOn(ids[i]!);
    }
    const first = await request(stack.app)
      .get('/api/v1/waits?status=open&size=2')
      .set('Authorization', as(`h-max-${tag}`))
      .expect(200);
    expect(first.body.items.map((w: { execution_id: string }) => w.execution_id)).toEqual([ids[2], ids[1]]);
    const second = await request(stack.app)
      .get(`/api/v1/waits?status=open&size=2&cursor=${first.body.next_cursor}`)
      .set('Authorization', as(`h-max-${tag}`))
      .expect(200);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(second.body.items.map((w: { execution_id: string }) => w.execution_id)).toEqual([ids[0]]);
    await request(stack.app)
      .get(`/api/v1/waits?cursor=${first.body.next_cursor}`)
      .set('Authorization', as(`h-max-${tag}`))
      .expect(400);
    for (const id of ids) await control(stack, `h-max-${tag}`, id, 'cancel').expect(200);
  });

  it('answers a test-session turn that reaches a human node with the prompt at once; the run completes once answered through the API', async () => {
    const user = `h-nia-${tag}`;
    const definition = {
      nodes: [
        input,
        { id: 'agent', type: 'human', config: { prompt: 'A customer says: {{ input.message }}' } },
        { id: 'out', type: 'output', config: { expression: '{"reply": nodes.agent}' } },
      ],
      edges: [
        { source: 'in', target: 'agent' },
        { source: 'agent', target: 'out' },
      ],
    };
    const workflow = await request(stack.app)
      .post('/api/v1/workflows')
      .set('Authorization', as(user))
      .send({ name: 'handover', definition })
      .expect(201);
    const session = await request(stack.app)
      .post('/api/v1/workflow-test/sessions')
      .set('Authorization', as(user))
      .send({ workflowId: workflow.body.id })
      .expect(200);
    const sessionUrl = `/api/v1/workflow-test/sessions/${session.body.testSessionId}`;
    const turn = await request(stack.app)
      .post(`${sessionUrl}/messages`)
      .set('Authorization', as(user))
      .send({ message: 'I want a refund' })
      .expect(200);
    const reply = turn.body.messages[1];
    expect(reply).toMatchObject({
      role: 'assistant',
      content: 'A customer says: I want a refund',
      meta: { success: true, needHumanTransfer: true },
    });
    const executionId = reply.meta.executionId as string;
    expect(reply.meta.nodeDetails.map((n: { nodeId: string }) => n.nodeId)).toEqual(['in', 'agent']);
    await waitForStatus(stack, executionId, 'waiting');
    await answer(user, executionId, 'agent', { answer: 'Refund approved' }).expect(200);
    expect(await waitForStatus(stack, executionId, 'terminal')).toMatchObject({
      status: 'completed',
      outputData: { reply: 'Refund approved' },
    });
    const next = await request(stack.app)
      .post(`${sessionUrl}/messages`)
      .set('Authorization', as(user))
      .send({ message: 'Thanks' })
      .expect(200);
    expect(next.body.messages[3]).toMatchObject({ content: 'A customer says: Thanks', meta: { needHumanTransfer: true } });
    await request(stack.app).delete(sessionUrl).set('Authorization', as(user)).expect(204);
    await saveHistoryFixture(stack, executionId, 'human-test-session-run');
    await saveHistoryFixture(stack, `test-session:${user}:${session.body.testSessionId}`, 'human-test-session');
  });

  it('counts open waits in a Prometheus gauge', async () => {
    const id = await startRun(stack, `h-oz-${tag}`, reviewFlow(), { amount: 12 });
    await waitForStatus(stack, id, 'waiting');
    const token = 'metrics-token-for-human-waits';
    const app = createApp({ ...stack.deps, settings: { ...stack.deps.settings, metrics: { token } } });
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.text).toContain('# TYPE trellis_human_waits_open gauge');
    expect(res.text).toMatch(/^trellis_human_waits_open [1-9]\d*$/m);
    expect(res.text).toMatch(/^trellis_live_executions\{status="waiting"\} [1-9]\d*$/m);
    await control(stack, `h-oz-${tag}`, id, 'cancel').expect(200);
  });
});
