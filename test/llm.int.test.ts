import request from 'supertest';
import WebSocket from 'ws';
import { findExecution, listEvents } from '@trellis/db';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer, type RunningApi } from '../apps/api/src/server';
import { llmTokensTotal } from '../apps/worker/src/metrics';
import { control, nodesById, runHandle, startRun, waitForStatus } from './engine-helpers';
import { WIRE_API_KEY, type LlmWireServer, type WireRequest } from './llm-wire-server';
import { startTestStack, waitFor, type TestStack } from './stack';

// The real LLM clients, end to end: HTTP API → Temporal workflow → runNode activity → fetch → a loopback
// server speaking the OpenAI and Anthropic wire formats; tokens come back over Postgres NOTIFY to WS/SSE.

const USER = 'llm-user';

interface TokenMessage {
  type: 'node.token';
  execution_id: string;
  node_id: string;
  attempt: number;
  index: number;
  delta: string;
}

let tag = 0;
/** A model name unique to this call, so the wire server's per-model counters start fresh. */
const fresh = (directives: string) => `${directives}+t${++tag}`;

function graph(llmConfig: Record<string, unknown>, node: Record<string, unknown> = {}) {
  return {
    nodes: [
      { id: 'in', type: 'input', config: {} },
      { id: 'gen', type: 'llm', config: { prompt: 'tell me about {{ input.topic }}', ...llmConfig }, ...node },
      { id: 'out', type: 'output', config: {} },
    ],
    edges: [
      { source: 'in', target: 'gen' },
      { source: 'gen', target: 'out' },
    ],
  };
}

/** Asserts deltas are one attempt's, numbered 0..n-1 in arrival order; returns their text. */
function joinInOrder(tokens: TokenMessage[]): string {
  expect(tokens.map((t) => t.index)).toEqual(tokens.map((_, i) => i));
  return tokens.map((t) => t.delta).join('');
}

/** The run's whole Temporal history as JSON, with every payload decoded. */
async function historyText(stack: TestStack, id: string): Promise<string> {
  const history = await (await runHandle(stack, id)).fetchHistory();
  // Protobuf's toJSON renders payload bytes as base64 under `data`.
  return JSON.stringify(history, (key, value: unknown) =>
    key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value,
  );
}

function parseSse(body: string): Array<{ id?: string; event?: string; data: Record<string, unknown> }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const fields = Object.fromEntries(
        block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      );
      return { id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') as Record<string, unknown> };
    });
}

async function tokenCount(labels: { provider: string; model: string; kind: string }): Promise<number> {
  const { values } = await llmTokensTotal.get();
  return values.find((v) => Object.entries(labels).every(([k, want]) => v.labels[k as keyof typeof v.labels] === want))?.value ?? 0;
}

