import { join } from 'node:path';
import { bundleWorkflowCode, type NativeConnection, Worker } from '@temporalio/worker';
import { createBaselineActivities } from './activities';

/** A worker for the baseline workflows on its own task queue (same dev server as the platform's). */
export async function createBaselineWorker(params: { connection: NativeConnection; taskQueue: string }): Promise<Worker> {
  const bundle = await bundleWorkflowCode({
    workflowsPath: join(__dirname, 'workflows.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  return Worker.create({
    connection: params.connection,
    namespace: 'default',
    taskQueue: params.taskQueue,
    workflowBundle: bundle,
    activities: createBaselineActivities(),
    maxConcurrentActivityTaskExecutions: 200,
  });
}
