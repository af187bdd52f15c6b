import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { NodeStatus, Usage } from '@trellis/definition';
import { executions, type StoredError } from './executions';

/** One node of one execution: its input, output, timing, usage and the attempt that produced them. */
export const nodeExecutions = pgTable(
  'node_executions',
  {
    executionId: text('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    nodeType: text('node_type').notNull(),
    status: text('status').$type<NodeStatus>().notNull(),
    attempt: integer('attempt').notNull().default(1),
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error').$type<StoredError>(),
    usage: jsonb('usage').$type<Usage>(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    /** A human node's answerer (a user id, `link`, or null when the wait timed out into its default) and when. */
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** A re-run took this node's output from the run it re-ran: nothing executed, no tokens spent. */
    reused: boolean('reused').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.executionId, t.nodeId] })],
);
