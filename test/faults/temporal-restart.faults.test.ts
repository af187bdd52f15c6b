import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { connectTemporal } from '../../apps/api/src/temporal-connection';
import { openDatabase, type DatabaseHandle } from '@trellis/db';
import { freePort, startTemporalDevServer, type DevServer } from '@trellis/devstack';
import { mintToken } from '../../apps/api/src/auth/jwt';
import { startLlmWireServer, type LlmWireServer } from '../llm-wire-server';
import { TEST_JWT_SECRET } from '../stack';
import { call, poll } from './http';
import { killAllServices, startApiProcess, startWorkerProcess, type ApiProcess } from './processes';
import { ms, recordOutcome } from './record';
import { describeRun, expectRunIntact, summarizeRun } from './run-checks';
import { graph, saveWorkflow, seconds, sleep, startExecution, waitForEvent, waitForTerminal } from './run-helpers';

// Separate processes cannot share PGlite; global-setup.ts prints why this is skipped without DATABASE_URL.
const runProcesses = Boolean(process.env.DATABASE_URL);

const DOWN_MS = 3_000;

(runProcesses ? describe : describe.skip)('a Temporal dev server restart with a persistent db file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-faults-temporal-'));
  const dbFilename = join(dir, 'temporal.sqlite');
  const taskQueue = `faults-${randomUUID()}`;
  const user = `faults-temporal-${Date.now()}`;
  const token = mintToken({ sub: user, secret: TEST_JWT_SECRET });
  let port: number;
  let server: DevServer;
  let database: DatabaseHandle;
  let temporalConnection: Awaited<ReturnType<typeof connectTemporal>> | undefined;
  let temporal: Client;
  let wire: LlmWireServer;
  let api: ApiProcess;

  beforeAll(async () => {
    port = await freePort();
    server = await startTemporalDevServer({ port, dbFilename });
    database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 });
    temporalConnection = await connectTemporal(server.address);
    temporal = new Client({ connection: temporalConnection.connection, namespace: 'default' });
    wire = await startLlmWireServer();
    // No reconciler here: it would judge the shared database's other executions against this separate server.
    [, api] = await Promise.all([
      startWorkerProcess({ temporalAddress: server.address, taskQueue, llmBaseUrl: wire.baseUrl, reconcileIntervalMs: 0 }),
      startApiProcess({ temporalAddress: server.address, taskQueue }),
    ]);
  });
  afterAll(async () => {
    await killAllServices();
    await wire?.close();
    await temporalConnection?.close();
    await database?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('[F3] a run survives a restart of the Temporal server mid-node and completes', async () => {
    const definition = {
      nodes: [graph.input(), graph.llm('a', 'slow-3000'), graph.llm('b', 'slow-1000'), graph.output()],
      edges: graph.chain('in', 'a', 'b', 'out'),
    };
    const id = await startExecution(api.url, token, await saveWorkflow(api.url, token, definition));
    await waitForEvent(database.db, id, (e) => e.type === 'node.started' && e.nodeId === 'a');
    await server.stop();
    const stoppedAt = Date.now();
    const down = await call(api.url, 'get', '/readyz');
    await sleep(DOWN_MS);
    server = await startTemporalDevServer({ port, dbFilename });
    const restartedAt = Date.now();
    await poll(
      () => call(api.url, 'get', '/readyz'),
      (r) => r.status === 200,
      60_000,
      100,
    );
    const greenAfter = Date.now() - restartedAt;
    await waitForTerminal(database.db, id);
    const doneAfter = Date.now() - restartedAt;
    const run = await summarizeRun(database.db, temporal, id);
    recordOutcome(
      'completed; each node output once; seq gapless',
      `server stopped during node a, back after ${seconds(restartedAt - stoppedAt)} (same db file and port); /readyz ${down.status} (temporal=${(down.body.checks as { temporal?: boolean } | undefined)?.temporal}) while down, green ${ms(greenAfter)} after; run ended ${seconds(doneAfter)} after the restart; max node attempts ${run.maxAttempt}; ${describeRun(run)}`,
    );
    expect(down.status).toBe(503);
    expectRunIntact(run, { status: 'completed', temporalStatus: 'COMPLETED', completedNodes: ['in', 'a', 'b', 'out'] });
  });
});
