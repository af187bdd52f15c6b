import request from 'supertest';
import WebSocket, { type ClientOptions } from 'ws';
import { listEvents } from '@trellis/db';
import { mintToken } from '../apps/api/src/auth/jwt';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer, type RunningApi } from '../apps/api/src/server';
import { llm, startRun, waitForStatus } from './engine-helpers';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from './stack';

interface EventMessage {
  type: string;
  execution_id?: string;
  seq?: number;
  status?: string;
  node_id?: string;
  timestamp: string;
}

const TERMINAL = new Set(['execution.completed', 'execution.failed', 'execution.stopped', 'execution.cancelled', 'execution.timed_out']);

const quickGraph = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'shout', type: 'transform', config: { expression: '$uppercase(input.topic)' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'shout' },
    { source: 'shout', target: 'out' },
  ],
};

const slowGraph = {
  nodes: [{ id: 'in', type: 'input', config: {} }, llm('a', 'slow-600'), llm('b', 'slow-600'), { id: 'out', type: 'output', config: {} }],
  edges: [
    { source: 'in', target: 'a' },
    { source: 'a', target: 'b' },
    { source: 'b', target: 'out' },
  ],
};

/** A connected client that records every message it receives. */
interface Client {
  ws: WebSocket;
  messages: EventMessage[];
  /** Resolves with the first message (already received or coming) that matches. */
  next(match: (m: EventMessage) => boolean, timeoutMs?: number): Promise<EventMessage>;
  closed: Promise<number>;
}

