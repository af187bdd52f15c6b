import { randomUUID } from 'node:crypto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Express } from 'express';
import request from 'supertest';
import { listExecutions, openDatabase, type DatabaseHandle } from '@trellis/db';
import { createApp } from '../apps/api/src/app';
import type { TestSessionSettings } from '../apps/api/src/services/test-sessions-settings';
import { testSessionWorkflowId } from '../apps/api/src/services/test-sessions';
import type { TestMessageDto, WorkflowTestSessionDto } from '../apps/api/src/services/test-sessions-dto';
import { saveHistoryFixture, writeHistoryFixture } from './engine-helpers';
import { startTestStack, waitFor, type TestStack } from './stack';

/** Three ways through: refund (hands over to a human), greeting, or an LLM chat that sees the history. */
const chatGraph = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'route', type: 'condition', config: { expression: '$contains($lowercase(input.message), "refund")' } },
    {
      id: 'refund',
      type: 'transform',
      config: { expression: '{"reply": "Refund for " & variables.customerName, "needHumanTransfer": true}' },
    },
    { id: 'small', type: 'condition', config: { expression: '$contains($lowercase(input.message), "hello")' } },
    { id: 'greet', type: 'transform', config: { expression: '{"reply": "Hello, " & variables.customerName & "!"}' } },
    {
      id: 'chat',
      type: 'llm',
      config: {
        messages: 'messages',
        prompt: '{{ $count(messages) }} earlier; last: {{ messages[-1].content }}; now: {{ input.message }}',
      },
    },
    {
      id: 'answer',
      type: 'transform',
      config: { expression: '$contains(input.message, "explode") ? $error("boom") : {"reply": nodes.chat.text}' },
    },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'route' },
    { source: 'route', target: 'refund', branch: 'true' },
    { source: 'route', target: 'small', branch: 'false' },
    { source: 'small', target: 'greet', branch: 'true' },
    { source: 'small', target: 'chat', branch: 'false' },
    { source: 'chat', target: 'answer' },
    { source: 'refund', target: 'out' },
    { source: 'greet', target: 'out' },
    { source: 'answer', target: 'out' },
  ],
};

// The API's own DTO types: the test reads responses in exactly the documented shape.
type Message = TestMessageDto;
type Session = WorkflowTestSessionDto;

const SESSIONS = '/api/v1/workflow-test/sessions';
const RUN = randomUUID().slice(0, 8);

