import { findExecution, temporalWorkflowIdOf, type Execution } from '@trellis/db';
import type { ApiDeps } from '../deps';

/** Waits (bounded by SYNC_WAIT_MS) for a sync-mode run to end, then reads the final row. */
export async function waitForEnd(deps: ApiDeps, execution: Execution): Promise<Execution> {
  const handle = deps.temporal.workflow.getHandle(temporalWorkflowIdOf(execution));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    handle.result().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, deps.settings.syncWaitMs))),
  ]);
  clearTimeout(timer);
  return (await findExecution(deps.database.db, execution.id)) ?? execution;
}
