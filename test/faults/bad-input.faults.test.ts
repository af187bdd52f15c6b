import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { listExecutions } from '@trellis/db';
import { EventHub } from '../../apps/api/src/events/event-hub';
import { documentedOperations } from '../../apps/api/src/api-routes';
import { startApiServer, type RunningApi } from '../../apps/api/src/server';
import { waitForStatus } from '../engine-helpers';
import { startTestStack, type TestStack } from '../stack';
import { call, upgradeStatus, type Reply } from './http';
import { ms, recordOutcome } from './record';

const ANN = 'mx-ann';
const BOB = 'mx-bob';
const USERS = [ANN, BOB];

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });
const edge = (source: string, target: string) => ({ source, target });
const simple = {
  nodes: [node('in', 'input'), node('t', 'transform', { expression: 'input' }), node('out', 'output')],
  edges: [edge('in', 't'), edge('t', 'out')],
};

/** Graph inputs that must be refused with 422 and the named definition problem. */
const BAD_GRAPHS: Array<[string, string, unknown]> = [
  [
    'M05',
    'CYCLE',
    {
      nodes: [
        node('in', 'input'),
        node('a', 'transform', { expression: '1' }),
        node('b', 'transform', { expression: '2' }),
        node('out', 'output'),
      ],
      edges: [edge('in', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'out')],
    },
  ],
  ['M06', 'DANGLING_EDGE', { ...simple, edges: [...simple.edges, edge('t', 'ghost')] }],
  ['M07', 'DUPLICATE_NODE_ID', { ...simple, nodes: [...simple.nodes, node('t', 'transform', { expression: '2' })] }],
  ['M08', 'UNKNOWN_NODE_TYPE', { ...simple, nodes: [...simple.nodes, node('w', 'warp')], edges: [...simple.edges, edge('in', 'w')] }],
  [
    'M09',
    'LIMIT_NODES',
    {
      nodes: [node('in', 'input'), ...Array.from({ length: 9_998 }, (_, i) => ({ id: `n${i}`, type: 'output' }))],
      edges: Array.from({ length: 9_998 }, (_, i) => edge(i === 0 ? 'in' : `n${i - 1}`, `n${i}`)),
    },
  ],
];

/** Transform expressions that try to reach `process` or run code; none may succeed. */
const HOSTILE_EXPRESSIONS = [
  `constructor.constructor('return process')()`,
  `$string.constructor.constructor("return process")()`,
  `$$.constructor.constructor("globalThis.trellisPwned = true")()`,
  `$lookup($lookup($$, "constructor"), "constructor")("process.env.TRELLIS_PWNED = '1'")()`,
  `$spread([$string]).implementation.constructor("return process")()`,
  `$eval("$$.constructor.constructor(\\"return process\\")()")`,
  `$eval("$string.constructor.constructor('return process.mainModule')()")`,
];

/** The same escapes through JSONata's backtick names, a JS tagged-template call, and `{{ }}` prompt templates. */
const TEMPLATE_LITERAL_EXPRESSIONS = [
  '`constructor`.`constructor`("return process")()',
  '$$.`constructor`.`constructor`("globalThis.trellisPwned = true")()',
  '$string.`constructor`.`constructor`("return process.env")()',
  'constructor.constructor`return process`()',
  '$string.constructor.constructor`globalThis.trellisPwned = true```',
];
const HOSTILE_PROMPTS = [
  'x {{ $$.`constructor`.`constructor`("return process")() }}',
  'x {{ $string.constructor.constructor("return process.version")() }}',
  'x {{ $lookup($lookup($$, "constructor"), "constructor")("return process.pid")() }}',
];

const canary = globalThis as { trellisPwned?: unknown };

