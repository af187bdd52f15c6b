import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { createEventAnnouncer, findExecution, openDatabase, temporalWorkflowIdOf, type DatabaseHandle } from '@trellis/db';
import { startTemporalDevServer } from '@trellis/devstack';
import { createExpressionPool, createProviderRegistry } from '@trellis/executors';
import { mintToken } from '../apps/api/src/auth/jwt';
import { EventHub } from '../apps/api/src/events/event-hub';
import { startApiServer } from '../apps/api/src/server';
import type { ApiDeps } from '../apps/api/src/deps';
import { expressionSettings, loadWorkerConfig, workerLimits } from '../apps/worker/src/config';
import { createTrellisWorker } from '../apps/worker/src/worker';
import { startLlmWireServer, wireProviders, type LlmWireServer } from '../test/llm-wire-server';
import { createBaselineWorker } from './baseline/worker';

export const EAGER_START = process.env.BENCH_EAGER !== '0';
const BENCH_JWT_SECRET = 'bench-secret-at-least-32-characters-long';

/** Everything a scenario drives: the API over HTTP, the platform's Temporal client and DB, and the baseline's queue. */
export interface BenchStack {
  apiUrl: string;
  database: DatabaseHandle;
  temporal: Client;
  /** The Trellis worker (its `getStatus()` reports the workflow cache). */
  worker: Worker;
  /** The cache and concurrency limits it was created with. */
  workerLimits: ReturnType<typeof workerLimits>;
  /** Loopback LLM server behind the `wire` provider; its model name picks the behaviour (e.g. `slow-5000`). */
  llmWire: LlmWireServer;
  /** Task queue of the plain-Temporal baseline worker. */
  baselineQueue: string;
  temporalAddress: string;
  /** True when the harness started its own dev server (false: TEMPORAL_ADDRESS was given). */
  ownDevServer: boolean;
  tokenFor(sub: string): string;
  close(): Promise<void>;
}

/** Starts the embedded stack in this process: dev server (unless TEMPORAL_ADDRESS), DB, Trellis worker, API, baseline worker. */
export async function startBenchStack(): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const server = process.env.TEMPORAL_ADDRESS ? undefined : await startTemporalDevServer();
  const address = process.env.TEMPORAL_ADDRESS ?? server!.address;
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  await database.migrate();
  const log = pino({ level: 'silent' });
  const taskQueue = `bench-${randomUUID()}`;
  const baselineQueue = `bench-baseline-${randomUUID()}`;

  // Echo stays the default provider; `wire` is there for scenarios that need a real, slow HTTP call.
  const llmWire = await startLlmWireServer();
  const llm = createProviderRegistry(wireProviders(llmWire));
  const nativeConnection = await NativeConnection.connect({ address });
  // Cache and concurrency limits as the worker's config gives them (its defaults, or WORKER_* overrides).
  const limits = workerLimits(loadWorkerConfig());
  // As in the worker (apps/worker/src/services.ts): on Postgres, announcements have a connection of their own.
  const announcements = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, poolSize: 1 }) : undefined;
  const announcer = createEventAnnouncer((announcements ?? database).db);
  // The expression sandbox as the worker's config gives it (its defaults, or EXPRESSION_* overrides).
  const { pool, maxOutputBytes } = expressionSettings(loadWorkerConfig());
  const expressions = createExpressionPool(pool);
  const worker = await createTrellisWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    db: database.db,
    announcer,
    llm,
    expressions,
    maxOutputBytes,
    log,
    ...limits,
  });
  const baselineWorker = await createBaselineWorker({ connection: nativeConnection, taskQueue: baselineQueue });
  const running = [worker.run(), baselineWorker.run()];

  // As in `npm start`, the API shares the worker's connection and starts runs eagerly (BENCH_EAGER=0: separate
  // connection, no eager start, as when API and worker run as separate processes).
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection: EAGER_START ? nativeConnection : connection, namespace: 'default' });
  const deps: ApiDeps = {
    database,
    temporal,
    log,
    hub: new EventHub(database, log),
    jwt: { secret: BENCH_JWT_SECRET },
    settings: {
      namespace: 'default',
      taskQueue,
      temporalUiUrl: '',
      syncWaitMs: 60_000,
      bodyLimit: '1mb',
      // The benchmark measures the platform, not its per-user quotas.
      limits: { startsPerMinute: 1_000_000, writesPerMinute: 1_000_000, historyReadsPerMinute: 1_000_000, maxLiveExecutions: 1_000_000 },
      // Scenario 5 opens 1,000 sockets on one execution as one user.
      ws: { maxConnectionsPerUser: 5_000 },
      eagerStart: EAGER_START,
      // As in production (NODE_ENV=production): answers are not checked against their declared schemas.
      checkResponses: false,
    },
  };
  const api = await startApiServer(deps, { port: 0, host: '127.0.0.1' });
  return {
    apiUrl: api.url,
    database,
    temporal,
    worker,
    workerLimits: limits,
    llmWire,
    baselineQueue,
    temporalAddress: address,
    ownDevServer: !server ? false : true,
    tokenFor: (sub) => mintToken({ sub, secret: BENCH_JWT_SECRET }),
    close: async () => {
      await api.close();
      worker.shutdown();
      baselineWorker.shutdown();
      await Promise.all(running);
      await expressions.close();
      await announcer.close();
      await announcements?.close();
      await connection.close();
      await nativeConnection.close();
      await database.close();
      await llmWire.close();
      await server?.stop();
    },
  };
}

/** Waits for the Temporal run behind an execution row to finish (its workflow id is chosen per row by the server). */
export async function awaitRun(stack: Pick<BenchStack, 'database' | 'temporal'>, executionId: string): Promise<void> {
  const row = await findExecution(stack.database.db, executionId);
  if (!row) throw new Error(`no execution ${executionId}`);
  await stack.temporal.workflow.getHandle(temporalWorkflowIdOf(row)).result();
}