describe('workflow test sessions (the chat-style test API) on Temporal and Postgres', () => {
  let database: DatabaseHandle;
  let stack: TestStack;
  let app: Express;
  const opened: string[] = []; // Temporal workflow ids, terminated after the file if still open

  /** The stack's API with its own test-session settings (same Temporal client and database). */
  const appWith = (on: TestStack, settings: Partial<TestSessionSettings>) =>
    createApp({ ...on.deps, settings: { ...on.deps.settings, testSessions: settings } });
  /** User names are unique per run, so a reused database or Temporal server holds nothing of theirs. */
  const who = (name: string) => `${name}-${RUN}`;
  const auth = (user: string) => `Bearer ${stack.tokenFor(who(user))}`;

  const saveWorkflow = async (user: string, name = 'support chat', definition: unknown = chatGraph) => {
    const res = await request(app).post('/api/v1/workflows').set('Authorization', auth(user)).send({ name, definition });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const createSession = async (on: Express, user: string, body: Record<string, unknown>): Promise<Session> => {
    const res = await request(on).post(SESSIONS).set('Authorization', auth(user)).send(body);
    expect(res.status).toBe(200);
    opened.push(testSessionWorkflowId(who(user), res.body.testSessionId));
    return res.body as Session;
  };
  const send = async (on: Express, user: string, id: string, message: string): Promise<Session> => {
    const res = await request(on).post(`${SESSIONS}/${id}/messages`).set('Authorization', auth(user)).send({ message });
    if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Session;
  };
  const lastReply = (session: Session) => session.messages.at(-1)!;
  const nodeIds = (message: Message) => message.meta!.nodeDetails.map((n) => n.nodeId);
  const expectUnknownSession = (res: request.Response, id: string) => {
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: 400,
      error: 'Bad Request',
      message: `test session not found or expired: ${id}`,
      code: 'TEST_SESSION_NOT_FOUND',
    });
  };

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    await database.migrate();
    stack = await startTestStack({ database, wireLlm: true });
    // Three updates per run, so the conversations below also cross continue-as-new.
    app = appWith(stack, { idleTimeoutMs: 120_000, updatesPerRun: 3 });
  });
  afterAll(async () => {
    await Promise.all(
      opened.map((id) =>
        stack.deps.temporal.workflow
          .getHandle(id)
          .terminate('test file done')
          .catch(() => undefined),
      ),
    );
    await stack?.close();
    await database?.close();
  });

  it('runs three messages down three branches, each reply carrying the nodes of its own run', async () => {
    const workflowId = await saveWorkflow('alice');
    const created = await createSession(app, 'alice', { workflowId, variables: { customerName: 'Ada' } });
    expect(created).toMatchObject({ workflowId, workflowName: 'support chat', messages: [], variables: { customerName: 'Ada' } });
    expect(created.testSessionId).toMatch(/^test_[0-9a-f]{16}$/);
    expect(created.lastActiveAt).toBe(created.createdAt);

    const first = await send(app, 'alice', created.testSessionId, 'Hello there');
    expect(first.messages).toHaveLength(2);
    expect(first.messages[0]).toMatchObject({ role: 'user', content: 'Hello there', meta: null });
    const greeting = lastReply(first);
    expect(greeting).toMatchObject({ role: 'assistant', content: 'Hello, Ada!' });
    expect(greeting.meta).toMatchObject({ success: true, errorMessage: null, needHumanTransfer: false });
    expect(nodeIds(greeting)).toEqual(['in', 'route', 'small', 'greet', 'out']);
    const [input, route, , greet] = greeting.meta!.nodeDetails;
    expect(input).toMatchObject({ nodeType: 'input', input: '{"message":"Hello there"}', success: true });
    expect(route).toMatchObject({ nodeType: 'condition', success: true });
    expect(JSON.parse(greet!.output!)).toEqual({ reply: 'Hello, Ada!' });
    for (const node of greeting.meta!.nodeDetails) expect(node.durationMs).toBeGreaterThanOrEqual(0);
    expect(greeting.meta!.durationMs).toBeGreaterThanOrEqual(Math.max(...greeting.meta!.nodeDetails.map((n) => n.durationMs)));

    const second = await send(app, 'alice', created.testSessionId, 'I want a refund');
    const refund = lastReply(second);
    expect(refund).toMatchObject({ content: 'Refund for Ada', meta: { success: true, needHumanTransfer: true } });
    expect(nodeIds(refund)).toEqual(['in', 'route', 'refund', 'out']);

    const third = await send(app, 'alice', created.testSessionId, 'What is the weather?');
    const chat = lastReply(third);
    // The LLM node saw the four earlier messages through `messages`.
    expect(chat.content).toBe('[echo] 4 earlier; last: Refund for Ada; now: What is the weather?');
    expect(nodeIds(chat)).toEqual(['in', 'route', 'small', 'chat', 'answer', 'out']);
    expect(chat.meta!.nodeDetails.find((n) => n.nodeId === 'chat')).toMatchObject({ nodeType: 'llm', success: true });
    expect(third.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(new Set(third.messages.map((m) => m.id)).size).toBe(6);

    // A read (after continue-as-new) shows the same conversation and details.
    const read = await request(app).get(`${SESSIONS}/${created.testSessionId}`).set('Authorization', auth('alice')).expect(200);
    expect(read.body).toEqual(third);
    // Three updates per run: the session continued as new after the third message.
    const runsQuery = `WorkflowId = '${testSessionWorkflowId(who('alice'), created.testSessionId)}'`;
    await waitFor(
      () => stack.deps.temporal.workflow.count(runsQuery),
      ({ count }) => count === 2,
      10_000,
    );
    if (process.env.UPDATE_HISTORY_FIXTURES === '1') {
      for await (const run of stack.deps.temporal.workflow.list({ query: `${runsQuery} AND ExecutionStatus = 'ContinuedAsNew'` })) {
        const history = await stack.deps.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
        writeHistoryFixture('test-session-turns', historyToJSON(history));
      }
    }

    // Test runs stay out of the execution list unless asked for.
    const runIds = third.messages.flatMap((m) => (m.meta ? [m.meta.executionId] : []));
    const normal = await request(app).get('/api/v1/executions?size=100').set('Authorization', auth('alice')).expect(200);
    const listed = (body: { items: Array<{ id: string; is_test: boolean }> }) => body.items.filter((e) => runIds.includes(e.id));
    expect(listed(normal.body)).toEqual([]);
    const withTests = await request(app)
      .get('/api/v1/executions?size=100&include_test=true')
      .set('Authorization', auth('alice'))
      .expect(200);
    expect(listed(withTests.body)).toHaveLength(3);
    expect(listed(withTests.body).every((e) => e.is_test)).toBe(true);
    // ...and out of the per-workflow history (seeds 000/001) the same way.
    const history = await request(app).get(`/api/v1/workflows/${workflowId}/history`).set('Authorization', auth('alice')).expect(200);
    expect(history.body.total).toBe(0);
    const historyWithTests = await request(app)
      .get(`/api/v1/workflows/${workflowId}/history?include_test=true`)
      .set('Authorization', auth('alice'))
      .expect(200);
    expect(historyWithTests.body.total).toBe(3);
  });

  it('feeds the variables into the run, and clear empties messages and variables but keeps the session', async () => {
    const workflowId = await saveWorkflow('bea');
    const { testSessionId: id } = await createSession(app, 'bea', { workflowId, variables: { customerName: 'Ada' } });

    const put = await request(app)
      .put(`${SESSIONS}/${id}/variables`)
      .set('Authorization', auth('bea'))
      .send({ customerName: 'Bob', tier: 2 });
    expect(put.status).toBe(200);
    expect(put.body.variables).toEqual({ customerName: 'Bob', tier: 2 });
    expect(lastReply(await send(app, 'bea', id, 'hello')).content).toBe('Hello, Bob!');

    const cleared = await request(app).post(`${SESSIONS}/${id}/clear`).set('Authorization', auth('bea')).expect(200);
    expect(cleared.body).toMatchObject({ testSessionId: id, messages: [], variables: {} });
    const after = await send(app, 'bea', id, 'hello');
    expect(after.messages).toHaveLength(2);
    expect(lastReply(after).content).toBe('Hello, !');
  });

  it('reports a failed run as success false with its error and the nodes that ran', async () => {
    const workflowId = await saveWorkflow('cleo');
    const { testSessionId: id } = await createSession(app, 'cleo', { workflowId });
    const failed = lastReply(await send(app, 'cleo', id, 'please explode'));
    expect(failed.content).toBe('');
    expect(failed.meta).toMatchObject({ success: false, needHumanTransfer: false });
    expect(failed.meta!.errorMessage).toMatch(/^node answer failed: .*boom/);
    expect(nodeIds(failed)).toEqual(['in', 'route', 'small', 'chat', 'answer']);
    expect(failed.meta!.nodeDetails.at(-1)).toMatchObject({
      nodeId: 'answer',
      success: false,
      output: null,
      error: expect.stringMatching(/boom/),
    });
    expect(failed.meta!.nodeDetails.slice(0, -1).every((n) => n.success)).toBe(true);

    // The session carries on after a failed turn.
    expect(lastReply(await send(app, 'cleo', id, 'hello')).meta!.success).toBe(true);
  });

  it('answers 204 on delete, then 400 on every route, exactly as for an unknown id', async () => {
    const workflowId = await saveWorkflow('dora');
    const { testSessionId: id } = await createSession(app, 'dora', { workflowId });
    await send(app, 'dora', id, 'hello');
    const deleted = await request(app).delete(`${SESSIONS}/${id}`).set('Authorization', auth('dora'));
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');

    const as = auth('dora');
    expectUnknownSession(await request(app).get(`${SESSIONS}/${id}`).set('Authorization', as), id);
    expectUnknownSession(await request(app).post(`${SESSIONS}/${id}/messages`).set('Authorization', as).send({ message: 'hi' }), id);
    expectUnknownSession(await request(app).post(`${SESSIONS}/${id}/clear`).set('Authorization', as), id);
    expectUnknownSession(await request(app).put(`${SESSIONS}/${id}/variables`).set('Authorization', as).send({ a: 1 }), id);
    expectUnknownSession(await request(app).delete(`${SESSIONS}/${id}`).set('Authorization', as), id);
    expectUnknownSession(await request(app).get(`${SESSIONS}/test_0123456789abcdef`).set('Authorization', as), 'test_0123456789abcdef');
    expectUnknownSession(await request(app).get(`${SESSIONS}/not-a-session`).set('Authorization', as), 'not-a-session');
  });

  it("treats another user's session id exactly like an unknown one, and another user's workflow as unknown", async () => {
    const workflowId = await saveWorkflow('erin');
    const { testSessionId: id } = await createSession(app, 'erin', { workflowId });
    const as = auth('mallory');
    expectUnknownSession(await request(app).get(`${SESSIONS}/${id}`).set('Authorization', as), id);
    expectUnknownSession(await request(app).post(`${SESSIONS}/${id}/messages`).set('Authorization', as).send({ message: 'hi' }), id);
    expectUnknownSession(await request(app).post(`${SESSIONS}/${id}/clear`).set('Authorization', as), id);
    expectUnknownSession(await request(app).put(`${SESSIONS}/${id}/variables`).set('Authorization', as).send({}), id);
    expectUnknownSession(await request(app).delete(`${SESSIONS}/${id}`).set('Authorization', as), id);
    await request(app).get(`${SESSIONS}/${id}`).set('Authorization', auth('erin')).expect(200);

    for (const [user, wf] of [
      ['mallory', workflowId],
      ['erin', 'no-such-workflow'],
    ]) {
      const res = await request(app).post(SESSIONS).set('Authorization', auth(user!)).send({ workflowId: wf });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 400, error: 'Bad Request', message: `workflow not found: ${wf}`, code: 'WORKFLOW_NOT_FOUND' });
    }
    await request(app).get(SESSIONS).expect(401);
  });

  it("lists the caller's own open sessions only", async () => {
    const workflowId = await saveWorkflow('fay');
    const mine = [await createSession(app, 'fay', { workflowId }), await createSession(app, 'fay', { workflowId })];
    await createSession(app, 'gus', { workflowId: await saveWorkflow('gus') });
    await send(app, 'fay', mine[0]!.testSessionId, 'hello');
    const listed = await waitFor(
      async () => (await request(app).get(SESSIONS).set('Authorization', auth('fay'))).body as Session[],
      (sessions) => sessions.length === 2,
      10_000,
    );
    expect(listed.map((s) => s.testSessionId).sort()).toEqual(mine.map((s) => s.testSessionId).sort());
    expect(listed.find((s) => s.testSessionId === mine[0]!.testSessionId)!.messages[1]!.meta!.nodeDetails).toHaveLength(5);
  });

  it('expires a session left idle for its TTL; each message resets the timer', async () => {
    const shortLived = appWith(stack, { idleTimeoutMs: 3_000 });
    const workflowId = await saveWorkflow('hal');
    const { testSessionId: id } = await createSession(shortLived, 'hal', { workflowId });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await send(shortLived, 'hal', id, 'hello');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // 4 s after creation but 2 s after the last message: still open.
    await request(shortLived).get(`${SESSIONS}/${id}`).set('Authorization', auth('hal')).expect(200);

    const expired = await waitFor(
      () => request(shortLived).get(`${SESSIONS}/${id}`).set('Authorization', auth('hal')),
      (res) => res.status !== 200,
      15_000,
    );
    expectUnknownSession(expired, id);
    expectUnknownSession(
      await request(shortLived).post(`${SESSIONS}/${id}/messages`).set('Authorization', auth('hal')).send({ message: 'hi' }),
      id,
    );
    const ended = await stack.deps.temporal.workflow.getHandle(testSessionWorkflowId(who('hal'), id)).result();
    expect(ended).toEqual({ endedBy: 'idle_timeout', messages: 2 });
    await saveHistoryFixture(stack, testSessionWorkflowId(who('hal'), id), 'test-session-expiry');
  });

  it('caps sessions per user, messages per session and message length, with clear 400s', async () => {
    const capped = appWith(stack, { maxSessionsPerUser: 2, maxMessages: 4, maxMessageLength: 20 });
    const workflowId = await saveWorkflow('ivy');
    const { testSessionId: id } = await createSession(capped, 'ivy', { workflowId });
    await createSession(capped, 'ivy', { workflowId });
    const third = await waitFor(
      () => request(capped).post(SESSIONS).set('Authorization', auth('ivy')).send({ workflowId }),
      (res) => res.status !== 200,
      10_000,
    );
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject({ status: 400, error: 'Bad Request', code: 'TEST_SESSION_LIMIT' });
    expect(third.body.message).toMatch(/limit is 2/);

    const post = (body: unknown) =>
      request(capped)
        .post(`${SESSIONS}/${id}/messages`)
        .set('Authorization', auth('ivy'))
        .send(body as object);
    const tooLong = await post({ message: 'x'.repeat(21) });
    expect(tooLong.body).toMatchObject({
      status: 400,
      code: 'TEST_MESSAGE_INVALID',
      message: 'message has 21 characters; the limit is 20',
    });
    expect((await post({ message: '   ' })).body).toMatchObject({ status: 400, code: 'TEST_MESSAGE_INVALID' });
    expect((await post({})).body).toMatchObject({ status: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });

    await send(capped, 'ivy', id, 'hello');
    await send(capped, 'ivy', id, 'hello again');
    const full = await post({ message: 'one more' });
    expect(full.body).toMatchObject({ status: 400, code: 'TEST_SESSION_FULL' });
    expect(full.body.message).toMatch(/4 of 4 messages/);
    await request(capped).post(`${SESSIONS}/${id}/clear`).set('Authorization', auth('ivy')).expect(200);
    expect((await send(capped, 'ivy', id, 'hello')).messages).toHaveLength(2);

    const bigVariables = await request(capped)
      .put(`${SESSIONS}/${id}/variables`)
      .set('Authorization', auth('ivy'))
      .send({ blob: 'x'.repeat(70_000) });
    expect(bigVariables.body).toMatchObject({ status: 400, code: 'TEST_VARIABLES_TOO_LARGE' });
    const notObject = await request(capped).put(`${SESSIONS}/${id}/variables`).set('Authorization', auth('ivy')).send([1, 2]);
    expect(notObject.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('runs messages sent at the same time one after the other', async () => {
    const workflowId = await saveWorkflow('lea');
    const { testSessionId: id } = await createSession(app, 'lea', { workflowId });
    const replies = await Promise.all([send(app, 'lea', id, 'first?'), send(app, 'lea', id, 'second?')]);
    const final = replies.find((r) => r.messages.length === 4)!;
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(final.messages[3]!.content).toBe(`[echo] 2 earlier; last: ${final.messages[1]!.content}; now: ${final.messages[2]!.content}`);
  });

  it('cancels the run in flight when the session is deleted mid-turn', async () => {
    const slowGraph = {
      nodes: [
        { id: 'in', type: 'input', config: {} },
        { id: 'think', type: 'llm', config: { provider: 'wire', model: 'hang', prompt: '{{ input.message }}' } },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'in', target: 'think' },
        { source: 'think', target: 'out' },
      ],
    };
    const workflowId = await saveWorkflow('kim', 'slow', slowGraph);
    const { testSessionId: id } = await createSession(app, 'kim', { workflowId });
    const pending = request(app)
      .post(`${SESSIONS}/${id}/messages`)
      .set('Authorization', auth('kim'))
      .send({ message: 'take your time' })
      .then((res) => res);
    await waitFor(
      async () => stack.wire!.requests.filter((r) => r.model === 'hang').length,
      (n) => n > 0,
      10_000,
    );

    await request(app).delete(`${SESSIONS}/${id}`).set('Authorization', auth('kim')).expect(204);
    expectUnknownSession(await pending, id);
    const runs = await waitFor(
      () => listExecutions(database.db, { ownerId: who('kim'), includeTest: true }, { offset: 0, limit: 10 }),
      ({ items }) => items[0]?.status === 'cancelled',
      15_000,
    );
    expect(runs.items).toHaveLength(1);
    expect(runs.items[0]!.isTest).toBe(true);
    expect(await stack.deps.temporal.workflow.getHandle(testSessionWorkflowId(who('kim'), id)).result()).toEqual({
      endedBy: 'deleted',
      messages: 1,
    });
  });

  it('keeps the session and its messages across a restart of the API and the worker', async () => {
    const before = await startTestStack({ database });
    const workflowId = await saveWorkflow('jo');
    const { testSessionId: id } = await createSession(before.app, 'jo', { workflowId, variables: { customerName: 'Jo' } });
    const first = await send(before.app, 'jo', id, 'hello');
    await before.close(); // the API's Temporal connection and the worker are gone

    const after = await startTestStack({ database, taskQueue: before.taskQueue }); // new app, new connection, new worker
    try {
      const read = await request(after.app).get(`${SESSIONS}/${id}`).set('Authorization', auth('jo')).expect(200);
      expect(read.body).toEqual(first);
      const next = await send(after.app, 'jo', id, 'and now?');
      expect(next.messages).toHaveLength(4);
      expect(lastReply(next).content).toBe('[echo] 2 earlier; last: Hello, Jo!; now: and now?');
      await request(after.app).delete(`${SESSIONS}/${id}`).set('Authorization', auth('jo')).expect(204);
    } finally {
      await after.close();
    }
  });
});