describe('WebSocket endpoints /ws and /ws/:execution_id', () => {
  let stack: TestStack;
  let api: RunningApi;
  let wsUrl: string;
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ wireLlm: true });
    // The real server wiring (server.ts), with its own event hub and short WebSocket timings.
    api = await startApiServer(
      {
        ...stack.deps,
        hub: new EventHub(stack.database, stack.deps.log),
        settings: { ...stack.deps.settings, ws: { heartbeatMs: 200, maxConnectionsPerUser: 3, maxPayloadBytes: 64 * 1024 } },
      },
      { port: 0, host: '127.0.0.1' },
    );
    wsUrl = api.url.replace(/^http/, 'ws');
  });
  afterEach(() => {
    for (const ws of clients.splice(0)) ws.terminate();
  });
  afterAll(async () => {
    await api?.close();
    await stack?.close();
  });

  const auth = (user: string) => ({ headers: { Authorization: `Bearer ${stack.tokenFor(user)}` } });

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  function connect(path: string, options: ClientOptions = {}, protocols?: string[]): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${wsUrl}${path}`, protocols, options);
      clients.push(ws);
      const messages: EventMessage[] = [];
      const waiters: Array<() => void> = [];
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as EventMessage;
        // Live token deltas carry no seq; test/llm.int.test.ts covers them, these tests follow stored events.
        if (message.type !== 'node.token') messages.push(message);
        for (const wake of waiters.splice(0)) wake();
      });
      const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
      const next = (match: (m: EventMessage) => boolean, timeoutMs = 20_000) =>
        new Promise<EventMessage>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`no matching message; got ${JSON.stringify(messages)}`)), timeoutMs);
          const check = () => {
            const found = messages.find(match);
            if (found) {
              clearTimeout(timer);
              done(found);
            } else waiters.push(check);
          };
          check();
        });
      ws.once('open', () => resolve({ ws, messages, next, closed }));
      ws.once('unexpected-response', (_req, res) =>
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })),
      );
      ws.once('error', reject);
    });
  }

  /** The HTTP status an upgrade gets: 101 when it opens, else the refusal's status. */
  async function upgradeStatus(path: string, options: ClientOptions = {}): Promise<number> {
    try {
      const client = await connect(path, options);
      client.ws.close();
      return 101;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === undefined) throw error;
      return status;
    }
  }

  async function allEvents(executionId: string) {
    return listEvents(stack.database.db, { executionId });
  }

  it('refuses the upgrade with 401 when the token is missing, expired or badly signed', async () => {
    const id = await startRun(stack, 'ws-alice', quickGraph, { topic: 'x' });
    const expired = mintToken({ sub: 'ws-alice', secret: TEST_JWT_SECRET, ttlSeconds: -60 });
    const forged = mintToken({ sub: 'ws-alice', secret: 'another-secret-that-is-long-enough-123' });
    for (const path of ['/ws', `/ws/${id}`, '/api/v1/ws', `/api/v1/ws/${id}`]) {
      expect(await upgradeStatus(path)).toBe(401);
      expect(await upgradeStatus(path, { headers: { Authorization: `Bearer ${expired}` } })).toBe(401);
      expect(await upgradeStatus(`${path}?token=${forged}`)).toBe(401);
    }
  });

  it('answers the refusal as plain HTTP in the API error shape', async () => {
    const response = await request(api.server)
      .get('/ws')
      .set('Connection', 'Upgrade')
      .set('Upgrade', 'websocket')
      .set('Sec-WebSocket-Version', '13')
      .set('Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'missing bearer token' } });
  });

  it('refuses with 404 for another user’s execution exactly as for an unknown one', async () => {
    const id = await startRun(stack, 'ws-alice', quickGraph, { topic: 'x' });
    expect(await upgradeStatus(`/ws/${id}`, auth('ws-bob'))).toBe(404);
    expect(await upgradeStatus('/ws/no-such-execution', auth('ws-bob'))).toBe(404);
    expect(await upgradeStatus('/ws/a/b', auth('ws-bob'))).toBe(404);
    expect(await upgradeStatus(`/ws/${id}`, auth('ws-alice'))).toBe(101);
  });

  it('refuses a since that is not a non-negative integer with 400', async () => {
    const id = await startRun(stack, 'ws-alice', quickGraph, { topic: 'x' });
    expect(await upgradeStatus(`/ws/${id}?since=-1`, auth('ws-alice'))).toBe(400);
    expect(await upgradeStatus(`/ws/${id}?since=abc`, auth('ws-alice'))).toBe(400);
  });

  it('accepts the token as the bearer subprotocol and answers with protocol bearer', async () => {
    const client = await connect('/ws', {}, ['bearer', stack.tokenFor('ws-alice')]);
    expect(client.ws.protocol).toBe('bearer');
    expect(await client.next((m) => m.type === 'subscribed')).toMatchObject({ type: 'subscribed' });
  });

  it('accepts the token as ?token= for seed clients', async () => {
    const client = await connect(`/api/v1/ws?token=${stack.tokenFor('ws-alice')}`);
    await client.next((m) => m.type === 'subscribed');
  });

  it('streams an execution’s events in seq order through the terminal event', async () => {
    const id = await startRun(stack, 'ws-alice', slowGraph, { topic: 'live' });
    const client = await connect(`/ws/${id}`, auth('ws-alice'));
    const terminal = await client.next((m) => TERMINAL.has(m.type));
    expect(terminal).toMatchObject({ type: 'execution.completed', execution_id: id, status: 'completed' });
    const stored = await allEvents(id);
    expect(client.messages.map((m) => m.seq)).toEqual(stored.map((e) => e.seq));
    expect(client.messages.map((m) => m.type)).toEqual(stored.map((e) => e.type));
    expect(client.messages.find((m) => m.type === 'node.started' && m.node_id === 'a')).toMatchObject({
      execution_id: id,
      status: 'running',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(client.messages.map((m) => m.type)).toEqual(expect.arrayContaining(['execution.started', 'node.completed']));
  });

  it('resumes with since=<seq>: exactly the missed events and the terminal event once', async () => {
    const id = await startRun(stack, 'ws-alice', slowGraph, { topic: 'resume' });
    const first = await connect(`/ws/${id}`, auth('ws-alice'));
    await first.next((m) => m.type === 'node.started' && m.node_id === 'a');
    first.ws.close();
    await first.closed;
    const lastSeen = first.messages.at(-1)!.seq!;

    const second = await connect(`/ws/${id}?since=${lastSeen}`, auth('ws-alice'));
    await second.next((m) => TERMINAL.has(m.type));
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything duplicated would arrive by now
    const stored = await allEvents(id);
    expect(second.messages.map((m) => m.seq)).toEqual(stored.filter((e) => e.seq > lastSeen).map((e) => e.seq));
    expect(second.messages.filter((m) => TERMINAL.has(m.type))).toHaveLength(1);
    expect(second.ws.readyState).toBe(WebSocket.OPEN); // kept open after the terminal event
  });

  it('replays a finished execution to a client that connects after the end', async () => {
    const id = await startRun(stack, 'ws-alice', quickGraph, { topic: 'late' });
    await waitForStatus(stack, id, 'completed');
    const client = await connect(`/ws/${id}?since=0`, auth('ws-alice'));
    expect((await client.next((m) => TERMINAL.has(m.type))).type).toBe('execution.completed');
  });

  it('on /ws sends a hello, then live events of the user’s executions only', async () => {
    const client = await connect('/ws', auth('ws-carol'));
    await client.next((m) => m.type === 'subscribed');
    const mine = await startRun(stack, 'ws-carol', quickGraph, { topic: 'mine' });
    const theirs = await startRun(stack, 'ws-dave', quickGraph, { topic: 'theirs' });
    await client.next((m) => m.execution_id === mine && TERMINAL.has(m.type));
    await waitForStatus(stack, theirs, 'terminal');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = client.messages.filter((m) => m.type !== 'subscribed');
    expect(events.every((m) => m.execution_id === mine)).toBe(true);
    const stored = await allEvents(mine);
    expect(events.map((m) => m.seq)).toEqual(stored.map((e) => e.seq));
  });

  it('terminates a client that stops answering pings and keeps one that answers', async () => {
    const silent = await connect('/ws', { ...auth('ws-erin'), autoPong: false });
    const healthy = await connect('/ws', auth('ws-erin'));
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([silent.closed, new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), 3_000)))]);
    clearTimeout(timer);
    expect(code).toBe(1006);
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes the socket with 1009 when a client frame is larger than the limit', async () => {
    const client = await connect('/ws', auth('ws-frank'));
    client.ws.send('x'.repeat(70 * 1024));
    expect(await client.closed).toBe(1009);
  });

  it('refuses a connection over the per-user cap with 429 and frees the slot when one closes', async () => {
    const open = await Promise.all([1, 2, 3].map(() => connect('/ws', auth('ws-gina'))));
    expect(await upgradeStatus('/ws', auth('ws-gina'))).toBe(429);
    expect(await upgradeStatus('/ws', auth('ws-hank'))).toBe(101);
    open[0]!.ws.close();
    await open[0]!.closed;
    let status = 0;
    for (let tries = 0; tries < 20 && status !== 101; tries++) {
      status = await upgradeStatus('/ws', auth('ws-gina'));
      if (status !== 101) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(101);
  });
});