describe('LLM providers end to end through a workflow', () => {
  let stack: TestStack;
  let wire: LlmWireServer;
  let api: RunningApi;
  const sockets: WebSocket[] = [];
  const requestsFor = (model: string): WireRequest[] => wire.requests.filter((r) => r.model === model);

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    wire = stack.wire!;
    api = await startApiServer({ ...stack.deps, hub: new EventHub(stack.database, stack.deps.log) }, { port: 0, host: '127.0.0.1' });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  /** Opens /ws/:id and records every message. */
  async function follow(id: string) {
    const socket = new WebSocket(`${api.url.replace(/^http/, 'ws')}/ws/${id}`, {
      headers: { Authorization: `Bearer ${stack.tokenFor(USER)}` },
    });
    sockets.push(socket);
    const messages: Array<Record<string, unknown>> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const tokens = () => messages.filter((m): m is Record<string, unknown> & TokenMessage => m.type === 'node.token');
    return { messages, tokens };
  }

  it('streams an OpenAI-compatible reply: tokens over WebSocket in order, text and usage stored once, no key in history', async () => {
    const model = fresh('slow-1500+drip-30-20');
    const id = await startRun(stack, USER, graph({ provider: 'wire', model }), { topic: 'streams' });
    const client = await follow(id);
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('completed');

    const expected = Array.from({ length: 30 }, (_, i) => `t${i} `).join('');
    const node = (await nodesById(stack, id)).gen!;
    expect(node.output).toEqual({ text: expected, model, provider: 'wire' });
    expect(node.usage).toEqual({ prompt_tokens: 7, completion_tokens: 30, total_tokens: 37 });
    expect(row.usage).toEqual({ prompt_tokens: 7, completion_tokens: 30, total_tokens: 37 });

    await waitFor(
      async () => joinInOrder(client.tokens()),
      (text) => text === expected,
      5_000,
    );
    const tokens = client.tokens();
    expect(tokens.every((t) => t.execution_id === id && t.node_id === 'gen' && t.attempt === 1)).toBe(true);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.length).toBeLessThan(30); // batched, not one message per token

    const stored = await listEvents(stack.database.db, { executionId: id });
    expect(stored.map((e) => e.type)).not.toContain('node.token');
    expect(JSON.stringify(stored)).not.toContain('t29 t'); // the text is stored in the node output only

    const [sent] = requestsFor(model);
    expect(sent).toMatchObject({ api: 'openai', stream: true, body: { stream_options: { include_usage: true } } });
    expect(sent!.headers.authorization).toBe(`Bearer ${WIRE_API_KEY}`);
    const history = await historyText(stack, id);
    expect(history).toContain('t0 t1 t2 t3'); // the payloads really are decoded
    expect(history).not.toContain(WIRE_API_KEY);
    expect(history).not.toContain(wire.baseUrl);

    await expect(tokenCount({ provider: 'wire', model, kind: 'completion' })).resolves.toBe(30);
    await expect(tokenCount({ provider: 'wire', model, kind: 'prompt' })).resolves.toBe(7);
  });

  it('streams an Anthropic reply over SSE: node.token events without ids, in order, before the run ends', async () => {
    const model = fresh('drip-12-15');
    const auth = `Bearer ${stack.tokenFor(USER)}`;
    const definition = graph({ provider: 'wire_anthropic', model, system: 'Be terse.', temperature: 0.2, stop: ['###'] });
    const workflow = await request(stack.app).post('/api/v1/workflows').set('Authorization', auth).send({ name: 'llm-sse', definition });
    const res = await request(stack.app)
      .post('/api/v1/executions')
      .set('Authorization', auth)
      .send({ workflow_id: workflow.body.id, input_data: { topic: 'sse' }, mode: 'stream' })
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done(null, text));
      });
    const frames = parseSse(res.body as string);
    const tokenFrames = frames.filter((f) => f.event === 'node.token');
    const completed = frames.findIndex((f) => f.event === 'execution.completed');
    expect(completed).toBe(frames.length - 1);
    expect(tokenFrames.every((f) => f.id === undefined)).toBe(true);
    expect(frames.filter((f) => f.event !== 'node.token').every((f) => f.id === String(f.data.seq))).toBe(true);

    const expected = Array.from({ length: 12 }, (_, i) => `t${i} `).join('');
    expect(joinInOrder(tokenFrames.map((f) => f.data as unknown as TokenMessage))).toBe(expected);
    const id = res.headers['x-execution-id'] as string;
    expect((await nodesById(stack, id)).gen!.usage).toEqual({ prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 });

    const [sent] = requestsFor(model);
    expect(sent).toMatchObject({ api: 'anthropic', stream: true });
    expect(sent!.headers).toMatchObject({ 'x-api-key': WIRE_API_KEY, 'anthropic-version': '2023-06-01' });
    expect(sent!.body).toMatchObject({
      system: 'Be terse.',
      messages: [{ role: 'user', content: 'tell me about sse' }],
      temperature: 0.2,
      stop_sequences: ['###'],
      max_tokens: 4096,
    });
  });

  it('honours Retry-After on a 429: one retry, no sooner than the server asked', async () => {
    const model = fresh('limited-2');
    const retry = { max_attempts: 3, initial_interval_ms: 100 };
    const id = await startRun(stack, USER, graph({ provider: 'wire', model }, { retry }), { topic: 'r' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('completed');
    const [first, second, ...more] = requestsFor(model);
    expect(more).toHaveLength(0);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_950); // Retry-After: 2, not the 100 ms backoff
    expect((await nodesById(stack, id)).gen!.attempt).toBe(2);
    const warnings = await listEvents(stack.database.db, { executionId: id, levels: ['warning'] });
    expect(warnings.map((e) => (e.data as { code: string }).code)).toEqual(['LLM_RATE_LIMITED']);
  });

  it('retries a 500 and a stream that fails midway, restarting token indexes for each attempt', async () => {
    const flaky = fresh('flaky');
    const flakyRun = await startRun(
      stack,
      USER,
      graph({ provider: 'wire_anthropic', model: flaky }, { retry: { initial_interval_ms: 100 } }),
      {},
    );
    expect((await waitForStatus(stack, flakyRun, 'terminal')).status).toBe('completed');
    expect(requestsFor(flaky)).toHaveLength(2);

    const broken = fresh('slow-1000+midfail-3');
    const retry = { max_attempts: 2, initial_interval_ms: 100 };
    const id = await startRun(stack, USER, graph({ provider: 'wire', model: broken }, { retry }), {});
    const client = await follow(id);
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'LLM_UNAVAILABLE', node_id: 'gen' });
    expect(requestsFor(broken)).toHaveLength(2);
    await waitFor(
      async () => client.tokens().filter((t) => t.attempt === 2).length,
      (n) => n > 0,
      5_000,
    );
    for (const attempt of [1, 2]) {
      expect(joinInOrder(client.tokens().filter((t) => t.attempt === attempt))).toBe('t0 t1 t2 ');
    }
  });

  it('fails at once with LLM_AUTH on a 401, without retrying and without the key in the error', async () => {
    const model = fresh('unauthorized');
    const id = await startRun(stack, USER, graph({ provider: 'wire', model }), {});
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'LLM_AUTH', node_id: 'gen' });
    expect(JSON.stringify(row.error)).not.toContain(WIRE_API_KEY);
    expect(requestsFor(model)).toHaveLength(1);
    expect((await nodesById(stack, id)).gen!.attempt).toBe(1);
  });

  it('cancelling a run closes the upstream stream within one heartbeat interval', async () => {
    const model = fresh('stall-3');
    const id = await startRun(stack, USER, graph({ provider: 'wire_anthropic', model }), {});
    const client = await follow(id);
    await waitFor(
      async () => client.tokens().length,
      (n) => n > 0,
      10_000,
    );
    const cancelledAt = Date.now();
    await control(stack, USER, id, 'cancel').expect(200);
    const closed = await waitFor(
      async () => wire.aborted.find((a) => a.model === model),
      (a) => a !== undefined,
      10_000,
    );
    // Cancellation rides on heartbeat responses, sent at most every 4 s (80 % of the llm node's 5 s heartbeat timeout).
    // One heartbeat throttle interval is 4 s (measured 3.9–4.0 s); the bound leaves room for a loaded CI machine.
    expect(closed!.at - cancelledAt).toBeLessThan(8_000);
    expect((await waitForStatus(stack, id, 'terminal')).status).toBe('cancelled');
    expect(requestsFor(model)).toHaveLength(1);
  });

  it('fails a node whose stream hangs past its timeout, and closes the upstream request', async () => {
    const model = fresh('stall-2');
    const id = await startRun(stack, USER, graph({ provider: 'wire', model }, { timeout_ms: 1_500, retry: { max_attempts: 1 } }), {});
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'NODE_TIMEOUT', node_id: 'gen' });
    await waitFor(async () => wire.aborted.some((a) => a.model === model), Boolean, 10_000);
  });

  it('parses a JSON reply into output.json, and fails a reply that does not parse while keeping its raw text', async () => {
    const good = await startRun(
      stack,
      USER,
      graph({ provider: 'wire_anthropic', prompt: 'say {"answer": 42}', response_format: 'json' }),
      {},
    );
    expect((await waitForStatus(stack, good, 'terminal')).outputData).toEqual({
      text: '{"answer": 42}',
      json: { answer: 42 },
      model: 'default',
      provider: 'wire_anthropic',
    });

    const model = fresh('json');
    const schema = { type: 'object', required: ['answer'] };
    const bad = await startRun(
      stack,
      USER,
      graph({ provider: 'wire', model, prompt: 'say not json at all', response_format: 'json', json_schema: schema }),
      {},
    );
    const row = await waitForStatus(stack, bad, 'terminal');
    expect(row.error).toMatchObject({ code: 'OUTPUT_INVALID', details: { text: 'not json at all' } });
    expect(requestsFor(model)).toHaveLength(1);
    expect(requestsFor(model)[0]!.body).toMatchObject({ response_format: { type: 'json_object' } });
  });

  it('keeps the offline echo provider as the default when none is configured, visibly labelled', async () => {
    const id = await startRun(stack, USER, graph({}), { topic: 'offline' });
    const row = await waitForStatus(stack, id, 'terminal');
    expect(row.outputData).toMatchObject({ text: '[echo] tell me about offline', provider: 'echo' });
    expect(await findExecution(stack.database.db, id)).toMatchObject({
      usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
    });
  });
});
