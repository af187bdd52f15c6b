import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { connectTemporal } from '../../apps/api/src/temporal-connection';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { findExecution, openDatabase, temporalWorkflowIdOf, type DatabaseHandle } from '@trellis/db';
import { locateTemporalCli } from '@trellis/devstack';
import { mintToken } from '../../apps/api/src/auth/jwt';
import { startLlmWireServer, type LlmWireServer } from '../llm-wire-server';
import { TEST_JWT_SECRET } from '../stack';
import { call, poll } from './http';
import { ciPostgres } from './postgres-control';
import { killAllServices, startApiProcess, startWorkerProcess, type ApiProcess, type ServiceProcess } from './processes';
import { ms, recordOutcome } from './record';
import { describeRun, expectRunIntact, summarizeRun } from './run-checks';
import { graph, saveWorkflow, seconds, sleep, startExecution, waitForEvent, waitForTerminal } from './run-helpers';

// Separate processes cannot share PGlite; global-setup.ts prints why these are skipped without DATABASE_URL.
const runProcesses = Boolean(process.env.DATABASE_URL);
const postgres = ciPostgres();

const PG_OUTAGE_MS = Number(process.env.FAULTS_PG_OUTAGE_MS ?? 20_000);
const LOAD_RUNS = 1_000;
const LOAD_IN_FLIGHT = 50;
const IDEMPOTENT_STARTS = 50;
/** The worker's default RECONCILE_INTERVAL_MS (apps/worker/src/config.ts); this file runs the worker with its defaults. */
const DEFAULT_RECONCILE_INTERVAL_MS = 10_000;

