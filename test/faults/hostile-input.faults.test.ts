import { ne, isNotNull } from 'drizzle-orm';
import { executionEvents, executions, listExecutions, listNodeExecutions, nodeExecutions } from '@trellis/db';
import { EventHub } from '../../apps/api/src/events/event-hub';
import { startApiServer, type RunningApi } from '../../apps/api/src/server';
import { testSessionWorkflowId } from '../../apps/api/src/services/test-sessions';
import { MAX_PAUSES_PER_RUN } from '@trellis/workflows';
import { llm, runHandle, waitForStatus } from '../engine-helpers';
import { startTestStack, type TestStack } from '../stack';
import { call, upgradeStatus, type Reply } from './http';
import { ms, recordOutcome } from './record';

const ANN = 'hx-ann';
const BOB = 'hx-bob';
/** In Ann's input; nothing Bob gets may contain it. */
const SECRET = 'ann-secret-4c1e';

/** What an error shown to a user must never contain: SQL and its parameters, stack frames, file paths. */
const LEAK =
  /Failed query|\bparams:|\binsert into "|\bselect\b[^"]{0,200}\bfrom "|\bupdate "|\bdelete from "|(?:\\n|\n)\s+at |\bat [\w.<>]+ \(|[\\/][\w.-]+[\\/][\w./\\-]+\.(?:[cm]?[jt]s)\b|node_modules/i;

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });
const edge = (source: string, target: string, branch?: string) => ({ source, target, ...(branch ? { branch } : {}) });
const transform = (expression: string) => ({
  nodes: [
    node('in', 'input'),
    node('t', 'transform', { expression: 'input' }),
    node('make', 'transform', { expression }),
    node('out', 'output'),
  ],
  edges: [edge('in', 't'), edge('t', 'make'), edge('make', 'out')],
});
const doubling = transform('{"n": input.n * 2, "note": input.note}');

