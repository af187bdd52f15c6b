import { sql, type SQL } from 'drizzle-orm';
import { eventsOfResult } from './event-rows';
import type { ExecutionEvent, NewEvent } from './events';

/**
 * Pieces of single-statement writes that append events (see recordNodeCompletions, recordExecutionTransition):
 * `fresh` lists the events whose key the execution lacks, numbered 1..n; the row update adds FRESH_COUNT to
 * last_seq under the execution row's lock and returns it as `execution`; the final insert gives the events the
 * seqs just reserved. Seqs stay gapless: a duplicate key never reserves one. With `ofWrittenNodes`, only events of
 * the node ids a preceding `node` CTE returned are fresh; `statusEvents` gates the first and last event on
 * conditions of their own instead (status changes written around the node records).
 */
export function freshEvents(
  executionId: string,
  events: NewEvent[],
  options: { ofWrittenNodes?: boolean; statusEvents?: { first?: SQL; last?: SQL } } = {},
): SQL {
  const rows = events.map((e) => ({
    key: e.key,
    type: e.type,
    message: e.message,
    status: e.status ?? null,
    node_id: e.nodeId ?? null,
    level: e.level ?? 'info',
    data: e.data ?? null,
  }));
  const { first, last } = options.statusEvents ?? {};
  const ofNodes = options.ofWrittenNodes ? sql`e.value->>'node_id' in (select node_id from node)` : sql`true`;
  const written =
    first || last
      ? sql`case ${first ? sql`when e.ord = 1 then ${first} ` : sql``}${last ? sql`when e.ord = ${events.length} then ${last} ` : sql``}else ${ofNodes} end`
      : ofNodes;
  return sql`fresh as (
    select e.value, row_number() over (order by e.ord) as n
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(value, ord)
    where not exists (select 1 from execution_events x where x.execution_id = ${executionId} and x.key = e.value->>'key')
    and ${written}
  )`;
}

export const FRESH_COUNT = sql`(select count(*) from fresh)`;

/** Inserts the fresh events after the `execution` CTE's last_seq and returns them. */
export function insertFreshEvents(executionId: string): SQL {
  return sql`insert into execution_events (execution_id, seq, key, type, status, node_id, level, message, data)
    select ${executionId}, execution.last_seq - ${FRESH_COUNT} + fresh.n,
      fresh.value->>'key', fresh.value->>'type', fresh.value->>'status', fresh.value->>'node_id',
      fresh.value->>'level', fresh.value->>'message', nullif(fresh.value->'data', 'null'::jsonb)
    from execution, fresh
    returning execution_id, seq, key, type, status, node_id, level, message, data, created_at`;
}

/** The events a statement ending in insertFreshEvents returned, in seq order. */
export function writtenEvents(result: unknown): ExecutionEvent[] {
  return eventsOfResult(result).sort((a, b) => a.seq - b.seq);
}
