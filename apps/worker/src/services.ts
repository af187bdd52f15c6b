import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createEventAnnouncer, openDatabase, type Database } from '@trellis/db';
import { createExpressionPool, createProviderRegistry } from '@trellis/executors';
import type { Logger } from 'pino';
import { expressionSettings, loadLlmSettings, workerLimits, type WorkerConfig } from './config';
import { startReconciler } from './reconciler';
import { startRetention } from './retention';
import { createTrellisWorker } from './worker';

export interface WorkerServices {
  /** The Temporal worker; the caller runs it (`worker.run()`). */
  worker: Worker;
  /** Stops the reconciler and closes the worker's connection; call after the worker has stopped. */
  close(): Promise<void>;
}

/**
 * The worker side of Trellis on an open database: LLM providers from config, the Temporal worker, the
 * reconciler loop and retention (when RETENTION_DAYS is set). Shared by `npm run start:worker` and the all-in-one `npm start`.
 */
export async function createWorkerServices(params: {
  config: WorkerConfig;
  db: Database;
  /** Client the reconciler describes runs with. */
  temporal: Client;
  log: Logger;
  /** A connection to share (npm start shares it with the API for eager starts); the caller closes it. */
  connection?: NativeConnection;
}): Promise<WorkerServices> {
  const { config, db, log } = params;
  const llm = createProviderRegistry(loadLlmSettings(config));
  if (llm.defaultProvider === 'echo') log.warn('no LLM provider configured: llm nodes without a provider use the offline echo provider');
  log.info({ providers: llm.names?.(), default: llm.defaultProvider }, 'LLM providers');
  // Announcements get a connection of their own: on the pool they would queue behind the writes they announce.
  const announcements = config.DATABASE_URL ? await openDatabase({ url: config.DATABASE_URL, poolSize: 1 }) : undefined;
  const announcer = createEventAnnouncer(announcements?.db ?? db, {
    onError: (error) => log.warn({ err: error }, 'event announcement failed'),
  });
  const connection = params.connection ?? (await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }));
  const { pool, maxOutputBytes } = expressionSettings(config);
  const expressions = createExpressionPool(pool);
  const worker = await createTrellisWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    announcer,
    llm,
    expressions,
    maxOutputBytes,
    log,
    ...workerLimits(config),
    bundle: config.WORKFLOW_BUNDLE_PATH ? { codePath: config.WORKFLOW_BUNDLE_PATH } : undefined,
  });
  const reconciler =
    config.RECONCILE_INTERVAL_MS > 0
      ? startReconciler({
          db,
          announcer,
          temporal: params.temporal,
          log,
          intervalMs: config.RECONCILE_INTERVAL_MS,
          lostStartAfterMs: config.RECONCILE_LOST_START_MS,
          batchSize: config.RECONCILE_BATCH_SIZE,
        })
      : undefined;
  const retention =
    config.RETENTION_DAYS !== undefined
      ? startRetention({ db, log, retentionDays: config.RETENTION_DAYS, intervalMs: config.RETENTION_INTERVAL_MS })
      : undefined;
  return {
    worker,
    close: async () => {
      await reconciler?.stop();
      await retention?.stop();
      await expressions.close();
      await announcer.close();
      await announcements?.close();
      if (!params.connection) await connection.close();
    },
  };
}
