import { sql } from 'drizzle-orm';
import type { Usage } from '@trellis/core';
import type { DbOrTx } from '../client';
import type { ExecutionEvent, NewEvent } from './events';
import { FRESH_COUNT, freshEvents, insertFreshEvents, writtenEvents } from './event-statement';

export interface NodeCompletion {
  executionId: string;
  nodeId: string;
  nodeType: string;
  attempt: number;
  /** Written too when the attempt's start was not recorded separately (local activities). */
  input?: unknown;
  output: unknown;
  usage: Usage | null;
  startedAt: Date;
  finishedAt: Date;
  totalNodes: number;
  /** Appended in order with the next gapless seqs; keys already present are skipped. */
  events: NewEvent[];
}

/**
 * Records a completed node in one statement (one round trip, no explicit transaction): the node row, the
 * execution's progress and current nodes, and its events. Idempotent like recordNodeFinished: when the node
 * had already finished nothing is written. Returns the events written, to be announced by the caller.
 *
 * This is the hot path of every run, hence one data-modifying CTE rather than the five statements
 * recordNodeFinished + markNodesDone + appendEvents take. The UPDATE of the execution row takes its lock,
 * so concurrent completions of one execution get consecutive seqs.
 */
export async function recordNodeCompletion(db: DbOrTx, c: NodeCompletion): Promise<ExecutionEvent[]> {
  const durationMs = c.finishedAt.getTime() - c.startedAt.getTime();
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  const inputUpdate = c.input !== undefined ? sql`input = excluded.input,` : sql``;
  const result = await db.execute(sql`
    with node as (
      insert into node_executions
        (execution_id, node_id, node_type, status, attempt, input, output, error, usage, started_at, finished_at, duration_ms)
      values (${c.executionId}, ${c.nodeId}, ${c.nodeType}, 'completed', ${c.attempt}, ${json(c.input)}::jsonb,
        ${json(c.output)}::jsonb, null, ${json(c.usage)}::jsonb, ${c.startedAt.toISOString()}::timestamptz,
        ${c.finishedAt.toISOString()}::timestamptz, ${durationMs})
      on conflict (execution_id, node_id) do update set
        node_type = excluded.node_type, status = excluded.status, attempt = excluded.attempt, ${inputUpdate}
        output = excluded.output, error = null, usage = excluded.usage, started_at = excluded.started_at,
        finished_at = excluded.finished_at, duration_ms = excluded.duration_ms
        where node_executions.status not in ('completed', 'skipped', 'failed')
      returning 1
    ),
    ${freshEvents(c.executionId, c.events)},
    execution as (
      update executions set
        current_nodes = current_nodes - ${c.nodeId}::text,
        completed_nodes = completed_nodes + 1,
        total_nodes = ${c.totalNodes},
        progress = least(1.0, (completed_nodes + 1)::real / greatest(${c.totalNodes}, 1)),
        last_seq = last_seq + ${FRESH_COUNT},
        updated_at = now()
      where id = ${c.executionId} and exists (select 1 from node)
      returning last_seq
    )
    ${insertFreshEvents(c.executionId)}
  `);
  return writtenEvents(result);
}