describe('hostile ids and data: refused cleanly, never another user’s run, never a leak', () => {
  let stack: TestStack;
  let api: RunningApi;
  const workflows: Record<string, string> = {};
  const token = (user: string) => stack.tokenFor(user);
  /** Every reply of this file with a 4xx/5xx status, for the leak check at the end. */
  const errorReplies: Reply[] = [];
  const send = async (
    user: string,
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const reply = await call(api.url, method, path, { token: token(user), ...options });
    if (reply.status >= 400) errorReplies.push(reply);
    return reply;
  };

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    api = await startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port: 0, host: '127.0.0.1' });
    for (const user of [ANN, BOB]) {
      const saved = await send(user, 'post', '/api/v1/workflows', { json: { name: 'hx', definition: doubling } });
      expect(saved.status).toBe(201);
      workflows[user] = saved.body.id as string;
    }
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  const startAs = (user: string, extra: Record<string, unknown>, headers?: Record<string, string>) =>
    send(user, 'post', '/api/v1/executions', {
      json: { workflow_id: workflows[user], input_data: user === ANN ? { n: 1, note: SECRET } : { n: 5, note: 'bob' }, ...extra },
      headers,
    });

  it("[M40] execution_id and Idempotency-Key claims on another user's runs get 409 or a run of one's own, never their data", async () => {
    const unique = (what: string) => `hx-${what}-${Date.now()}`;
    // Ann's runs: one finished, one deleted (Temporal keeps its workflow), one with an idempotency key, a test session.
    const finished = unique('finished');
    const deleted = unique('deleted');
    const key = unique('key');
    expect((await startAs(ANN, { execution_id: finished })).status).toBe(202);
    expect((await startAs(ANN, { execution_id: deleted })).status).toBe(202);
    const keyed = await startAs(ANN, {}, { 'Idempotency-Key': key });
    for (const id of [finished, deleted, keyed.body.id as string]) await waitForStatus(stack, id, 'completed');
    expect((await send(ANN, 'delete', `/api/v1/workflows/${workflows[ANN]}/history/${deleted}`)).status).toBe(200);
    const session = await send(ANN, 'post', '/api/v1/workflow-test/sessions', { json: { workflowId: workflows[ANN] } });
    const sessionWorkflow = testSessionWorkflowId(ANN, session.body.testSessionId as string);

    const claims: Array<[string, Reply]> = [
      ['finished run', await startAs(BOB, { execution_id: finished })],
      ['deleted run', await startAs(BOB, { execution_id: deleted })],
      ['test-session workflow', await startAs(BOB, { execution_id: sessionWorkflow })],
      ['Idempotency-Key', await startAs(BOB, {}, { 'Idempotency-Key': key })],
    ];
    const outcomes: string[] = [];
    const leaks: string[] = [];
    for (const [what, reply] of claims) {
      if (reply.status === 409) {
        outcomes.push(`${what}: 409 ${reply.body.error?.code}`);
        continue;
      }
      const id = reply.body.id as string;
      const row = await waitForStatus(stack, id, 'terminal');
      const reads = await Promise.all(['', '/nodes', '/logs', '/history'].map((p) => send(BOB, 'get', `/api/v1/executions/${id}${p}`)));
      const seen = JSON.stringify([reply.body, ...reads.map((r) => r.body)]);
      if (seen.includes(SECRET) || row.ownerId !== BOB || seen.includes('testSessionWorkflow')) leaks.push(what);
      outcomes.push(`${what}: ${reply.status}, own run ${row.status} with output ${JSON.stringify(row.outputData)}`);
    }
    const described = await stack.deps.temporal.workflow.getHandle(sessionWorkflow).describe();
    recordOutcome(
      "409 EXECUTION_ID_TAKEN, or a new run of the caller's own; nothing of the other user's",
      `${outcomes.join('; ')}; Ann's data seen in ${leaks.length} of ${claims.length}; Ann's session still ${described.status.name}`,
    );
    expect(leaks).toEqual([]);
    expect(claims[0]![1].status).toBe(409);
    for (const [, reply] of claims.slice(1)) expect(reply.status).toBe(202);
    expect(described.status.name).toBe('RUNNING');
    await send(ANN, 'delete', `/api/v1/workflow-test/sessions/${session.body.testSessionId}`);
  });

  it('[M41] NUL or an unpaired surrogate anywhere in a request is refused with 422 INVALID_CHARACTER', async () => {
    const before = (await listExecutions(stack.database.db, { ownerId: ANN, includeTest: true }, { offset: 0, limit: 1 })).total;
    const definitionWith = (id: string) => ({
      ...doubling,
      nodes: [...doubling.nodes.slice(0, 3), node(id, 'output')],
      edges: [...doubling.edges.slice(0, 2), edge('make', id)],
    });
    const replies = [
      await startAs(ANN, { input_data: { note: 'a\u0000b' } }),
      await startAs(ANN, { input_data: { ['k\u0000']: 1 } }),
      await send(ANN, 'post', '/api/v1/executions', { raw: `{"workflow_id": "${workflows[ANN]}", "input_data": {"note": "\\ud800"}}` }),
      await startAs(ANN, { variables: { v: '\u0000' } }),
      await send(ANN, 'post', '/api/v1/workflows', { json: { name: 'n\u0000', definition: doubling } }),
      await send(ANN, 'post', '/api/v1/workflows', { json: { name: 'ok', definition: definitionWith('o\u0000ut') } }),
      await send(ANN, 'post', '/api/v1/execute', { json: { workflow_id: 'x', definition: doubling, input_data: '\udfff' } }),
      await send(ANN, 'get', '/api/v1/executions?workflow_id=%00'),
      await send(ANN, 'get', '/api/v1/executions/abc%00def'),
      await send(ANN, 'post', '/api/v1/workflow-test/sessions/test_abc/messages', { json: { message: 'hi\u0000' } }),
    ];
    const upgrade = await upgradeStatus(`${api.url.replace(/^http/, 'ws')}/ws/abc%00def`, token(ANN));
    const after = (await listExecutions(stack.database.db, { ownerId: ANN, includeTest: true }, { offset: 0, limit: 1 })).total;
    const health = await call(api.url, 'get', '/healthz');
    const answers = [...new Set(replies.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim()))];
    recordOutcome(
      '422 INVALID_CHARACTER (path, query, body, keys and values); nothing stored; server up',
      `${replies.length} requests: ${answers.join(', ')} (slowest ${ms(Math.max(...replies.map((r) => r.ms)))}); WebSocket upgrade ${upgrade}; ${after - before} runs started; /healthz ${health.status}`,
    );
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([422, 'INVALID_CHARACTER']);
    expect(upgrade).toBeGreaterThanOrEqual(400);
    expect(upgrade).toBeLessThan(500);
    expect(after).toBe(before);
    expect(health.status).toBe(200);
  });

  it('[M42] an expression that makes a NUL or an unpaired surrogate fails its node once with OUTPUT_INVALID, not retried', async () => {
    const outcomes: string[] = [];
    for (const expression of ['"a\\u0000b"', '{"x": ["ok", "\\ud800"]}']) {
      const saved = await send(ANN, 'post', '/api/v1/workflows', { json: { name: 'nul', definition: transform(expression) } });
      expect(saved.status).toBe(201);
      const started = Date.now();
      const run = await send(ANN, 'post', '/api/v1/executions', { json: { workflow_id: saved.body.id, input_data: { n: 1 } } });
      const row = await waitForStatus(stack, run.body.id as string, 'terminal', 60_000);
      const nodes = await listNodeExecutions(stack.database.db, row.id);
      const made = nodes.find((n) => n.nodeId === 'make');
      const detail = await send(ANN, 'get', `/api/v1/executions/${row.id}`);
      outcomes.push(
        `run ${row.status} in ${ms(Date.now() - started)}, node ${made?.status} after ${made?.attempt} attempt(s) with ${made?.error?.code}: "${made?.error?.message}"; run error ${JSON.stringify(detail.body.error)}`,
      );
      expect(row.status).toBe('failed');
      expect(made).toMatchObject({ status: 'failed', attempt: 1, error: { code: 'OUTPUT_INVALID' } });
      expect(row.error).toMatchObject({ code: 'OUTPUT_INVALID', node_id: 'make' });
      expect(Date.now() - started).toBeLessThan(30_000);
    }
    recordOutcome('the node fails with OUTPUT_INVALID after one attempt; the run fails at once with a clean message', outcomes.join('; '));
  });

  it('[M43] a definition with a dozen different problems gets every one in one 422, each with code, path and node id', async () => {
    const definition = {
      nodes: [
        node('in', 'input'),
        node('dup', 'transform', { expression: '1' }),
        node('dup', 'warp'),
        node('bad', 'transform', { expression: 'input.(' }),
        node('island', 'transform', { expression: '2' }),
        node('c', 'condition', { expression: 'true' }),
        node('ask', 'llm', { prompt: 'hi {{ input.' }),
        node('x', 'transform'),
        node('y', 'transform', { expression: '3' }),
      ],
      edges: [
        edge('in', 'dup'),
        edge('dup', 'bad', 'true'),
        edge('bad', 'ghost'),
        edge('in', 'c'),
        edge('c', 'ask'),
        edge('ask', 'in'),
        edge('x', 'y'),
        edge('y', 'x'),
      ],
    };
    const replies = [
      await send(ANN, 'post', '/api/v1/workflows', { json: { name: 'dozen', definition } }),
      await send(ANN, 'post', '/api/v1/execute', { json: { workflow_id: 'dozen', definition } }),
    ];
    const expected = [
      'UNKNOWN_NODE_TYPE',
      'DUPLICATE_NODE_ID',
      'DANGLING_EDGE',
      'BRANCH_NOT_ALLOWED',
      'BRANCH_MISSING',
      'INPUT_HAS_INCOMING',
      'CYCLE',
      'NO_OUTPUT_NODE',
      'UNREACHABLE_NODE',
      'EXPRESSION_SYNTAX',
      'TEMPLATE_SYNTAX',
      'INVALID_CONFIG',
    ];
    type Problem = { code: string; path: string | unknown[]; node_id?: string };
    const problems = replies.map((r) => (r.body.error?.details ?? []) as Problem[]);
    const codes = new Set(problems[0]!.map((p) => p.code));
    recordOutcome(
      `one 422 VALIDATION_FAILED listing all ${expected.length} kinds of problem`,
      `save ${replies[0]!.status}, inline run ${replies[1]!.status}; ${problems[0]!.length} problems of ${codes.size} kinds: ${[...codes].join(', ')}`,
    );
    for (const [i, reply] of replies.entries()) {
      expect([reply.status, reply.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
      expect(new Set(problems[i]!.map((p) => p.code))).toEqual(new Set(expected));
      for (const problem of problems[i]!) expect(problem.path).toBeDefined();
    }
    expect(problems[0]!.filter((p) => p.code === 'DUPLICATE_NODE_ID' || p.code === 'UNKNOWN_NODE_TYPE').map((p) => p.node_id)).toEqual([
      'dup',
      'dup',
    ]);
  });

  it('[M46] a path with a malformed %-escape is 400 MALFORMED_PATH on every route with a path parameter, never 500', async () => {
    const routes = [
      'get /workflows/{}',
      'put /workflows/{}',
      'delete /workflows/{}',
      'get /workflows/{}/history',
      'delete /workflows/{}/history',
      'get /workflows/{}/history/{}',
      'delete /workflows/{}/history/{}',
      'get /executions/{}',
      'put /executions/{}',
      'get /executions/{}/status',
      'get /executions/{}/nodes',
      'get /executions/{}/logs',
      'get /executions/{}/history',
      'post /executions/{}/pause',
      'post /executions/{}/resume',
      'post /executions/{}/stop',
      'post /executions/{}/cancel',
      'get /execute/{}/status',
      'post /execute/{}/pause',
      'get /workflow-test/sessions/{}',
      'post /workflow-test/sessions/{}/messages',
    ];
    const replies: Array<[string, Reply]> = [];
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      const path = `/api/v1${template.replace(/\{\}/g, '%E0%A4%A')}`;
      replies.push([route, await send(ANN, method, path, method === 'get' || method === 'delete' ? {} : { json: {} })]);
    }
    const wrong = replies
      .filter(([, r]) => r.status !== 400 || r.body.error?.code !== 'MALFORMED_PATH')
      .map(([what, r]) => `${what} → ${r.status} ${r.body.error?.code ?? JSON.stringify(r.body).slice(0, 80)}`);
    const health = await call(api.url, 'get', '/healthz');
    recordOutcome(
      '400 MALFORMED_PATH on every route with a path parameter; server up',
      `${replies.length} routes: ${wrong.length === 0 ? 'all 400 MALFORMED_PATH' : `WRONG: ${wrong.join('; ')}`}; /healthz ${health.status}`,
    );
    expect(wrong).toEqual([]);
    expect(replies.length).toBeGreaterThan(10);
  });

  it(`[M45] 1,000 pause/resume cycles on one run: ${MAX_PAUSES_PER_RUN} are taken, then pause answers 409 CONTROL_LIMIT; the run stays controllable`, async () => {
    // Writes are rate limited per user (600 a minute by default): this API gives the cycling user room.
    const roomy = await startApiServer(
      {
        ...stack.deps,
        hub: new EventHub(stack.database, stack.deps.log),
        settings: { ...stack.deps.settings, limits: { writesPerMinute: 1_000_000 } },
      },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const user = 'hx-cycler';
      const control = async (id: string, action: string) => {
        const reply = await call(roomy.url, 'post', `/api/v1/executions/${id}/${action}`, { token: token(user) });
        if (reply.status >= 400) errorReplies.push(reply);
        return reply;
      };
      const definition = {
        nodes: [node('in', 'input'), llm('stuck', 'hang'), node('out', 'output')],
        edges: [edge('in', 'stuck'), edge('stuck', 'out')],
      };
      const saved = await call(roomy.url, 'post', '/api/v1/workflows', { token: token(user), json: { name: 'cycles', definition } });
      const started = await call(roomy.url, 'post', '/api/v1/executions', {
        token: token(user),
        json: { workflow_id: saved.body.id, input_data: {} },
      });
      const id = started.body.id as string;
      await waitForStatus(stack, id, 'running');
      const begun = Date.now();
      const tally = new Map<string, number>();
      for (let cycle = 1; cycle <= 1_000; cycle++) {
        const pause = await control(id, 'pause');
        const outcome =
          pause.status === 200
            ? `${(await control(id, 'resume')).status === 200 ? 'paused and resumed' : 'resume refused'}`
            : `pause ${pause.status} ${pause.body.error?.code}`;
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
      }
      const cyclesMs = Date.now() - begun;
      const stopped = await control(id, 'cancel');
      const row = await waitForStatus(stack, id, 'terminal');
      const history = await (await runHandle(stack, id)).fetchHistory();
      recordOutcome(
        `${MAX_PAUSES_PER_RUN} cycles taken, every later pause 409 CONTROL_LIMIT (Temporal itself refuses a run's updates past 2,000, with a 503 before this cap); the run still cancels`,
        `1,000 cycles in ${ms(cyclesMs)}: ${[...tally].map(([what, n]) => `${n}× ${what}`).join(', ')}; cancel ${stopped.status}, run ${row.status}; history ${history.events?.length} events`,
      );
      expect(Object.fromEntries(tally)).toEqual({
        'paused and resumed': MAX_PAUSES_PER_RUN,
        'pause 409 CONTROL_LIMIT': 1_000 - MAX_PAUSES_PER_RUN,
      });
      expect([stopped.status, row.status]).toEqual([200, 'cancelled']);
      expect(history.events?.length).toBeLessThan(25_600);
    } finally {
      await roomy.close();
    }
  }, 900_000);

  it('[M44] no error answer, stored error or event message contains SQL, parameters, stack frames or file paths', async () => {
    // Errors of every kind this file provoked, plus whatever earlier suites left in this database.
    const { db } = stack.database;
    const stored = [
      ...(await db.select({ where: executions.id, error: executions.error }).from(executions).where(isNotNull(executions.error))).map(
        (r) => [`execution ${r.where}`, r.error] as const,
      ),
      ...(
        await db
          .select({ where: nodeExecutions.executionId, error: nodeExecutions.error })
          .from(nodeExecutions)
          .where(isNotNull(nodeExecutions.error))
      ).map((r) => [`node of ${r.where}`, r.error] as const),
      ...(
        await db
          .select({ where: executionEvents.executionId, message: executionEvents.message, data: executionEvents.data })
          .from(executionEvents)
          .where(ne(executionEvents.level, 'info'))
      ).map((r) => [`event of ${r.where}`, { message: r.message, data: r.data }] as const),
    ];
    const answers = errorReplies.map((r) => [`answer ${r.status}`, r.body] as const);
    const leaking = [...answers, ...stored]
      .filter(([, value]) => LEAK.test(JSON.stringify(value) ?? ''))
      .map(([where, value]) => `${where}: ${JSON.stringify(value).slice(0, 300)}`);
    recordOutcome(
      'none of them',
      `${answers.length} error answers and ${stored.length} stored errors and warning/error events checked; ${leaking.length} leak`,
    );
    expect(leaking).toEqual([]);
    expect(answers.length).toBeGreaterThan(10);
  });
});
