import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { executions } from './executions';

export type EventLevel = 'info' | 'warning' | 'error';

/** The execution's log and timeline; seq is gapless per execution and feeds WebSocket replay. */
export const executionEvents = pgTable(
  'execution_events',
  {
    executionId: text('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** Deduplicates retried writes: one event per key per execution. */
    key: text('key').notNull(),
    type: text('type').notNull(),
    status: text('status'),
    nodeId: text('node_id'),
    level: text('level').$type<EventLevel>().notNull().default('info'),
    message: text('message').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.executionId, t.seq] }),
    uniqueIndex('execution_events_key_idx').on(t.executionId, t.key),
    index('execution_events_level_idx').on(t.executionId, t.level, t.seq),
  ],
);
