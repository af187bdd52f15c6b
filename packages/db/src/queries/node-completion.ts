import { sql } from 'drizzle-orm';
import type { Usage } from '@trellis/core';
import type { DbOrTx } from '../client';
import type { ExecutionEvent, NewEvent } from './events';

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
  const events = c.events.map((e) => ({
    key: e.key,
    type: e.type,
    message: e.message,
    status: e.status ?? null,
    node_id: e.nodeId ?? null,
    level: e.level ?? 'info',
    data: e.data ?? null,
  }));
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
    fresh as (
      select e.value, row_number() over (order by e.ord) as n
      from jsonb_array_elements(${JSON.stringify(events)}::jsonb) with ordinality as e(value, ord)
      where not exists (
        select 1 from execution_events x where x.execution_id = ${c.executionId} and x.key = e.value->>'key'
      )
    ),
    execution as (
      update executions set
        current_nodes = current_nodes - ${c.nodeId}::text,
        completed_nodes = completed_nodes + 1,
        total_nodes = ${c.totalNodes},
        progress = least(1.0, (completed_nodes + 1)::real / greatest(${c.totalNodes}, 1)),
        last_seq = last_seq + (select count(*) from fresh),
        updated_at = now()
      where id = ${c.executionId} and exists (select 1 from node)
      returning last_seq
    )
    insert into execution_events (execution_id, seq, key, type, status, node_id, level, message, data)
    select ${c.executionId}, execution.last_seq - (select count(*) from fresh) + fresh.n,
      fresh.value->>'key', fresh.value->>'type', fresh.value->>'status', fresh.value->>'node_id',
      fresh.value->>'level', fresh.value->>'message', nullif(fresh.value->'data', 'null'::jsonb)
    from execution, fresh
    order by fresh.n
    returning execution_id, seq, key, type, status, node_id, level, message, data, created_at
  `);
  const written = rowsOf(result).map((row) => ({
    executionId: row.execution_id,
    seq: Number(row.seq),
    key: row.key,
    type: row.type,
    status: row.status,
    nodeId: row.node_id,
    level: row.level,
    message: row.message,
    data: row.data,
    createdAt: new Date(row.created_at),
  }));
  return written.sort((a, b) => a.seq - b.seq);
}

interface EventRow {
  execution_id: string;
  seq: number | string;
  key: string;
  type: string;
  status: string | null;
  node_id: string | null;
  level: ExecutionEvent['level'];
  message: string;
  data: unknown;
  created_at: string | Date;
}

// pg's QueryResult and PGlite's Results both carry `rows`.
const rowsOf = (result: unknown): EventRow[] => (result as { rows: EventRow[] }).rows;
