import { dirname, join } from 'node:path';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundle, type WorkflowBundleOption } from '@temporalio/worker';
import type { Database, EventAnnouncer } from '@trellis/db';
import { DEFAULT_NODE_OUTPUT_MAX_BYTES, type ExpressionEvaluator, type LlmProviderRegistry } from '@trellis/executors';
import type { Logger } from 'pino';
import { createGraphActivities } from './activities/graph-activities';
import { createBulkActivities } from './activities/bulk-activities';
import { createHumanActivities } from './activities/human-activities';
import { createRerunActivities } from './activities/rerun-activities';
import { createTestSessionActivities } from './activities/test-session-activities';
import { withPublicErrors } from './activities/public-errors';

export interface CreateWorkerParams {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** Announces committed events to API processes; one per worker process, closed by its owner. */
  announcer: EventAnnouncer;
  llm: LlmProviderRegistry;
  /** Evaluates expressions and templates (createExpressionPool); its owner closes it after the worker stops. */
  expressions: ExpressionEvaluator;
  /** Largest node output as JSON in bytes; default DEFAULT_NODE_OUTPUT_MAX_BYTES. */
  maxOutputBytes?: number;
  log: Logger;
  maxConcurrentActivities?: number;
  /** Cache and concurrency limits (WORKER_* settings); the SDK's defaults where unset. */
  maxCachedWorkflows?: number;
  maxConcurrentWorkflowTasks?: number;
  maxConcurrentLocalActivities?: number;
  /** A prebuilt bundle (tests build one per run); bundled on first use otherwise. */
  bundle?: WorkflowBundleOption;
}

/** A Temporal worker running Trellis's workflows and node activities on one task queue. */
export async function createTrellisWorker(params: CreateWorkerParams): Promise<Worker> {
  return Worker.create({
    connection: params.connection,
    namespace: params.namespace,
    taskQueue: params.taskQueue,
    workflowBundle: params.bundle ?? (await workflowBundle()),
    activities: withPublicErrors(
      {
        ...createGraphActivities({
          db: params.db,
          announcer: params.announcer,
          llm: params.llm,
          expressions: params.expressions,
          maxOutputBytes: params.maxOutputBytes ?? DEFAULT_NODE_OUTPUT_MAX_BYTES,
          log: params.log,
        }),
        ...createTestSessionActivities({ db: params.db, announcer: params.announcer }),
        ...createHumanActivities({ db: params.db, announcer: params.announcer, llm: params.llm, expressions: params.expressions }),
        ...createRerunActivities({ db: params.db, announcer: params.announcer }),
        ...createBulkActivities({ db: params.db, temporal: new Client({ connection: params.connection, namespace: params.namespace }) }),
      },
      params.log,
    ),
    maxConcurrentActivityTaskExecutions: params.maxConcurrentActivities ?? 200,
    maxCachedWorkflows: params.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: params.maxConcurrentWorkflowTasks,
    maxConcurrentLocalActivityExecutions: params.maxConcurrentLocalActivities,
  });
}

let bundle: Promise<WorkflowBundle> | undefined;

/** Bundles the workflow code once per process; every worker in it shares the bundle. */
export function workflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: join(dirname(require.resolve('@trellis/workflows/package.json')), 'src', 'workflows.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  return bundle;
}