describe('bad-input matrix: documented status and code, the server stays up, nothing starts', () => {
  let stack: TestStack;
  let api: RunningApi;
  let rs: RunningApi;
  let rsKeys: { publicKey: string; privateKey: string };
  let workflowId: string;
  const token = (user: string) => stack.tokenFor(user);

  beforeAll(async () => {
    stack = await startTestStack();
    api = await startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port: 0, host: '127.0.0.1' });
    rsKeys = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    // A second listener configured for RS256 with issuer and audience, as production would be.
    rs = await startApiServer(
      {
        ...stack.deps,
        hub: new EventHub(stack.database, stack.deps.log),
        jwt: { publicKey: rsKeys.publicKey, issuer: 'https://issuer.test', audience: 'trellis' },
      },
      { port: 0, host: '127.0.0.1' },
    );
    const created = await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), json: { name: 'matrix', definition: simple } });
    expect(created.status).toBe(201);
    workflowId = created.body.id as string;
  });
  afterAll(async () => {
    await rs?.close();
    await api?.close();
    await stack?.close();
  });

  /** Executions of the matrix's users (test runs included); a rejected request must not add one. */
  async function startedCount(): Promise<number> {
    let total = 0;
    for (const ownerId of USERS)
      total += (await listExecutions(stack.database.db, { ownerId, includeTest: true }, { offset: 0, limit: 1 })).total;
    return total;
  }

  /** Records the row (replies, server health, runs started), then asserts the server is up and nothing started. */
  async function settle(expected: string, before: number, replies: Reply[], note = ''): Promise<void> {
    const health = await call(api.url, 'get', '/healthz');
    const ready = await call(api.url, 'get', '/readyz');
    const started = (await startedCount()) - before;
    const answers = [...new Set(replies.map((r) => `${r.status} ${codeOf(r)}`.trim()))].join(', ');
    const slowest = Math.max(0, ...replies.map((r) => r.ms));
    const seen = replies.length > 0 ? [`${answers} (${replies.length} requests, slowest ${ms(slowest)})`] : [];
    recordOutcome(
      `${expected}; server up; nothing starts`,
      [...seen, ...(note ? [note] : []), `/healthz ${health.status}, /readyz ${ready.status}`, `${started} runs started`].join('; '),
    );
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(started).toBe(0);
  }

  it('[M01] malformed JSON is refused with 400 MALFORMED_JSON', async () => {
    const before = await startedCount();
    const replies = [
      await call(api.url, 'post', '/api/v1/executions', { token: token(ANN), raw: '{"workflow_id": ' }),
      await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), raw: "{'name': 'single quotes'}" }),
      await call(api.url, 'post', '/api/v1/execute', { token: token(ANN), raw: '{"workflow_id": "x", "definition": {]}' }),
    ];
    await settle('400 MALFORMED_JSON', before, replies);
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('[M02] wrong types are refused with 422 VALIDATION_FAILED naming each field', async () => {
    const before = await startedCount();
    const replies = [
      await call(api.url, 'post', '/api/v1/executions', { token: token(ANN), json: { workflow_id: 42, mode: 'warp', timeout_ms: 'soon' } }),
      await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), json: { name: ['x'], definition: 'nodes' } }),
      await call(api.url, 'post', '/api/v1/execute', { token: token(ANN), json: { workflow_id: null, definition: [] } }),
      await call(api.url, 'put', `/api/v1/executions/x`, { token: token(ANN), json: { status: 7 } }),
    ];
    await settle('422 VALIDATION_FAILED', before, replies);
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(replies[0]!.body.error?.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'workflow_id' }),
        expect.objectContaining({ path: 'mode' }),
        expect.objectContaining({ path: 'timeout_ms' }),
      ]),
    );
  });

  it('[M03] an oversized body is refused with 413 BODY_TOO_LARGE', async () => {
    const before = await startedCount();
    const big = 'x'.repeat(2 * 1024 * 1024);
    const replies = [
      await call(api.url, 'post', '/api/v1/executions', { token: token(ANN), json: { workflow_id: workflowId, input_data: big } }),
      await call(api.url, 'post', '/api/v1/workflows', {
        token: token(ANN),
        json: { name: 'big', definition: { ...simple, description: big } },
      }),
    ];
    await settle('413 BODY_TOO_LARGE', before, replies, '2 MiB bodies against the 1mb limit');
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([413, 'BODY_TOO_LARGE']);
  });

  it('[M04] deeply nested JSON is refused with 400 JSON_TOO_DEEP', async () => {
    const before = await startedCount();
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const replies = [
      await call(api.url, 'post', '/api/v1/executions', {
        token: token(ANN),
        raw: `{"workflow_id": "${workflowId}", "input_data": ${nested}}`,
      }),
      await call(api.url, 'post', '/api/v1/workflows', {
        token: token(ANN),
        raw: `{"name": "deep", "definition": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      }),
      await call(api.url, 'post', '/api/v1/execute', {
        token: token(ANN),
        raw: `{"workflow_id": "deep", "definition": ${JSON.stringify(simple)}, "input_data": ${nested}}`,
      }),
    ];
    await settle('400 JSON_TOO_DEEP', before, replies, `${depth.toLocaleString('en')} levels`);
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([400, 'JSON_TOO_DEEP']);
  });

  it.each(BAD_GRAPHS)('[%s] a graph with %s is refused with 422 on save and on inline run', async (_id, problem, definition) => {
    const before = await startedCount();
    const replies = [
      await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), json: { name: 'bad', definition } }),
      await call(api.url, 'post', '/api/v1/execute', { token: token(ANN), json: { workflow_id: 'bad', definition } }),
    ];
    const codes = replies.map((r) => ((r.body.error?.details ?? []) as Array<{ code: string }>).map((p) => p.code));
    await settle(`422 VALIDATION_FAILED [${problem}]`, before, replies, `problems reported: ${[...new Set(codes.flat())].join(', ')}`);
    for (const [i, reply] of replies.entries()) {
      expect([reply.status, reply.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
      expect(codes[i]).toContain(problem);
    }
  });

  /** Saves a workflow with one hostile node and runs it; returns how it ended. */
  async function runHostile(definition: unknown): Promise<{ outcome: string; output?: unknown }> {
    const saved = await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), json: { name: 'hostile', definition } });
    if (saved.status === 422) return { outcome: `save refused: ${(saved.body.error?.details as Array<{ code: string }>)[0]?.code}` };
    expect(saved.status).toBe(201);
    const started = await call(api.url, 'post', '/api/v1/executions', {
      token: token(ANN),
      json: { workflow_id: saved.body.id, input_data: { name: 'x' } },
    });
    expect(started.status).toBe(202);
    const row = await waitForStatus(stack, started.body.id as string, 'terminal');
    if (row.status === 'failed') return { outcome: `run failed: ${(row.error as { code?: string } | null)?.code}` };
    return { outcome: `run ${row.status}, output ${JSON.stringify(row.outputData)}`, output: row.outputData };
  }

  function expectNoEscape(outcomes: Array<{ outcome: string; output?: unknown }>): void {
    expect(canary.trellisPwned).toBeUndefined();
    expect(process.env.TRELLIS_PWNED).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const { outcome, output } of outcomes) {
      // A node ends with EXPRESSION_ERROR, is refused at save, or yields a plain value; never anything of `process`.
      expect(outcome).toMatch(/^(run failed: EXPRESSION_ERROR|save refused: EXPRESSION_SYNTAX|run completed, output .*)$/);
      expect(output === null || typeof output !== 'object').toBe(true);
      expect(JSON.stringify(output ?? null)).not.toMatch(new RegExp(`${process.version}|${process.pid}|${process.cwd()}|"env"|"versions"`));
    }
  }

  function tally(outcomes: Array<{ outcome: string }>): string {
    const counts = new Map<string, number>();
    for (const { outcome } of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    return [...counts].map(([outcome, n]) => `${n}× ${outcome}`).join('; ');
  }

  it('[M10] hostile constructor escapes end as EXPRESSION_ERROR or nothing, never reaching process', async () => {
    const transform = (expression: string) => ({
      nodes: [node('in', 'input'), node('t', 'transform', { expression }), node('out', 'output')],
      edges: [edge('in', 't'), edge('t', 'out')],
    });
    const outcomes = await Promise.all(HOSTILE_EXPRESSIONS.map((e) => runHostile(transform(e))));
    recordOutcome(
      'EXPRESSION_ERROR (or no value); no access to process',
      `${HOSTILE_EXPRESSIONS.length} transform expressions: ${tally(outcomes)}; canary untouched, no prototype polluted`,
    );
    expectNoEscape(outcomes);
  });

  it('[M11] template-literal variants (backtick names, tagged calls, {{ }} prompts) never reach process', async () => {
    const transform = (expression: string) => ({
      nodes: [node('in', 'input'), node('t', 'transform', { expression }), node('out', 'output')],
      edges: [edge('in', 't'), edge('t', 'out')],
    });
    const prompt = (text: string) => ({
      nodes: [
        node('in', 'input'),
        node('ask', 'llm', { provider: 'echo', prompt: text }),
        node('out', 'output', { expression: 'nodes.ask.text' }),
      ],
      edges: [edge('in', 'ask'), edge('ask', 'out')],
    });
    const outcomes = await Promise.all([
      ...TEMPLATE_LITERAL_EXPRESSIONS.map((e) => runHostile(transform(e))),
      ...HOSTILE_PROMPTS.map((p) => runHostile(prompt(p))),
    ]);
    recordOutcome(
      'EXPRESSION_ERROR (or no value, or refused as a syntax error); no access to process',
      `${outcomes.length} expressions and templates: ${tally(outcomes)}; canary untouched`,
    );
    expectNoEscape(outcomes);
  });

  it('[M12] __proto__ keys at the top of a request body are refused with 422 VALIDATION_FAILED', async () => {
    const before = await startedCount();
    const definition = JSON.stringify(simple).replace('"nodes":', '"__proto__": {"polluted": "yes"}, "nodes":');
    const replies = [
      await call(api.url, 'post', '/api/v1/workflows', {
        token: token(ANN),
        raw: `{"name": "proto", "__proto__": {"owner_id": "${BOB}"}, "definition": ${JSON.stringify(simple)}}`,
      }),
      await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), raw: `{"name": "proto", "definition": ${definition}}` }),
      await call(api.url, 'post', '/api/v1/executions', {
        token: token(ANN),
        raw: `{"workflow_id": "${workflowId}", "__proto__": {"status": "completed"}}`,
      }),
    ];
    await settle('422 VALIDATION_FAILED; no prototype polluted', before, replies, `Object.prototype clean: ${!('polluted' in {})}`);
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('[M13] __proto__ and constructor keys inside input data and expressions pollute nothing and never reach the output', async () => {
    const definition = {
      nodes: [
        node('in', 'input'),
        node('t', 'transform', {
          expression: '$merge([input, {"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}])',
        }),
        node('out', 'output'),
      ],
      edges: [edge('in', 't'), edge('t', 'out')],
    };
    const saved = await call(api.url, 'post', '/api/v1/workflows', { token: token(ANN), json: { name: 'proto', definition } });
    const started = await call(api.url, 'post', '/api/v1/executions', {
      token: token(ANN),
      raw: `{"workflow_id": "${saved.body.id}", "input_data": {"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "name": "x"}}`,
    });
    const row = started.status === 202 ? await waitForStatus(stack, started.body.id as string, 'terminal') : undefined;
    const output = JSON.stringify(row?.outputData ?? null);
    recordOutcome(
      'the run completes; no prototype polluted; `__proto__` dropped from outputs',
      `save ${saved.status}, start ${started.status}; run ${row?.status ?? 'not started'}, output ${output}; Object.prototype clean: ${!('polluted' in {})}`,
    );
    expect([saved.status, started.status, row?.status]).toEqual([201, 202, 'completed']);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(output).not.toContain('__proto__');
    expect(row?.outputData).toMatchObject({ name: 'x' });
  });

  const FORGED: Array<[string, string, () => string]> = [
    ['M14', 'alg none', () => unsigned({ alg: 'none', typ: 'JWT' }, rsClaims())],
    ['M15', 'HS256 signed with the RS256 public key', () => jwt.sign(rsClaims(), rsKeys.publicKey, { algorithm: 'HS256' })],
    ['M16', 'a bad signature', () => tamper(jwt.sign(rsClaims(), rsKeys.privateKey, { algorithm: 'RS256' }))],
    ['M17', 'the wrong iss', () => jwt.sign({ ...rsClaims(), iss: 'https://evil.test' }, rsKeys.privateKey, { algorithm: 'RS256' })],
    ['M18', 'the wrong aud', () => jwt.sign({ ...rsClaims(), aud: 'someone-else' }, rsKeys.privateKey, { algorithm: 'RS256' })],
    [
      'M19',
      'an expired exp',
      () => jwt.sign({ ...rsClaims(), exp: Math.floor(Date.now() / 1000) - 60 }, rsKeys.privateKey, { algorithm: 'RS256' }),
    ],
    ['M20', 'no exp', () => jwt.sign({ sub: ANN, iss: 'https://issuer.test', aud: 'trellis' }, rsKeys.privateKey, { algorithm: 'RS256' })],
  ];

  it.each(FORGED)('[%s] a token with %s gets 401 on REST and on the WebSocket upgrade', async (_id, _what, forge) => {
    const id = await annExecution();
    const before = await startedCount();
    const good = jwt.sign(rsClaims(), rsKeys.privateKey, { algorithm: 'RS256' });
    const control = await call(rs.url, 'get', '/api/v1/executions', { token: good });
    expect(control.status).toBe(200);
    const forged = forge();
    const replies = [
      await call(rs.url, 'get', '/api/v1/executions', { token: forged }),
      await call(rs.url, 'get', `/api/v1/executions/${id}`, { token: forged }),
      await call(rs.url, 'post', '/api/v1/executions', { token: forged, json: { workflow_id: workflowId } }),
    ];
    const wsBase = rs.url.replace(/^http/, 'ws');
    const upgrades = [
      await upgradeStatus(`${wsBase}/ws`, forged),
      await upgradeStatus(`${wsBase}/ws/${id}`, forged),
      await upgradeStatus(`${wsBase}/ws?token=${forged}`),
    ];
    await settle(
      '401 UNAUTHORIZED on REST, 401 on the upgrade',
      before,
      replies,
      `WebSocket upgrades ${[...new Set(upgrades)].join(', ')}; a valid RS256 token gets ${control.status}`,
    );
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(upgrades).toEqual([401, 401, 401]);
  });

  let annRun: string | undefined;
  /** One finished execution of ANN's (shared by the rows that need a real id). */
  async function annExecution(): Promise<string> {
    if (annRun) return annRun;
    const started = await call(api.url, 'post', '/api/v1/executions', {
      token: token(ANN),
      json: { workflow_id: workflowId, input_data: { n: 1 } },
    });
    expect(started.status).toBe(202);
    annRun = started.body.id as string;
    await waitForStatus(stack, annRun, 'terminal');
    return annRun;
  }

  it('[M21] another user gets 404 on every route that names a resource, and on the WebSocket', async () => {
    const executionId = await annExecution();
    const session = await call(api.url, 'post', '/api/v1/workflow-test/sessions', { token: token(ANN), json: { workflowId } });
    const sessionId = session.body.testSessionId as string | undefined;
    const before = await startedCount();
    const bodies: Record<string, unknown> = {
      'put /api/v1/workflows/{id}': { name: 'mine now' },
      'put /api/v1/executions/{id}': { status: 'paused' },
      'post /api/v1/executions/{id}/nodes/{node_id}/answer': { answer: 'yes' },
      'post /api/v1/executions/{id}/rerun': {},
    };
    type Route = { method: string; path: string; body?: unknown };
    // The /execute and test-session routes are listed below with their own ids; answer links need no token.
    const listedBelow = /^\/api\/v1\/(execute|workflow-test|answers)\//;
    const routes: Route[] = documentedOperations({ metricsOnApiPort: false })
      .filter((op) => op.path.includes('{') && !listedBelow.test(op.path))
      .map((op) => ({ method: op.method, path: op.path, body: bodies[`${op.method} ${op.path}`] }));
    for (const action of ['status', 'logs']) routes.push({ method: 'get', path: `/api/v1/execute/{id}/${action}` });
    for (const action of ['pause', 'resume', 'stop']) routes.push({ method: 'post', path: `/api/v1/execute/{id}/${action}` });
    if (sessionId) {
      routes.push(
        { method: 'get', path: '/api/v1/workflow-test/sessions/{session}' },
        { method: 'post', path: '/api/v1/workflow-test/sessions/{session}/messages', body: { message: 'hi' } },
        { method: 'post', path: '/api/v1/workflow-test/sessions/{session}/clear' },
        { method: 'put', path: '/api/v1/workflow-test/sessions/{session}/variables', body: { a: 1 } },
        { method: 'delete', path: '/api/v1/workflow-test/sessions/{session}' },
      );
    }
    // Seed 004's test-session routes answer a missing session with 400 TEST_SESSION_NOT_FOUND (their documented
    // not-found). The per-workflow history list and clear are lists scoped to the caller (seeds 000/001): for another
    // user's workflow they answer exactly as for an unknown one, with nothing of the owner's in them.
    const scopedLists = new Set(['get /api/v1/workflows/{id}/history', 'delete /api/v1/workflows/{id}/history']);
    const fill = (path: string, ids: { workflow: string; execution: string; session: string }) =>
      path
        .replace('/workflows/{id}', `/workflows/${ids.workflow}`)
        .replace('{id}', ids.execution)
        .replace('{execute_id}', ids.execution)
        .replace('{session}', ids.session);
    const theirs = { workflow: workflowId, execution: executionId, session: sessionId ?? '' };
    const unknown = { workflow: 'wf_unknown', execution: 'unknown-execution', session: 'unknown-session' };
    const replies: Reply[] = [];
    const wrong: string[] = [];
    for (const route of routes) {
      const reply = await call(api.url, route.method, fill(route.path, theirs), { token: token(BOB), json: route.body });
      const control = await call(api.url, route.method, fill(route.path, unknown), { token: token(BOB), json: route.body });
      replies.push(reply);
      const key = `${route.method} ${route.path}`;
      const same = reply.status === control.status && codeOf(reply) === codeOf(control);
      const notFound = route.path.includes('{session}') ? [400, 'TEST_SESSION_NOT_FOUND'] : [404, 'NOT_FOUND'];
      const ok = scopedLists.has(key)
        ? same && !JSON.stringify(reply.body).includes(executionId) && !reply.body.deleted
        : same && reply.status === notFound[0] && codeOf(reply) === notFound[1];
      if (!ok) wrong.push(`${route.method.toUpperCase()} ${route.path} → ${reply.status} (unknown id: ${control.status})`);
    }
    // Starting ANN's workflow must not find it either.
    replies.push(await call(api.url, 'post', '/api/v1/executions', { token: token(BOB), json: { workflow_id: workflowId } }));
    const upgrade = await upgradeStatus(`${api.url.replace(/^http/, 'ws')}/ws/${executionId}`, token(BOB));
    const still = await call(api.url, 'get', `/api/v1/executions/${executionId}`, { token: token(ANN) });
    await settle(
      '404 NOT_FOUND on every route and on the WebSocket, exactly as for an unknown id (test sessions: their 400 TEST_SESSION_NOT_FOUND)',
      before,
      replies,
      `${routes.length + 1} routes${sessionId ? ' (test sessions included)' : ''}; each answers exactly as for an unknown id; the two per-workflow history lists are empty; WebSocket upgrade ${upgrade}${wrong.length ? `; WRONG: ${wrong.join('; ')}` : ''}; the owner still reads ${still.status}`,
    );
    expect(wrong).toEqual([]);
    expect(replies.at(-1)!.status).toBe(404);
    expect(upgrade).toBe(404);
    expect(still.status).toBe(200);
  });

  it('[M22] mass assignment of owner or status is refused and changes nothing', async () => {
    const executionId = await annExecution();
    const before = await startedCount();
    const replies = [
      await call(api.url, 'post', '/api/v1/workflows', {
        token: token(BOB),
        json: { name: 'mine', definition: simple, owner_id: ANN, ownerId: ANN },
      }),
      await call(api.url, 'post', '/api/v1/executions', {
        token: token(ANN),
        json: { workflow_id: workflowId, owner_id: BOB, status: 'completed' },
      }),
      await call(api.url, 'post', '/api/v1/execute', {
        token: token(ANN),
        json: { workflow_id: 'x', definition: simple, ownerId: BOB, status: 'running' },
      }),
      await call(api.url, 'put', `/api/v1/workflows/${workflowId}`, { token: token(ANN), json: { owner_id: BOB, version: 99 } }),
      await call(api.url, 'put', `/api/v1/executions/${executionId}`, { token: token(ANN), json: { status: 'completed' } }),
    ];
    const workflow = await call(api.url, 'get', `/api/v1/workflows/${workflowId}`, { token: token(ANN) });
    const execution = await call(api.url, 'get', `/api/v1/executions/${executionId}`, { token: token(ANN) });
    const bobsWorkflows = await call(api.url, 'get', '/api/v1/workflows', { token: token(BOB) });
    await settle(
      '422 VALIDATION_FAILED (unknown fields are refused, never applied)',
      before,
      replies,
      `ANN's workflow still hers at version ${workflow.body.version}, execution still ${execution.body.status}; BOB owns ${(bobsWorkflows.body.items as unknown[]).length} workflows`,
    );
    for (const reply of replies) expect([reply.status, reply.body.error?.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(workflow.body.version).toBe(1);
    expect(execution.body.status).toBe('completed');
    expect(bobsWorkflows.body.items).toEqual([]);
  });

  it('[M23] a WebSocket frame over the cap closes the socket with 1009', async () => {
    const id = await annExecution();
    const before = await startedCount();
    const ws = new WebSocket(`${api.url.replace(/^http/, 'ws')}/ws/${id}`, { headers: { Authorization: `Bearer ${token(ANN)}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.alloc(64 * 1024 + 1, 'x'));
    const code = await closed;
    await settle('closed with 1009', before, [], `64 KiB + 1 byte frame → close ${code}`);
    expect(code).toBe(1009);
  });
});

/** The error code of a reply: `{error: {code}}`, or the seed-shaped `{code}` of the test-session routes. */
function codeOf(reply: Reply): string {
  return reply.body.error?.code ?? (typeof reply.body.code === 'string' ? reply.body.code : '');
}

function rsClaims() {
  return { sub: ANN, iss: 'https://issuer.test', aud: 'trellis', exp: Math.floor(Date.now() / 1000) + 600 };
}

function unsigned(header: object, claims: object): string {
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const flipped = `${signature!.slice(0, -4)}${signature!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  return `${header}.${payload}.${flipped}`;
}
