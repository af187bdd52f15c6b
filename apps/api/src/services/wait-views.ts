import { listExecutionWaits, type Database, type Execution } from '@trellis/db';

/** The open waits of a run, as /status shows them (only a waiting or paused run can have any). */
export async function openWaitsOf(db: Database, execution: Execution) {
  if (execution.status !== 'waiting' && execution.status !== 'paused') return [];
  const waits = await listExecutionWaits(db, execution.id);
  return waits
    .filter((w) => w.status === 'open')
    .map((w) => ({ node_id: w.nodeId, prompt: w.prompt, form: w.form, assignees: w.assignees, expires_at: w.expiresAt.toISOString() }));
}
