import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ExecutionStatus, Usage } from '@trellis/core';

export type RunMode = 'sync' | 'stream' | 'async';

/** An error as stored and shown: a stable code and a message. */
export interface StoredError {
  code: string;
  message: string;
  node_id?: string;
  details?: unknown;
}

/** One run of a workflow; the id is also the Temporal workflow id. Postgres projection of the Temporal run. */
export const executions = pgTable(
  'executions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    workflowName: text('workflow_name').notNull(),
    temporalRunId: text('temporal_run_id'),
    status: text('status').$type<ExecutionStatus>().notNull().default('pending'),
    mode: text('mode').$type<RunMode>().notNull().default('async'),
    isTest: boolean('is_test').notNull().default(false),
    idempotencyKey: text('idempotency_key'),
    inputData: jsonb('input_data'),
    outputData: jsonb('output_data'),
    error: jsonb('error').$type<StoredError>(),
    usage: jsonb('usage').$type<Usage>(),
    currentNodes: jsonb('current_nodes').$type<string[]>().notNull().default([]),
    progress: real('progress').notNull().default(0),
    completedNodes: integer('completed_nodes').notNull().default(0),
    totalNodes: integer('total_nodes').notNull().default(0),
    message: text('message'),
    /** Highest event seq written; events take seq = lastSeq + 1 under this row's lock, so seqs are gapless. */
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('executions_owner_created_idx').on(t.ownerId, t.createdAt.desc(), t.id.desc()),
    index('executions_workflow_created_idx').on(t.workflowId, t.createdAt.desc(), t.id.desc()),
    index('executions_owner_status_created_idx').on(t.ownerId, t.status, t.createdAt.desc()),
    uniqueIndex('executions_owner_idempotency_idx')
      .on(t.ownerId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);
