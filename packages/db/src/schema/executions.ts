import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { LIVE_STATUSES, type ExecutionStatus, type Usage } from '@trellis/definition';

export type RunMode = 'sync' | 'stream' | 'async';

/** An error as stored and shown: a stable code and a message. */
export interface StoredError {
  code: string;
  message: string;
  node_id?: string;
  details?: unknown;
}

/** One run of a workflow (see temporalWorkflowId for its Temporal workflow). Postgres projection of the Temporal run. */
export const executions = pgTable(
  'executions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    workflowName: text('workflow_name').notNull(),
    /**
     * The Temporal workflow id, chosen by the server for this row alone, so no client-chosen execution id can name
     * another run's workflow. Null on rows made before it was stored: their workflow id is their id.
     */
    temporalWorkflowId: text('temporal_workflow_id'),
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
    /** The execution this one re-ran, and the node it re-ran from (null: the whole run). */
    rerunOf: text('rerun_of'),
    rerunFromNode: text('rerun_from_node'),
  },
  // Lists read newest first, `order by created_at desc, id desc` (DESC means NULLS FIRST), and page by
  // `(created_at, id) < cursor`; each index below serves one filter shape in exactly that order, so a page at
  // any depth reads only its own rows (is_test is checked on the row).
  (t) => [
    index('executions_owner_created_idx').on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('executions_owner_workflow_created_idx').on(t.ownerId, t.workflowId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('executions_owner_status_created_idx').on(t.ownerId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    uniqueIndex('executions_owner_idempotency_idx')
      .on(t.ownerId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // The reconciler's scan of live runs; small however many finished runs the table holds. Keyed on created_at,
    // which never changes, so the per-node row updates (progress, updated_at) stay HOT and leave it alone.
    index('executions_live_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in (${sql.raw(LIVE_STATUSES.map((status) => `'${status}'`).join(', '))})`),
    // GET /executions/:id/reruns and ?rerun_of=: the re-runs of one execution, newest first.
    index('executions_rerun_of_idx')
      .on(t.rerunOf, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.rerunOf} is not null`),
    // Retention's scan of finished runs, oldest first; set once per run, when it ends.
    index('executions_finished_idx')
      .on(t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
  ],
);

/**
 * How many executions each owner has per workflow, test flag and shard: list totals without count(*).
 * Maintained by statement triggers on `executions` (migration 0002); a row's shard spreads concurrent
 * starts of one workflow over several counter rows, so they do not queue on one row lock.
 */
export const executionCounts = pgTable(
  'execution_counts',
  {
    ownerId: text('owner_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    isTest: boolean('is_test').notNull(),
    shard: smallint('shard').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.workflowId, t.isTest, t.shard] })],
);
