import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { findExecution, openDatabase, type DatabaseHandle } from '@trellis/db';
import { freePort } from '@trellis/devstack';
import { mintToken } from '../../apps/api/src/auth/jwt';
import { connectTemporal } from '../../apps/api/src/temporal-connection';
import { startLlmWireServer, type LlmWireServer } from '../llm-wire-server';
import { TEST_JWT_SECRET } from '../stack';
import { call, poll } from './http';
import { killAllServices, startApiProcess, startWorkerProcess, type ApiProcess, type ServiceProcess } from './processes';
import { recordOutcome } from './record';
import { graph, saveWorkflow, seconds, sleep } from './run-helpers';

// Separate processes cannot share PGlite; global-setup.ts prints why these are skipped without DATABASE_URL.
const runProcesses = Boolean(process.env.DATABASE_URL);

/** Both APIs' START_RATE_PER_MINUTE: the load stays under it, the burst of F22 goes past it. */
const START_RATE = 120;
const LOAD_MS = 24_000;
const LOAD_EVERY_MS = 300;
const KILL_AFTER_MS = 8_000;

(runProcesses ? describe : describe.skip)('several processes: two APIs and two workers on one Temporal and one PostgreSQL', () => {
  const address = process.env.TEMPORAL_ADDRESS!;
  const taskQueue = `several-${randomUUID()}`;
  let database: DatabaseHandle;
  let temporalConnection: Awaited<ReturnType<typeof connectTemporal>> | undefined;
  let temporal: Client;
  let wire: LlmWireServer;
  let workers: ServiceProcess[];
  let apis: [ApiProcess, ApiProcess];
  let metricsPort: number;
  const run = `several-${Date.now()}`;

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    temporalConnection = await connectTemporal(address);
    temporal = new Client({ connection: temporalConnection.connection, namespace: 'default' });
    wire = await startLlmWireServer();
    metricsPort = await freePort();
    // Four services and the load share this machine's CPUs: a template render starved for a second must not fail a
    // run here (the expression limits have tests of their own).
    const worker = (env: Record<string, string> = {}) =>
      startWorkerProcess({
        temporalAddress: address,
        taskQueue,
        llmBaseUrl: wire.baseUrl,
        env: { EXPRESSION_TIMEOUT_MS: '10000', ...env },
      });
    const api = () =>
      startApiProcess({
        temporalAddress: address,
        taskQueue,
        env: { START_RATE_PER_MINUTE: String(START_RATE), MAX_LIVE_EXECUTIONS_PER_USER: '1000' },
      });
    const [workerA, workerB, apiA, apiB] = await Promise.all([worker(), worker({ METRICS_PORT: String(metricsPort) }), api(), api()]);
    workers = [workerA, workerB];
    apis = [apiA, apiB];
  });
  afterAll(async () => {
    // Graceful first: a worker stopped with SIGTERM gives up its reconciler lease at once.
    await Promise.all([...(workers ?? []), ...(apis ?? [])].map((service) => service.stop()));
    await killAllServices();
    await wire?.close();
    await temporalConnection?.close();
    await database?.close();
  });

  it('[F20] under a steady load of starts through both APIs, a worker killed with SIGKILL: every run completes on the other, none lost or duplicated', async () => {
    const user = `${run}-load`;
    const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-1000'), graph.transform('b', 'nodes.a'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'out'),
    };
    const workflowId = await saveWorkflow(apis[0].url, token, definition);
    const started: Array<{ id: string; at: number }> = [];
    const refused: string[] = [];
    const loadStart = Date.now();
    let killedAt = 0;
    const killing = sleep(KILL_AFTER_MS).then(async () => {
      killedAt = Date.now();
      await workers[0]!.kill();
    });
    for (let i = 0; Date.now() - loadStart < LOAD_MS; i++) {
      const tick = sleep(LOAD_EVERY_MS);
      const reply = await call(apis[i % 2]!.url, 'post', '/api/v1/executions', {
        token,
        json: { workflow_id: workflowId, input_data: { topic: `load ${i}` } },
      });
      if (reply.status === 202) started.push({ id: reply.body.id as string, at: Date.now() });
      else refused.push(`${reply.status} ${reply.body.error?.code}`);
      await tick;
    }
    await killing;
    const liveAtKill = started.filter((s) => s.at <= killedAt).map((s) => s.id);
    const ids = started.map((s) => s.id);
    const endOf = new Map<string, number>();
    await poll(
      async () => {
        for (const row of await endedRuns(database, ids)) if (!endOf.has(row.id)) endOf.set(row.id, Date.now());
        return endOf.size;
      },
      (ended) => ended >= ids.length,
      180_000,
      250,
    );
    const recoveredAfter = Math.max(...liveAtKill.map((id) => endOf.get(id)!)) - killedAt;
    const totals = await runTotals(database, user);
    const broken = await countBroken(database, user, 4);
    const visible = await poll(
      () => temporal.workflow.count(`TrellisOwner = '${user}'`),
      (c) => c.count >= ids.length,
      60_000,
      500,
    );
    recordOutcome(
      'every run completed, on the surviving worker where needed; none lost or duplicated',
      `${ids.length} runs started through 2 APIs over ${seconds(LOAD_MS)} (one every ${LOAD_EVERY_MS} ms, ${refused.length} refused); worker 1 of 2 SIGKILLed ${seconds(killedAt - loadStart)} in with ${liveAtKill.length} runs started; ` +
        `the runs started before the kill all ended ${seconds(recoveredAfter)} after it; ${totals.rows} rows, ${totals.completed} completed, ${new Set(ids).size} distinct ids; ` +
        `integrity (gapless seq, one terminal event, 4 node outputs once) broken in ${broken}; Temporal counts ${visible.count} runs`,
    );
    expect(refused).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(totals).toEqual({ rows: ids.length, completed: ids.length });
    expect(broken).toBe(0);
    expect(visible.count).toBe(ids.length);
  });

  it('[F21] a WebSocket client on API B follows runs started through API A and gets every event and the terminal one once', async () => {
    const user = `${run}-ws`;
    const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-300'), graph.transform('b', 'nodes.a'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'out'),
    };
    const workflowId = await saveWorkflow(apis[0].url, token, definition);
    const socket = await openAllExecutionsSocket(`${apis[1].url.replace(/^http/, 'ws')}/ws`, token);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await call(apis[0].url, 'post', '/api/v1/executions', {
        token,
        json: { workflow_id: workflowId, input_data: { topic: `ws ${i}` } },
      });
      if (reply.status !== 202) throw new Error(`start: ${reply.status} ${JSON.stringify(reply.body)}`);
      ids.push(reply.body.id as string);
    }
    await poll(
      () => endedRuns(database, ids),
      (rows) => rows.length === ids.length,
      60_000,
      250,
    );
    // A repeated or late event would arrive within this grace.
    await sleep(1_500);
    socket.close();
    const stored = await storedSeqs(database, ids);
    const mismatched = ids.filter((id) => JSON.stringify(socket.seqs(id)) !== JSON.stringify(stored.get(id)));
    const terminalCounts = ids.map((id) => socket.terminals(id));
    const events = ids.reduce((sum, id) => sum + socket.seqs(id).length, 0);
    recordOutcome(
      'every event of every run, in seq order, the terminal one once',
      `10 runs started through API A, followed on API B's /ws: ${events} events received of ${[...stored.values()].reduce((sum, seqs) => sum + seqs.length, 0)} stored; runs whose received seqs differ from the stored ones: ${mismatched.length}; terminal events per run: ${[...new Set(terminalCounts)].join(', ')}`,
    );
    expect(mismatched).toEqual([]);
    expect(terminalCounts).toEqual(ids.map(() => 1));
  });

  it('[F22] the per-user start rate holds across both APIs: a burst of twice the budget, alternating between them', async () => {
    const user = `${run}-burst`;
    const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
    const workflowId = await saveWorkflow(apis[0].url, token, { nodes: [graph.input(), graph.output()], edges: graph.chain('in', 'out') });
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 2 * START_RATE }, (_, i) =>
        call(apis[i % 2]!.url, 'post', '/api/v1/executions', { token, json: { workflow_id: workflowId, input_data: { i } } }).then(
          (reply) => ({ api: i % 2, reply }),
        ),
      ),
    );
    const elapsedMs = Date.now() - started;
    const accepted = replies.filter((r) => r.reply.status === 202);
    const limited = replies.filter((r) => r.reply.status === 429);
    // The bucket refills START_RATE per minute during the burst.
    const allowed = START_RATE + Math.floor((elapsedMs / 60_000) * START_RATE);
    const retryAfter = limited.map((r) => Number(r.reply.headers.get('retry-after')));
    recordOutcome(
      `at most ${START_RATE} per minute in all (plus the refill during the burst); the rest 429 RATE_LIMITED with Retry-After`,
      `${2 * START_RATE} starts in ${seconds(elapsedMs)}, alternating API A and B: ${accepted.length} accepted (A ${accepted.filter((r) => r.api === 0).length}, B ${accepted.filter((r) => r.api === 1).length}; allowed ${allowed}), ` +
        `${limited.length} refused with 429 (A ${limited.filter((r) => r.api === 0).length}, B ${limited.filter((r) => r.api === 1).length}), Retry-After ${Math.min(...retryAfter)}–${Math.max(...retryAfter)} s`,
    );
    expect(accepted.length).toBeGreaterThanOrEqual(START_RATE);
    expect(accepted.length).toBeLessThanOrEqual(allowed);
    expect(accepted.length + limited.length).toBe(2 * START_RATE);
    expect(new Set(limited.map((r) => r.reply.body.error?.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(Math.min(...retryAfter)).toBeGreaterThanOrEqual(1);
    expect(new Set(limited.map((r) => r.api))).toEqual(new Set([0, 1]));
  });

  it('[F24] a Server-Sent Events client cut off mid-run on API A resumes on API B with Last-Event-ID: every missed event, none twice, the terminal one once', async () => {
    const user = `${run}-sse`;
    const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-300'), graph.llm('b', 'slow-2000'), graph.transform('c', 'nodes.b'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'c', 'out'),
    };
    const workflowId = await saveWorkflow(apis[0].url, token, definition);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const stream = await fetch(`${apis[0].url}/api/v1/executions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ workflow_id: workflowId, input_data: { topic: 'sse' }, mode: 'stream' }),
    });
    const id = stream.headers.get('x-execution-id')!;
    const first = await readSseIds(stream, (frame) => frame.event === 'node.completed' && frame.data.includes('"node_id":"a"'));
    const lastSeen = first.at(-1)!.id;
    await sleep(1_000);
    const storedAtResume = (await findExecution(database.db, id))!.lastSeq;
    const resumed = await fetch(`${apis[1].url}/api/v1/executions/${id}/events`, {
      headers: { ...headers, 'Last-Event-ID': String(lastSeen) },
    });
    const second = await readSseIds(resumed);
    const [stored] = [...(await storedSeqs(database, [id])).values()];
    const received = [...first, ...second].map((f) => f.id);
    const replayed = second.filter((f) => f.id <= storedAtResume).length;
    const terminal = [...first, ...second].filter((f) => TERMINAL.test(f.event)).map((f) => f.event);
    recordOutcome(
      'every missed event replayed, none twice, the terminal event once',
      `stream cut after seq ${lastSeen} on API A, resumed 1 s later on API B with Last-Event-ID: ${second.length} events (${replayed} replayed at once, ${second.length - replayed} live), first ${second[0]?.id}; received seqs ${received[0]}..${received.at(-1)} (${received.length}, ${new Set(received).size} distinct) of ${stored?.length} stored; terminal: ${terminal.join(', ')}`,
    );
    expect(second[0]?.id).toBe(lastSeen + 1);
    expect(replayed).toBeGreaterThan(0);
    expect(received).toEqual(stored);
    expect(terminal).toEqual(['execution.completed']);
  });

  it('[F23] a standalone worker serves /metrics on METRICS_PORT: its node metrics, process metrics and the Temporal SDK runtime metrics', async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    const text = await res.text();
    const families = new Set(
      text
        .split('\n')
        .filter((line) => line.startsWith('# TYPE '))
        .map((line) => line.split(' ')[2]!),
    );
    const of = (prefix: string) => [...families].filter((name) => name.startsWith(prefix));
    const nodeCount = /trellis_node_duration_seconds_count\{[^}]*type="llm"[^}]*\} (\d+)/.exec(text)?.[1];
    recordOutcome(
      'worker, process and Temporal SDK metrics in one scrape',
      `HTTP ${res.status}; ${families.size} metric families: ${of('trellis_').length} trellis_*, ${of('process_').length + of('nodejs_').length} process_*/nodejs_*, ${of('temporal_').length} temporal_* (e.g. ${of('temporal_').slice(0, 3).join(', ')}); llm node attempts on this worker: ${nodeCount ?? 0}`,
    );
    expect(res.status).toBe(200);
    expect(Number(nodeCount)).toBeGreaterThan(0);
    expect(of('process_').length).toBeGreaterThan(0);
    expect(of('temporal_').length).toBeGreaterThan(0);
    expect(families.has('temporal_workflow_task_execution_latency') || families.has('temporal_request')).toBe(true);
  });
});

/** The ids among `ids` whose row is terminal. */
async function endedRuns(database: DatabaseHandle, ids: string[]): Promise<Array<{ id: string }>> {
  const result = await database.db.execute(sql`
    select id from executions
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
      and status in ('completed', 'failed', 'stopped', 'cancelled', 'timed_out', 'terminated')`);
  return (result as unknown as { rows: Array<{ id: string }> }).rows;
}

async function runTotals(database: DatabaseHandle, ownerId: string): Promise<{ rows: number; completed: number }> {
  const result = await database.db.execute(sql`
    select count(*)::int as rows, count(*) filter (where status = 'completed')::int as completed from executions where owner_id = ${ownerId}`);
  return (result as unknown as { rows: Array<{ rows: number; completed: number }> }).rows[0]!;
}

/** How many of the user's executions break a promise: seq not gapless, not one terminal event, not `nodes` node outputs once. */
async function countBroken(database: DatabaseHandle, ownerId: string, nodes: number): Promise<number> {
  const result = await database.db.execute(sql`
    with mine as (select id, last_seq from executions where owner_id = ${ownerId}),
    ev as (
      select execution_id, count(*) as n, min(seq) as min_seq, max(seq) as max_seq, count(distinct key) as keys,
             count(*) filter (where type like 'execution.%' and status in ('completed', 'failed', 'stopped', 'cancelled', 'timed_out', 'terminated')) as terminal,
             count(*) filter (where type = 'node.completed') as node_completed
      from execution_events where execution_id in (select id from mine) group by execution_id
    ),
    nx as (
      select execution_id, count(*) filter (where status = 'completed' and output is not null) as with_output
      from node_executions where execution_id in (select id from mine) group by execution_id
    )
    select count(*) filter (where
      ev.n is distinct from mine.last_seq or ev.min_seq is distinct from 1 or ev.max_seq is distinct from ev.n or ev.keys is distinct from ev.n
      or ev.terminal is distinct from 1 or ev.node_completed is distinct from ${nodes} or nx.with_output is distinct from ${nodes})::int as broken
    from mine left join ev on ev.execution_id = mine.id left join nx on nx.execution_id = mine.id`);
  return (result as unknown as { rows: Array<{ broken: number }> }).rows[0]!.broken;
}

/** Each execution's stored event seqs, in order. */
async function storedSeqs(database: DatabaseHandle, ids: string[]): Promise<Map<string, number[]>> {
  const result = await database.db.execute(sql`
    select execution_id, array_agg(seq order by seq) as seqs from execution_events
    where execution_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) group by execution_id`);
  return new Map(
    (result as unknown as { rows: Array<{ execution_id: string; seqs: number[] }> }).rows.map((r) => [r.execution_id, r.seqs.map(Number)]),
  );
}

const TERMINAL = /^execution\.(completed|failed|stopped|cancelled|timed_out|terminated)$/;

/** A `/ws` client (every execution of the user) that keeps each execution's received seqs; resolves once subscribed. */
function openAllExecutionsSocket(
  url: string,
  token: string,
): Promise<{ seqs(id: string): number[]; terminals(id: string): number; close(): void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const seqs = new Map<string, number[]>();
    const terminals = new Map<string, number>();
    const client = {
      seqs: (id: string) => seqs.get(id) ?? [],
      terminals: (id: string) => terminals.get(id) ?? 0,
      close: () => ws.terminate(),
    };
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; execution_id?: string; seq?: number };
      if (message.type === 'subscribed') return resolve(client);
      if (typeof message.seq !== 'number' || !message.execution_id) return;
      seqs.set(message.execution_id, [...(seqs.get(message.execution_id) ?? []), message.seq]);
      if (TERMINAL.test(message.type)) terminals.set(message.execution_id, (terminals.get(message.execution_id) ?? 0) + 1);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

interface SseEvent {
  id: number;
  event: string;
  data: string;
}

/** Reads a text/event-stream until `stop` matches an event with an id (then disconnects) or the server ends it. */
async function readSseIds(res: Response, stop: (event: SseEvent) => boolean = () => false): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return events;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      if (field('id') === undefined) continue; // keep-alive comments and token deltas
      const event = { id: Number(field('id')), event: field('event') ?? '', data: field('data') ?? '' };
      events.push(event);
      if (stop(event)) {
        await reader.cancel();
        return events;
      }
    }
  }
}
