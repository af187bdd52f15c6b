import type { z } from 'zod';
import { listExecutionWaits, type Database, type Execution, type HumanWait, type HumanWaitView } from '@trellis/db';
import type { Wait } from '../openapi/human-responses';
import type { OpenWait } from '../openapi/responses';

/** An open wait as /status shows it. */
export function toOpenWait(wait: HumanWait): z.infer<typeof OpenWait> {
  return {
    node_id: wait.nodeId,
    prompt: wait.prompt,
    form: wait.form,
    assignees: wait.assignees,
    expires_at: wait.expiresAt.toISOString(),
  };
}

/** A wait as the caller's inbox (GET /waits) lists it, with its status as the inbox sees it. */
export function toWaitDto(wait: HumanWait & { view: HumanWaitView }): z.infer<typeof Wait> {
  return {
    execution_id: wait.executionId,
    workflow_id: wait.workflowId,
    node_id: wait.nodeId,
    prompt: wait.prompt,
    form: wait.form,
    assignees: wait.assignees,
    created_at: wait.createdAt.toISOString(),
    expires_at: wait.expiresAt.toISOString(),
    status: wait.view,
    answered_by: wait.answeredBy,
    answered_at: wait.answeredAt?.toISOString() ?? null,
  };
}

/** The open waits of a run, as /status shows them (only a waiting or paused run can have any). */
export async function openWaitsOf(db: Database, execution: Execution) {
  if (execution.status !== 'waiting' && execution.status !== 'paused') return [];
  const waits = await listExecutionWaits(db, execution.id);
  return waits.filter((w) => w.status === 'open').map(toOpenWait);
}
