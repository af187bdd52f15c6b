import { sql } from 'drizzle-orm';
import type { Usage } from '@trellis/definition';
import type { DbOrTx } from '../client';
import type { ExecutionEvent, NewEvent } from './events';
import { FRESH_COUNT, freshEvents, insertFreshEvents, writtenEvents } from './event-statement';
import { nodeProgressColumns } from './node-progress';
import { insertReusedNodes, reusedEvents, type ReusedNodes } from './reused-nodes';
import type { StatusChange } from './status-changes';
import { patchColumns, statusAfter, statusGate } from './status-changes/status-gate';

/** One completed node attempt, as its row records it. */
export interface CompletedNode {
  nodeId: string;
  nodeType: string;
  attempt: number;
  /** Written too when the attempt's start was not recorded separately (local activities). */
  input?: unknown;
  output: unknown;
  usage: Usage | null;
  startedAt: Date;
  finishedAt: Date;
}

export interface NodeCompletions {
  executionId: string;
  totalNodes: number;
  nodes: CompletedNode[];
  /** Appended in order with the next gapless seqs; keys already present, and events of nodes not written, are skipped. */
  events: NewEvent[];
  /** A status change written in the same statement, its event before the node events (a run's start). */
  before?: StatusChange;
  /** A status change written in the same statement, its event after the node events (a run's completion). */
  after?: StatusChange;
  /** A re-run's reused nodes, written in the same statement before the completed ones, their events after `before`'s. */
  reused?: ReusedNodes;
}

/**
 * Records completed nodes of one execution in one statement (one round trip, no explicit transaction): the node
 * rows, the execution's progress and current nodes, and their events; with `before`/`after`, also the status
 * changes around them (a small run's start, nodes and completion are then one statement), and with `reused` a
 * re-run's reused nodes (the start of a re-run from a cheap node is one statement too). Idempotent per node: a
 * node that had already finished is left as it is and its events are not written. A status change applies as
 * recordExecutionTransition's would: when its event is new and the transition table allows it from the row's
 * status (locked first, so the check and the update see the same row). Returns the events written, to be
 * announced by the caller.
 *
 * This is the hot path of every run, hence one data-modifying CTE; the lock on the execution row also gives
 * concurrent completions of one execution consecutive seqs.
 */
export async function recordNodeCompletions(db: DbOrTx, c: NodeCompletions): Promise<ExecutionEvent[]> {
  if (c.nodes.length === 0 && !c.before && !c.after && !c.reused?.nodes.length) return [];
  const rows = c.nodes.map((n) => ({
    node_id: n.nodeId,
    node_type: n.nodeType,
    attempt: n.attempt,
    input: n.input ?? null,
    output: n.output ?? null,
    usage: n.usage,
    started_at: n.startedAt.toISOString(),
    finished_at: n.finishedAt.toISOString(),
    duration_ms: n.finishedAt.getTime() - n.startedAt.getTime(),
  }));
  const { before, after, reused } = c;
  const events = [
    ...(before ? [{ ...before.event, nodeId: null }] : []),
    ...(reused ? reusedEvents(reused) : []),
    ...c.events,
    ...(after ? [{ ...after.event, nodeId: null }] : []),
  ];
  const result = await db.execute(sql`
    with ${reused ? sql`${insertReusedNodes(c.executionId, reused)}, completed_node` : sql`node`} as (
      insert into node_executions
        (execution_id, node_id, node_type, status, attempt, input, output, error, usage, started_at, finished_at, duration_ms)
      select ${c.executionId}, r.node_id, r.node_type, 'completed', r.attempt, nullif(r.input, 'null'::jsonb),
        nullif(r.output, 'null'::jsonb), null, nullif(r.usage, 'null'::jsonb), r.started_at, r.finished_at, r.duration_ms
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(node_id text, node_type text, attempt integer,
        input jsonb, output jsonb, usage jsonb, started_at timestamptz, finished_at timestamptz, duration_ms integer)
      on conflict (execution_id, node_id) do update set
        node_type = excluded.node_type, status = excluded.status, attempt = excluded.attempt,
        input = coalesce(excluded.input, node_executions.input), output = excluded.output, error = null,
        usage = excluded.usage, started_at = excluded.started_at, finished_at = excluded.finished_at,
        duration_ms = excluded.duration_ms
        where node_executions.status not in ('completed', 'skipped', 'failed')
      returning node_id
    ),
    ${reused ? sql`node as (select node_id from reused_node union all select node_id from completed_node),` : sql``}
    ${statusGate(c.executionId, before, after)},
    ${freshEvents(c.executionId, events, { ofWrittenNodes: true, statusEvents: { first: before && sql`(select started from gate)`, last: after && sql`(select finished from gate)` } })},
    execution as (
      update executions set
        status = ${statusAfter(before, after)},
        ${patchColumns(
          before,
          after,
          nodeProgressColumns({
            finished: sql`coalesce((select array_agg(node_id) from node), '{}'::text[])`,
            settled: sql`(select count(*) from node)`,
            totalNodes: c.totalNodes,
          }),
        )},
        last_seq = last_seq + ${FRESH_COUNT},
        updated_at = now()
      from gate
      where id = ${c.executionId} and (exists (select 1 from node) or gate.started or gate.finished)
      returning last_seq
    )
    ${insertFreshEvents(c.executionId)}
  `);
  return writtenEvents(result);
}