(runProcesses ? describe : describe.skip)('faults against real worker and API processes', () => {
  const address = process.env.TEMPORAL_ADDRESS!;
  const taskQueue = `faults-${randomUUID()}`;
  let database: DatabaseHandle;
  let temporalConnection: Awaited<ReturnType<typeof connectTemporal>> | undefined;
  let temporal: Client;
  let wire: LlmWireServer;
  let worker: ServiceProcess;
  let api: ApiProcess;
  const user = `faults-${Date.now()}`;
  const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
  const db = () => database.db;
  const startWorker = () => startWorkerProcess({ temporalAddress: address, taskQueue, llmBaseUrl: wire.baseUrl });
  const startApi = (port?: number) =>
    startApiProcess({
      temporalAddress: address,
      taskQueue,
      port,
      // The load test starts 1,000 runs as one user; the per-user limits are configuration.
      env: { START_RATE_PER_MINUTE: '1000000', MAX_LIVE_EXECUTIONS_PER_USER: '1000000' },
    });

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 10 });
    temporalConnection = await connectTemporal(address);
    temporal = new Client({ connection: temporalConnection.connection, namespace: 'default' });
    wire = await startLlmWireServer();
    [worker, api] = await Promise.all([startWorker(), startApi()]);
  });
  afterAll(async () => {
    await killAllServices();
    await wire?.close();
    await temporalConnection?.close();
    await database?.close();
  });

  it('[F1] a worker killed with SIGKILL mid-node is replaced and the run completes', async () => {
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-3000'), graph.transform('b', 'nodes.a'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'out'),
    };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    await waitForEvent(db(), id, (e) => e.type === 'node.started' && e.nodeId === 'a');
    await sleep(1_000);
    const killedAt = Date.now();
    await worker.kill();
    worker = await startWorker();
    const replacedAfter = Date.now() - killedAt;
    await waitForTerminal(db(), id);
    const doneAfter = Date.now() - killedAt;
    const run = await summarizeRun(db(), temporal, id);
    recordOutcome(
      'completed; each node output once; seq gapless',
      `SIGKILL 1 s into node a; new worker polling after ${seconds(replacedAfter)}; run ended ${seconds(doneAfter)} after the kill; node a took ${run.maxAttempt} attempts; ${describeRun(run)}`,
    );
    expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'a', 'b', 'out'] });
    expect(run.maxAttempt).toBeGreaterThanOrEqual(2);
  });

  it('[F2] after an API restart mid-run, a WebSocket client resuming with since=<seq> gets every missed event and the terminal one once', async () => {
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-500'), graph.llm('b', 'slow-500'), graph.llm('c', 'slow-7000'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'c', 'out'),
    };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    const first = await follow(
      `${api.url.replace(/^http/, 'ws')}/ws/${id}`,
      token,
      (m) => m.type === 'node.completed' && m.node_id === 'a',
    );
    const lastSeq = Math.max(...first.map((m) => m.seq));
    const killedAt = Date.now();
    await api.kill();
    api = await startApi(api.port);
    const reconnectedAt = Date.now();
    const second = await follow(
      `${api.url.replace(/^http/, 'ws')}/ws/${id}?since=${lastSeq}`,
      token,
      (m) => TERMINAL_EVENTS.has(m.type),
      1_000,
    );
    const run = await summarizeRun(db(), temporal, id);
    const received = [...first, ...second].map((m) => m.seq);
    const replayed = second.filter((m) => Date.parse(m.timestamp) < reconnectedAt).length;
    const terminalReceived = [...first, ...second].filter((m) => TERMINAL_EVENTS.has(m.type)).length;
    recordOutcome(
      'every missed event replayed, terminal event exactly once; completed',
      `API SIGKILLed after seq ${lastSeq}, listening again after ${seconds(reconnectedAt - killedAt)}; resumed with since=${lastSeq}: ${replayed} missed events replayed, ${second.length - replayed} live; received seqs ${received[0]}..${received.at(-1)} (${received.length}, ${new Set(received).size} distinct) of ${run.events.length} stored; terminal received ${terminalReceived}×; ${describeRun(run)}`,
    );
    expect(second[0]?.seq).toBe(lastSeq + 1);
    expect(received).toEqual(run.events.map((e) => e.seq));
    expect(terminalReceived).toBe(1);
    expect(replayed).toBeGreaterThan(0);
    expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'a', 'b', 'c', 'out'] });
  });

  (postgres ? it : it.skip)(
    '[F4] with Postgres stopped mid-run the API answers 503 and /readyz is red; after it returns the run completes and /readyz is green, no restart',
    async () => {
      const definition = {
        nodes: [graph.input(), graph.llm('a', 'slow-4000'), graph.transform('b', 'nodes.a'), graph.llm('c', 'slow-1000'), graph.output()],
        edges: graph.chain('in', 'a', 'b', 'c', 'out'),
      };
      const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
      await waitForEvent(db(), id, (e) => e.type === 'node.started' && e.nodeId === 'a');
      const apiPid = api.pid;
      await postgres!.stop();
      const stoppedAt = Date.now();
      const answers = new Map<string, number>();
      const readiness = new Map<string, number>();
      const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
      try {
        while (Date.now() - stoppedAt < PG_OUTAGE_MS) {
          const [read, ready] = await Promise.all([
            call(api.url, 'get', `/api/v1/executions/${id}`, { token }),
            call(api.url, 'get', '/readyz'),
          ]);
          count(answers, `${read.status} ${read.body.error?.code ?? ''}`.trim());
          count(readiness, `${ready.status} postgres=${(ready.body.checks as { postgres?: boolean } | undefined)?.postgres}`);
          await sleep(1_000);
        }
      } finally {
        await postgres!.start();
      }
      const restartedAt = Date.now();
      await poll(
        () => call(api.url, 'get', '/readyz'),
        (r) => r.status === 200,
        60_000,
        100,
      );
      const greenAfter = Date.now() - restartedAt;
      await waitForTerminal(db(), id);
      const doneAfter = Date.now() - restartedAt;
      const after = await call(api.url, 'get', `/api/v1/executions/${id}`, { token });
      const run = await summarizeRun(db(), temporal, id);
      const list = (map: Map<string, number>) => [...map].map(([k, n]) => `${n}× ${k}`).join(', ');
      recordOutcome(
        'API 503 and /readyz red during the outage; green again without a restart; completed',
        `Postgres stopped ${seconds(restartedAt - stoppedAt)} while node a ran; API answered ${list(answers)}; /readyz ${list(readiness)}; /readyz green ${ms(greenAfter)} after Postgres was back (same API pid: ${api.pid === apiPid}); run ended ${seconds(doneAfter)} after, GET ${after.status}; ${describeRun(run)}`,
      );
      expect([...answers.keys()]).toEqual(['503 SERVICE_UNAVAILABLE']);
      expect([...readiness.keys()]).toEqual(['503 postgres=false']);
      expect(api.pid).toBe(apiPid);
      expect(after.status).toBe(200);
      expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'a', 'b', 'c', 'out'] });
    },
  );

  it('[F5] a run terminated with the Temporal CLI reads terminated within the reconcile interval', async () => {
    const definition = { nodes: [graph.input(), graph.llm('stuck', 'hang'), graph.output()], edges: graph.chain('in', 'stuck', 'out') };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    await waitForEvent(db(), id, (e) => e.type === 'node.started' && e.nodeId === 'stuck');
    const cli = await locateTemporalCli({ allowDownload: false });
    if (cli.kind !== 'path') throw new Error('no Temporal CLI');
    const row = await findExecution(db(), id);
    await promisify(execFile)(cli.path, [
      'workflow',
      'terminate',
      '--workflow-id',
      temporalWorkflowIdOf(row!),
      '--reason',
      'fault F5',
      '--address',
      address,
      '--namespace',
      'default',
    ]);
    const terminatedAt = Date.now();
    await waitForTerminal(db(), id, 60_000);
    const repairedAfter = Date.now() - terminatedAt;
    const run = await summarizeRun(db(), temporal, id);
    recordOutcome(
      `terminated within the reconcile interval (default ${seconds(DEFAULT_RECONCILE_INTERVAL_MS)}; issue: ≤ 30 s)`,
      `\`temporal workflow terminate\` while node stuck ran; row read ${run.status} ${seconds(repairedAfter)} later; ${describeRun(run)}`,
    );
    expectRunIntact(run, { status: 'terminated', temporalStatus: 'TERMINATED', completedNodes: ['in'], otherNodes: ['stuck'] });
    expect(repairedAfter).toBeLessThanOrEqual(30_000);
  });

  it('[F7] 1,000 concurrent starts (50 in flight) give 1,000 terminal executions, none lost or duplicated; 50 identical idempotent starts give one run', async () => {
    const loadUser = `${user}-load`;
    const loadToken = mintToken({ sub: loadUser, secret: TEST_JWT_SECRET });
    const workflowId = await saveWorkflow(api.url, loadToken, { nodes: [graph.input(), graph.output()], edges: graph.chain('in', 'out') });
    const started = Date.now();
    const statuses = new Map<number, number>();
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: LOAD_IN_FLIGHT }, async () => {
        while (next < LOAD_RUNS) {
          const i = next++;
          const reply = await call(api.url, 'post', '/api/v1/executions', {
            token: loadToken,
            json: { workflow_id: workflowId, input_data: { i } },
          });
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status === 202) ids.push(reply.body.id as string);
        }
      }),
    );
    const startMs = Date.now() - started;
    const totals = await poll(
      () => loadCounts(database, loadUser),
      (t) => t.terminal >= LOAD_RUNS || t.rows > LOAD_RUNS,
      240_000,
      500,
    );
    const allDoneMs = Date.now() - started;
    const broken = await countBroken(database, loadUser);
    const visible = await poll(
      () => temporal.workflow.count(`TrellisOwner = '${loadUser}'`),
      (c) => c.count >= LOAD_RUNS,
      60_000,
      500,
    );

    const idemId = `idem-${randomUUID()}`;
    const idem = await Promise.all(
      Array.from({ length: IDEMPOTENT_STARTS }, () =>
        call(api.url, 'post', '/api/v1/executions', {
          token: loadToken,
          json: { workflow_id: workflowId, execution_id: idemId, input_data: { i: -1 } },
        }),
      ),
    );
    await waitForTerminal(db(), idemId);
    const idemRows = await loadCounts(database, loadUser);
    const idemRow = await findExecution(db(), idemId);
    const idemWorkflowId = idemRow ? temporalWorkflowIdOf(idemRow) : idemId;
    const idemRuns = await poll(
      () => temporal.workflow.count(`WorkflowId = '${idemWorkflowId}'`),
      (c) => c.count >= 1,
      30_000,
      250,
    );
    const idemRun = await summarizeRun(db(), temporal, idemId);
    const described = await temporal.workflow.getHandle(idemWorkflowId).describe();
    const idemStatuses = [...new Set(idem.map((r) => r.status))]
      .sort()
      .map((s) => `${idem.filter((r) => r.status === s).length}× ${s}`)
      .join(', ');

    recordOutcome(
      '1,000 executions, all terminal, none lost or duplicated; one run for 50 identical starts',
      `${LOAD_RUNS} starts over loopback, ${LOAD_IN_FLIGHT} in flight: HTTP ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')} in ${seconds(startMs)} (${Math.round(LOAD_RUNS / (startMs / 1000))} starts/s); ` +
        `${totals.rows} rows, ${new Set(ids).size} distinct ids, ${totals.completed} completed, all terminal after ${seconds(allDoneMs)}; ` +
        `integrity (gapless seq, one terminal event, 2 node outputs once) broken in ${broken}; Temporal counts ${visible.count} runs. ` +
        `${IDEMPOTENT_STARTS} identical starts: ${idemStatuses}, ${new Set(idem.map((r) => r.body.id)).size} id, ${idemRuns.count} Temporal run, ${idemRows.rows - totals.rows} new row; ${describeRun(idemRun)}`,
    );
    expect([...statuses]).toEqual([[202, LOAD_RUNS]]);
    expect(new Set(ids).size).toBe(LOAD_RUNS);
    expect(totals).toEqual({ rows: LOAD_RUNS, terminal: LOAD_RUNS, completed: LOAD_RUNS });
    expect(broken).toBe(0);
    expect(visible.count).toBe(LOAD_RUNS);
    expect(idem.filter((r) => r.status === 202)).toHaveLength(1);
    expect(idem.filter((r) => r.status === 200)).toHaveLength(IDEMPOTENT_STARTS - 1);
    expect(new Set(idem.map((r) => r.body.id))).toEqual(new Set([idemId]));
    expect(idemRows.rows).toBe(LOAD_RUNS + 1);
    expect(idemRuns.count).toBe(1);
    expect(idemRow?.temporalRunId).toBe(described.runId);
    expectRunIntact(idemRun, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'out'] });
  });
});

