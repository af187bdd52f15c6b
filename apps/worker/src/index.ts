import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { openDatabase } from '@trellis/db';
import { createProviderRegistry } from '@trellis/executors';
import { loadLlmSettings, loadWorkerConfig } from './config';
import { createLogger } from './logger';
import { startReconciler } from './reconciler';
import { createTrellisWorker } from './worker';

/** `npm run start:worker`: one worker process against TEMPORAL_ADDRESS and a real Postgres. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  if (!config.DATABASE_URL) {
    console.error('Invalid worker configuration:\n  DATABASE_URL: required (a separate worker process cannot share embedded PGlite; use `npm start` for that)');
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL, 'worker');
  const llm = createProviderRegistry(loadLlmSettings(config));
  if (llm.defaultProvider === 'echo') log.warn('no LLM provider configured: llm nodes without a provider use the offline echo provider');
  log.info({ providers: llm.names?.(), default: llm.defaultProvider }, 'LLM providers');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const database = await openDatabase({ url: config.DATABASE_URL });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createTrellisWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db: database.db,
    llm,
    log,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const reconciler =
    config.RECONCILE_INTERVAL_MS > 0
      ? startReconciler({
          db: database.db,
          temporal: new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE }),
          log,
          intervalMs: config.RECONCILE_INTERVAL_MS,
          lostStartAfterMs: config.RECONCILE_LOST_START_MS,
        })
      : undefined;
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker started');
  // Runtime handles SIGINT/SIGTERM by shutting the worker down gracefully; run() resolves after that.
  await worker.run();
  await reconciler?.stop();
  await clientConnection.close();
  await connection.close();
  await database.close();
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`worker failed: ${error.message}`);
    process.exit(1);
  });
}
