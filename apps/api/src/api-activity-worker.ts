import { Worker, type NativeConnection } from '@temporalio/worker';
import type { ApiDeps } from './deps';
import { createBulkRerunActivities } from './services/bulk-rerun-activities';

/** The task queue of the API processes' activity worker, beside the workers' queue. */
export const apiActivityQueueOf = (taskQueue: string) => `${taskQueue}.api`;

export interface ApiActivityWorker {
  /** Stops polling, lets the activities in flight finish, and resolves once the worker has stopped. */
  close(): Promise<void>;
}

/**
 * Runs the activities that start executions on behalf of a workflow (bulk re-runs) in the API process, so they go
 * through the API's own start path, settings and limits. Activities only: no workflow runs here.
 */
export async function startApiActivityWorker(deps: ApiDeps, connection: NativeConnection): Promise<ApiActivityWorker> {
  const worker = await Worker.create({
    connection,
    namespace: deps.settings.namespace,
    taskQueue: apiActivityQueueOf(deps.settings.taskQueue),
    activities: createBulkRerunActivities(deps),
    maxConcurrentActivityTaskExecutions: 4,
  });
  const running = worker.run();
  running.catch((error: Error) => deps.log.error({ err: error }, 'API activity worker failed'));
  return {
    close: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
    },
  };
}
