// `npm start`: the whole platform in one process on embedded defaults — Temporal dev server (child
// process), PGlite (unless DATABASE_URL), migrations, worker and API. Ctrl-C stops everything.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { buildApiDeps } from '../apps/api/src/build-deps';
import { loadApiConfig } from '../apps/api/src/config';
import { mintToken } from '../apps/api/src/auth/jwt';
import { createLogger } from '../apps/api/src/logger';
import { startApiServer } from '../apps/api/src/server';
import { startApiActivityWorker } from '../apps/api/src/api-activity-worker';
import { loadWorkerConfig } from '../apps/worker/src/config';
import { workerMetrics } from '../apps/worker/src/metrics';
import { installWorkerRuntime } from '../apps/worker/src/runtime';
import { createWorkerServices } from '../apps/worker/src/services';
import { startTemporalDevServer, type DevServer } from '@trellis/devstack';
import { openDatabase } from '@trellis/db';
import { ensureConsoleBuilt } from './console-build';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  process.env.JWT_SECRET ??= devSecret(dataDir);
  // The embedded dev stack answers this machine only unless HOST says otherwise.
  const hostFromEnv = process.env.HOST;
  process.env.HOST ??= '127.0.0.1';
  const log = createLogger(process.env.LOG_LEVEL ?? 'info', 'trellis');
  ensureConsoleBuilt((message) => log.info(message));

  let devServer: DevServer | undefined;
  if (!process.env.TEMPORAL_ADDRESS) {
    log.info('starting the Temporal dev server');
    devServer = await startTemporalDevServer({
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      dbFilename: join(dataDir, 'temporal.sqlite'),
      log: (m) => log.info(m),
    });
    process.env.TEMPORAL_ADDRESS = devServer.address;
    process.env.TEMPORAL_UI_URL ??= devServer.uiUrl;
  }
  const apiConfig = loadApiConfig();
  const workerConfig = loadWorkerConfig();
  const database = await openDatabase({ url: apiConfig.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
  await database.migrate();

  const metricsServed = apiConfig.METRICS_PORT !== undefined || apiConfig.METRICS_TOKEN !== undefined;
  const runtime = await installWorkerRuntime({ metrics: metricsServed, shutdownSignals: [] });
  // API and worker share one connection, so new runs start eagerly on this process's worker.
  const connection = await NativeConnection.connect({ address: apiConfig.TEMPORAL_ADDRESS });
  const deps = {
    ...(await buildApiDeps(apiConfig, database, log.child({ app: 'api' }), connection)),
    metricsRegistries: [workerMetrics],
    metricsForward: runtime.metricsUrl ? [runtime.metricsUrl] : [],
  };
  const services = await createWorkerServices({
    config: workerConfig,
    db: database.db,
    temporal: deps.temporal,
    log: log.child({ app: 'worker' }),
    connection,
  });
  const workerRun = services.worker.run();
  const apiActivities = await startApiActivityWorker(deps, connection);
  const api = await startApiServer(deps, { port: apiConfig.PORT, host: apiConfig.HOST });
  const token = mintToken({ sub: 'dev', secret: process.env.JWT_SECRET!, ttlSeconds: 7 * 24 * 3600 });
  const port = Number(new URL(api.url).port);
  const host = ['0.0.0.0', '127.0.0.1', '::', 'localhost'].includes(apiConfig.HOST) ? 'localhost' : apiConfig.HOST;
  const consoleUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  console.log(
    [
      '',
      'Trellis is running.',
      `  Console:      ${consoleUrl}/#token=${token}`,
      '                (opens signed in as "dev"; the token stays in the URL fragment, never sent to a server)',
      `  API:          ${consoleUrl}/api/v1  (docs: ${consoleUrl}/docs)`,
      `  Temporal UI:  ${apiConfig.TEMPORAL_UI_URL}`,
      `  Database:     ${database.kind === 'pglite' ? `embedded PGlite (${join(dataDir, 'pglite')})` : 'Postgres (DATABASE_URL)'}`,
      `  Listening:    ${hostFromEnv ? `${apiConfig.HOST}:${port} (HOST)` : `127.0.0.1:${port} only, this machine (set HOST=0.0.0.0 to accept others)`}`,
      `  Metrics:      ${api.metricsUrl ?? (metricsServed ? `${consoleUrl}/metrics (Authorization: Bearer $METRICS_TOKEN)` : 'off (set METRICS_PORT or METRICS_TOKEN)')}`,
      `  Dev token:    ${token}`,
      '  (mint others with: npm run token -- --sub alice --ttl 1h)',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await api.close().catch(() => undefined);
    await apiActivities.close();
    services.worker.shutdown();
    await workerRun.catch(() => undefined);
    await services.close().catch(() => undefined);
    await deps.temporal.connection.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await devServer?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** A JWT secret kept under the data dir, so dev tokens survive restarts. */
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

main().catch((error: Error) => {
  console.error(`trellis failed to start: ${error.message}`);
  process.exit(1);
});