const TERMINAL_EVENTS = new Set([
  'execution.completed',
  'execution.failed',
  'execution.stopped',
  'execution.cancelled',
  'execution.timed_out',
  'execution.terminated',
]);

interface EventMessage {
  type: string;
  seq: number;
  node_id?: string;
  timestamp: string;
}

/** Follows /ws/:id until a message matches `until`, then listens `graceMs` longer (to catch a repeated event). */
function follow(url: string, token: string, until: (m: EventMessage) => boolean, graceMs = 0, timeoutMs = 60_000): Promise<EventMessage[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const messages: EventMessage[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`));
    }, timeoutMs);
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as EventMessage;
      if (typeof message.seq !== 'number') return; // hello and live token deltas
      messages.push(message);
      if (until(message)) {
        clearTimeout(timer);
        setTimeout(() => {
          ws.terminate();
          resolve(messages);
        }, graceMs);
      }
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** How many executions the user has, how many are terminal and how many completed. */
async function loadCounts(database: DatabaseHandle, ownerId: string): Promise<{ rows: number; terminal: number; completed: number }> {
  return firstRow(
    await database.db.execute(sql`
      select count(*)::int as rows,
             count(*) filter (where status in ('completed', 'failed', 'stopped', 'cancelled', 'timed_out', 'terminated'))::int as terminal,
             count(*) filter (where status = 'completed')::int as completed
      from executions where owner_id = ${ownerId}`),
  );
}

/** How many of the user's executions break a promise: seq not gapless, not one terminal event, not 2 node outputs once. */
async function countBroken(database: DatabaseHandle, ownerId: string): Promise<number> {
  const row = firstRow<{ broken: number }>(
    await database.db.execute(sql`
      with mine as (select id, last_seq, status from executions where owner_id = ${ownerId}),
      ev as (
        select execution_id, count(*) as n, min(seq) as min_seq, max(seq) as max_seq,
               count(*) filter (where type like 'execution.%' and status in ('completed', 'failed', 'stopped', 'cancelled', 'timed_out', 'terminated')) as terminal,
               count(*) filter (where type = 'node.completed') as node_completed
        from execution_events where execution_id in (select id from mine) group by execution_id
      ),
      nx as (
        select execution_id, count(*) filter (where status = 'completed' and output is not null) as with_output
        from node_executions where execution_id in (select id from mine) group by execution_id
      )
      select count(*) filter (where
        ev.n is distinct from mine.last_seq or ev.min_seq is distinct from 1 or ev.max_seq is distinct from ev.n
        or ev.terminal is distinct from 1 or ev.node_completed is distinct from 2 or nx.with_output is distinct from 2)::int as broken
      from mine left join ev on ev.execution_id = mine.id left join nx on nx.execution_id = mine.id`),
  );
  return row.broken;
}

function firstRow<T = { rows: number; terminal: number; completed: number }>(result: unknown): T {
  return (result as { rows: T[] }).rows[0]!;
}
