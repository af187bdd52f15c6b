import type { EventLevel, executionEvents } from '../schema/execution-events';

/** One event of an execution's timeline, as read back. */
export type ExecutionEvent = typeof executionEvents.$inferSelect;

/** An execution_events row as raw SQL returns it (snake_case; seq may arrive as a string). */
interface EventRow {
  execution_id: string;
  seq: number | string;
  key: string;
  type: string;
  status: string | null;
  node_id: string | null;
  level: EventLevel;
  message: string;
  data: unknown;
  created_at: string | Date;
}

/** The events in a raw query's result, in the result's order (pg's QueryResult and PGlite's Results both carry `rows`). */
export function eventsOfResult(result: unknown): ExecutionEvent[] {
  return (result as { rows: EventRow[] }).rows.map((row) => ({
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
}
