import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '@trellis/db';
import { loadWorkerConfig } from './config';
import { createLogger } from './logger';
import { startWorkerMetricsServer } from './metrics-server';
import { installWorkerRuntime } from './runtime';
import { createWorkerServices } from './services';

/** `npm run start:worker`: one worker process against TEMPORAL_ADDRESS and a real Postgres. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  if (!config.DATABASE_URL) {
    console.error(
      'Invalid worker configuration:\n  DATABASE_URL: required (a separate worker process cannot share embedded PGlite; use `npm start` for that)',
    );
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL, 'worker');
  const runtime = await installWorkerRuntime({ metrics: config.METRICS_PORT !== undefined });
  const metrics =
    config.METRICS_PORT === undefined
      ? undefined
      : await startWorkerMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST, runtimeMetricsUrl: runtime.metricsUrl });
  const database = await openDatabase({ url: config.DATABASE_URL });
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
  const services = await createWorkerServices({ config, db: database.db, temporal, log });
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS, metrics: metrics?.url }, 'worker started');
  // Runtime handles SIGINT/SIGTERM by shutting the worker down gracefully; run() resolves after that.
  await services.worker.run();
  await services.close();
  await metrics?.close();
  await clientConnection.close();
  await database.close();
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`worker failed: ${error.message}`);
    process.exit(1);
  });
}
