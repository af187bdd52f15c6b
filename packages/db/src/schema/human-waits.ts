import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { executions } from './executions';

export type HumanWaitStatus = 'open' | 'answered' | 'expired' | 'cancelled';

/**
 * One human node of one run waiting (or having waited) for an answer: the inbox's rows. The run's workflow owns
 * the wait (Temporal state); this row is its queryable projection, written by the worker's activities.
 */
export const humanWaits = pgTable(
  'human_waits',
  {
    executionId: text('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    ownerId: text('owner_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    /** Users who may answer besides the owner. */
    assignees: text('assignees').array().notNull().default([]),
    prompt: text('prompt').notNull(),
    form: jsonb('form').$type<Record<string, unknown>>(),
    status: text('status').$type<HumanWaitStatus>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Who answered (a user id, or `link` for an answer link); null until answered. */
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  // The inbox reads newest first, as owner or as assignee; each index serves one of the two.
  (t) => [
    primaryKey({ columns: [t.executionId, t.nodeId] }),
    index('human_waits_owner_created_idx').on(t.ownerId, t.createdAt.desc(), t.executionId.desc(), t.nodeId.desc()),
    index('human_waits_assignees_idx').using('gin', t.assignees),
    index('human_waits_open_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** A single-use answer link for one wait: only the token's SHA-256 is stored; the token itself is shown once. */
export const humanAnswerLinks = pgTable(
  'human_answer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    executionId: text('execution_id').notNull(),
    nodeId: text('node_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('human_answer_links_wait_idx').on(t.executionId, t.nodeId),
    foreignKey({ columns: [t.executionId, t.nodeId], foreignColumns: [humanWaits.executionId, humanWaits.nodeId] }).onDelete('cascade'),
  ],
);
