import { z } from 'zod';
import { LIVE_STATUSES } from '@trellis/definition';
import { clearWorkflowExecutions, deleteExecution, findExecution, listExecutions, listNodeExecutions, type Database } from '@trellis/db';
import { AppError, notFound } from '../errors';
import { json } from '../openapi/operation-kit';
import { RunHistoryDeleted, RunHistoryDetail, RunHistoryPage } from '../openapi/run-history-responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { readExecutionPage } from '../paging/execution-pages';
import { CursorParam, PageNumberParam } from '../paging/page-cursor';
import { toHistoryRecord, toNodeExecuteStatus } from '../services/run-history-record';

export const HistoryPageQuery = z.object({
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  page_index: PageNumberParam,
  cursor: CursorParam.optional(),
  /** Test-session runs are left out unless asked for. */
  include_test: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** Thrown when deleting history that includes an execution still pending, running or paused. */
const executionRunning = (message: string, details?: unknown) => new AppError(409, 'EXECUTION_RUNNING', message, details);

const P = '/api/v1/workflows/{id}/history';
const RECORD = `${P}/{execute_id}`;
const tags = ['Coze-compatible run history'];

/**
 * /api/v1/workflows/{id}/history, the Coze-compatible run history: a workflow's run records, newest first, one
 * record's detail with its nodes, and deleting one record or all of them. Runs still live are never deleted.
 */
export const runHistoryRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: P,
    operationId: 'listRunHistory',
    tags,
    summary: "A workflow's runs, newest first",
    description: 'An unknown workflow has no runs (an empty page). Follow next_cursor (fast at any depth); `page_index` is OFFSET-based.',
    query: HistoryPageQuery,
    ok: { 200: json(RunHistoryPage, 'one page of run records') },
    handler: async ({ deps, params, query, userId, res }) => {
      const list = await readExecutionPage(
        deps.database.db,
        { ownerId: userId, workflowId: params.id, includeTest: query.include_test },
        { cursor: query.cursor, page: query.page_index, size: query.page_size },
      );
      res.json({
        success: true,
        histories: list.items.map((row) => toHistoryRecord(row, deps.settings)),
        total: list.total,
        total_exact: list.totalExact,
        has_more: list.hasMore,
        next_cursor: list.nextCursor,
      });
    },
  }),
  apiRoute({
    method: 'delete',
    path: P,
    operationId: 'clearRunHistory',
    tags,
    summary: 'Delete every finished run of a workflow (409 while any run is live; nothing is deleted then)',
    rateLimit: 'write',
    errors: [409],
    ok: { 200: json(RunHistoryDeleted, 'how many run records were deleted') },
    handler: async ({ deps, params, userId, res }) => {
      const { db } = deps.database;
      const live = await listExecutions(
        db,
        { ownerId: userId, workflowId: params.id, statuses: [...LIVE_STATUSES], includeTest: true },
        { offset: 0, limit: 1 },
      );
      if (live.total > 0) {
        throw executionRunning(`workflow ${params.id} has ${live.total} execution(s) still running; nothing was deleted`, {
          running: live.total,
        });
      }
      const { deleted } = await clearWorkflowExecutions(db, params.id, userId);
      res.json({ success: true, deleted });
    },
  }),
  apiRoute({
    method: 'get',
    path: RECORD,
    operationId: 'getRunHistoryRecord',
    tags,
    summary: "One run record with each node's status",
    errors: [404],
    ok: { 200: json(RunHistoryDetail, 'the run record') },
    handler: async ({ deps, params, userId, res }) => {
      const row = await ownedRecord(deps.database.db, params.id, params.execute_id, userId);
      const nodes = await listNodeExecutions(deps.database.db, row.id);
      res.json({ success: true, execution: { ...toHistoryRecord(row, deps.settings), node_execute_status: toNodeExecuteStatus(nodes) } });
    },
  }),
  apiRoute({
    method: 'delete',
    path: RECORD,
    operationId: 'deleteRunHistoryRecord',
    tags,
    summary: 'Delete one finished run record (409 while it is live)',
    rateLimit: 'write',
    errors: [404, 409],
    ok: { 200: json(RunHistoryDeleted, 'deleted: 1') },
    handler: async ({ deps, params, userId, res }) => {
      const row = await ownedRecord(deps.database.db, params.id, params.execute_id, userId);
      const outcome = await deleteExecution(deps.database.db, row.id, userId);
      if (outcome === 'not_found') throw notFound('execution', row.id);
      if (outcome === 'live') throw executionRunning(`execution ${row.id} is still ${row.status}; stop or cancel it first`);
      res.json({ success: true, deleted: 1 });
    },
  }),
];

/** The user's execution if it belongs to this workflow; 404 otherwise (another user's reads the same). */
async function ownedRecord(db: Database, workflowId: string, executeId: string, userId: string) {
  const row = await findExecution(db, executeId, userId);
  if (!row || row.workflowId !== workflowId) throw notFound('execution', executeId);
  return row;
}
