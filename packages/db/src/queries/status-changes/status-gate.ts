import { sql, type SQL } from 'drizzle-orm';
import { executions } from '../../schema/executions';
import type { NodeProgressColumns } from '../node-progress';
import { statusesLeadingTo, type ExecutionPatch, type StatusChange } from './status-change';

/**
 * The `gate` CTE of a statement that writes up to two status changes around other records: `started` when
 * `before` applies (its event is new and the row's status, read under its lock, leads to its target), `finished`
 * when `after` applies from the status `before` leaves. Without changes the gate is constant: no lock, no read.
 */
export function statusGate(executionId: string, before: StatusChange | undefined, after: StatusChange | undefined): SQL {
  if (!before && !after) return sql`gate as (select false as started, false as finished)`;
  const isNew = (change: StatusChange) =>
    sql`not exists (select 1 from execution_events x where x.execution_id = ${executionId} and x.key = ${change.event.key})`;
  const leadsTo = (status: SQL, change: StatusChange) =>
    sql`${status} in (${sql.join(
      statusesLeadingTo(change.to).map((s) => sql`${s}`),
      sql`, `,
    )})`;
  const started = before ? sql`${leadsTo(sql`status`, before)} and ${isNew(before)}` : sql`false`;
  const statusThen = before ? sql`case when started then ${before.to} else status end` : sql`status`;
  const finished = after ? sql`${leadsTo(statusThen, after)} and ${isNew(after)}` : sql`false`;
  return sql`locked as (select status from executions where id = ${executionId} for no key update),
    gate as (select started, ${finished} as finished from (select status, ${started} as started from locked) g)`;
}

/** The row's status after the gated changes. */
export function statusAfter(before: StatusChange | undefined, after: StatusChange | undefined): SQL {
  if (!before && !after) return sql`executions.status`;
  return sql`case ${after ? sql`when gate.finished then ${after.to} ` : sql``}${before ? sql`when gate.started then ${before.to} ` : sql``}else executions.status end`;
}

/**
 * SET clauses: each column of `base`, overridden by `before`'s patch when it applies and by
 * `after`'s when that applies.
 */
export function patchColumns(before: StatusChange | undefined, after: StatusChange | undefined, base: NodeProgressColumns): SQL {
  const columns = new Map<string, SQL>();
  for (const [key, value] of Object.entries(base)) if (value) columns.set(executions[key as keyof NodeProgressColumns].name, value);
  const overlay = (change: StatusChange | undefined, applies: SQL) => {
    for (const [key, value] of Object.entries(change?.patch ?? {})) {
      if (value === undefined) continue;
      const column = executions[key as keyof ExecutionPatch];
      const previous = columns.get(column.name) ?? sql.identifier(column.name);
      const param = sql`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;
      columns.set(column.name, sql`case when ${applies} then ${param} else ${previous} end`);
    }
  };
  overlay(before, sql`gate.started`);
  overlay(after, sql`gate.finished`);
  return sql.join(
    [...columns].map(([name, value]) => sql`${sql.identifier(name)} = ${value}`),
    sql`, `,
  );
}
