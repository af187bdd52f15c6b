import { NativeConnection } from '@temporalio/worker';
import { openDatabase } from '@trellis/db';
import { startApiActivityWorker } from './api-activity-worker';
import { buildApiDeps } from './build-deps';
import { loadApiConfig } from './config';
import { createLogger } from './logger';
import { startApiServer } from './server';

/** `npm run start:api`: one API process against TEMPORAL_ADDRESS and a real Postgres. */
async function main(): Promise<void> {
  const config = loadApiConfig();
  if (!config.DATABASE_URL) {
    console.error('Invalid API configuration:\n  DATABASE_URL: required (use `npm start` for the embedded database)');
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL, 'api');
  const database = await openDatabase({ url: config.DATABASE_URL });
  await database.migrate();
  const deps = await buildApiDeps(config, database, log);
  const activityConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const activities = await startApiActivityWorker(deps, activityConnection);
  const api = await startApiServer(deps, { port: config.PORT, host: config.HOST });
  log.info({ url: api.url, metrics: api.metricsUrl }, 'api listening');
  const shutdown = async () => {
    log.info('shutting down');
    await api.close();
    await activities.close();
    await activityConnection.close();
    await deps.temporal.connection.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`api failed: ${error.message}`);
    process.exit(1);
  });
}
