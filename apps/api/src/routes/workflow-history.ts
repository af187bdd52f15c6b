import { Router } from 'express';
import { z } from 'zod';
import { LIVE_STATUSES } from '@trellis/core';
import {
  clearWorkflowExecutions,
  deleteExecution,
  findExecution,
  listExecutions,
  listNodeExecutions,
  type Database,
} from '@trellis/db';
import { AppError, notFound } from '../errors';
import type { ApiDeps } from '../deps';
import { parseQuery } from '../validation';
import { readExecutionPage } from '../paging/execution-pages';
import { CursorParam } from '../paging/page-cursor';
import { toHistoryRecord, toNodeExecuteStatus } from '../services/workflow-history-record';

export const HistoryPageQuery = z.object({
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  page_index: z.coerce.number().int().min(1).max(1_000_000).optional().describe('page number from 1 (default 1); OFFSET-based, slower the deeper it goes: prefer cursor; ignored when a cursor is given'),
  cursor: CursorParam.optional(),
  /** Test-session runs are left out unless asked for. */
  include_test: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** Thrown when deleting history that includes an execution still pending, running or paused. */
const executionRunning = (message: string, details?: unknown) => new AppError(409, 'EXECUTION_RUNNING', message, details);

/**
 * /workflows/:id/history, the Coze-compatible run history: a workflow's run records, newest first, one record's
 * detail with its nodes, and deleting one record or all of them. Runs still live are never deleted.
 */
export function workflowHistoryRouter(deps: ApiDeps): Router {
  const router = Router({ mergeParams: true });
  const { db } = deps.database;
  const record = (row: Parameters<typeof toHistoryRecord>[0]) => toHistoryRecord(row, deps.settings);

  router.get('/', async (req, res) => {
    const query = parseQuery(HistoryPageQuery, req.query);
    const list = await readExecutionPage(
      db,
      { ownerId: req.userId, workflowId: workflowIdOf(req.params), includeTest: query.include_test },
      { cursor: query.cursor, page: query.page_index, size: query.page_size },
    );
    res.json({
      success: true,
      histories: list.items.map(record),
      total: list.total,
      total_exact: list.totalExact,
      has_more: list.hasMore,
      next_cursor: list.nextCursor,
    });
  });

  router.get('/:execute_id', async (req, res) => {
    const row = await ownedRecord(db, workflowIdOf(req.params), req.params.execute_id, req.userId);
    const nodes = await listNodeExecutions(db, row.id);
    res.json({ success: true, execution: { ...record(row), node_execute_status: toNodeExecuteStatus(nodes) } });
  });

  router.delete('/:execute_id', async (req, res) => {
    const row = await ownedRecord(db, workflowIdOf(req.params), req.params.execute_id, req.userId);
    const outcome = await deleteExecution(db, row.id, req.userId);
    if (outcome === 'not_found') throw notFound('execution', row.id);
    if (outcome === 'live') throw executionRunning(`execution ${row.id} is still ${row.status}; stop or cancel it first`);
    res.json({ success: true, deleted: 1 });
  });

  router.delete('/', async (req, res) => {
    const workflowId = workflowIdOf(req.params);
    const live = await listExecutions(
      db,
      { ownerId: req.userId, workflowId, statuses: [...LIVE_STATUSES], includeTest: true },
      { offset: 0, limit: 1 },
    );
    if (live.total > 0) {
      throw executionRunning(`workflow ${workflowId} has ${live.total} execution(s) still running; nothing was deleted`, {
        running: live.total,
      });
    }
    const { deleted } = await clearWorkflowExecutions(db, workflowId, req.userId);
    res.json({ success: true, deleted });
  });

  return router;
}

function workflowIdOf(params: Record<string, string | undefined>): string {
  return params.id ?? '';
}

/** The user's execution if it belongs to this workflow; 404 otherwise (another user's reads the same). */
async function ownedRecord(db: Database, workflowId: string, executeId: string, userId: string) {
  const row = await findExecution(db, executeId, userId);
  if (!row || row.workflowId !== workflowId) throw notFound('execution', executeId);
  return row;
}
