import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { Express } from 'express';
import pino from 'pino';
import { startApiActivityWorker } from '../apps/api/src/api-activity-worker';
import { createApp } from '../apps/api/src/app';
import { mintToken } from '../apps/api/src/auth/jwt';
import { EventHub } from '../apps/api/src/events/event-hub';
import { connectTemporal } from '../apps/api/src/temporal-connection';
import type { ApiDeps } from '../apps/api/src/deps';
import { createTrellisWorker } from '../apps/worker/src/worker';
import { createEventAnnouncer, openDatabase, type DatabaseHandle } from '@trellis/db';
import { createExpressionPool, createProviderRegistry, type ExpressionPoolOptions } from '@trellis/executors';
import { startLlmWireServer, wireProviders, type LlmWireServer } from './llm-wire-server';

export const TEST_JWT_SECRET = 'integration-test-secret-at-least-32-chars';

/** The real stack for one test file: Temporal (shared dev server), Postgres or PGlite, a worker on its own task queue, the API app. */
export interface TestStack {
  app: Express;
  deps: ApiDeps;
  database: DatabaseHandle;
  taskQueue: string;
  worker: Worker;
  /** The loopback OpenAI-wire server behind the `wire` LLM provider, when asked for. */
  wire?: LlmWireServer;
  tokenFor(sub: string): string;
  close(): Promise<void>;
}

let runtimeInstalled = false;

export interface TestStackOptions {
  wireLlm?: boolean;
  /** Run the worker on this queue (e.g. a restarted stack picking up a previous one's workflows). */
  taskQueue?: string;
  /** An open database the caller owns (so it outlives the stack; close() leaves it open). */
  database?: DatabaseHandle;
  /** The worker's expression sandbox (default: the worker's defaults). */
  expressionPool?: ExpressionPoolOptions;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run integration tests through jest (global setup starts Temporal)');
  const database = options.database ?? (await openDatabase({ url: process.env.DATABASE_URL, poolSize: 5 }));
  await database.migrate();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  const wire = options.wireLlm ? await startLlmWireServer() : undefined;
  const llm = createProviderRegistry(wire ? wireProviders(wire) : {});

  const nativeConnection = await NativeConnection.connect({ address });
  const announcer = createEventAnnouncer(database.db);
  const expressions = createExpressionPool(options.expressionPool);
  const worker = await createTrellisWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    db: database.db,
    announcer,
    llm,
    expressions,
    log,
    bundle: { codePath: process.env.TRELLIS_TEST_WORKFLOW_BUNDLE! },
  });
  const running = worker.run();

  const temporal = await connectTemporal(address);
  const connection = temporal.connection;
  const deps: ApiDeps = {
    database,
    temporal: new Client({ connection, namespace: 'default' }),
    log,
    hub: new EventHub(database, log),
    jwt: { secret: TEST_JWT_SECRET },
    settings: { namespace: 'default', taskQueue, temporalUiUrl: 'http://localhost:8233', syncWaitMs: 20_000, bodyLimit: '1mb' },
  };
  await deps.hub.start();
  const apiActivities = await startApiActivityWorker(deps, nativeConnection);
  return {
    app: createApp(deps),
    deps,
    database,
    taskQueue,
    worker,
    wire,
    tokenFor: (sub) => mintToken({ sub, secret: TEST_JWT_SECRET }),
    close: async () => {
      await apiActivities.close();
      worker.shutdown();
      await running;
      await expressions.close();
      await announcer.close();
      await deps.hub.stop();
      // Not awaited: the channel stays open a few seconds for calls still settling, then closes.
      void temporal.close({ graceMs: 3_000 });
      await nativeConnection.close();
      if (!options.database) await database.close();
      await wire?.close();
    },
  };
}

/** Polls `read` until `done` holds or the deadline passes; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
