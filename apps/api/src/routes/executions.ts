import { Router } from 'express';
import { z } from 'zod';
import { EXECUTION_STATUSES, type ControlAction, isTerminal } from '@trellis/core';
import { findExecution, findWorkflow, listEvents, listNodeExecutions, type Execution } from '@trellis/db';
import { notFound } from '../errors';
import { toLogEntry } from '../events/event-dto';
import { limitStarts } from '../limits/start-limits';
import { controlExecution } from '../services/control-execution';
import type { ApiDeps } from '../deps';
import { waitForEnd } from '../services/wait-for-end';
import { toExecutionDto } from '../services/execution-dto';
import { startExecution } from '../services/start-execution';
import { openWaitsOf } from '../services/wait-views';
import { idempotencyKeyOf } from './idempotency-key';
import { parseBody, parseQuery } from '../validation';
import { resumeSeqOf, streamEvents } from './execution-events';
import { readExecutionPage } from '../paging/execution-pages';
import { CursorParam } from '../paging/page-cursor';
import { PageQuery } from '../paging/paging';
import { listParam, TimestampParam } from './query-params';

export const StartExecutionBody = z
  .object({
    workflow_id: z.string().min(1).max(200),
    input_data: z.unknown().optional(),
    execution_id: z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/).optional(),
    mode: z.enum(['async', 'sync', 'stream']).default('async'),
    variables: z.record(z.string(), z.unknown()).optional(),
    /** Ends the run as timed_out after this long. */
    timeout_ms: z.number().int().min(100).max(604_800_000).optional(),
  })
  .strict();

export const ListExecutionsQuery = PageQuery.extend({
  page: z.coerce.number().int().min(1).max(1_000_000).optional().describe('page number from 1 (default 1); OFFSET-based, slower the deeper it goes: prefer cursor; ignored when a cursor is given'),
  cursor: CursorParam.optional(),
  workflow_id: z.string().min(1).max(200).optional(),
  status: listParam(EXECUTION_STATUSES).optional(),
  created_after: TimestampParam.optional(),
  created_before: TimestampParam.optional(),
  include_test: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  rerun_of: z.string().min(1).max(200).optional().describe('only the re-runs of this execution'),
});

export const LogsQuery = z.object({
  level: z.enum(['info', 'warning', 'error']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** /executions: start, list, read and control runs. */
export function executionsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps.database;
  const dto = (row: Execution) => toExecutionDto(row, deps.settings.temporalUiUrl, deps.settings.namespace);
  const owned = async (id: string, ownerId: string) => {
    const row = await findExecution(db, id, ownerId);
    if (!row) throw notFound('execution', id);
    return row;
  };

  router.post('/', limitStarts(deps), async (req, res) => {
    const body = parseBody(StartExecutionBody, req.body);
    // A malformed Last-Event-ID is refused before anything starts, whatever the mode.
    const resumeAfter = resumeSeqOf(req);
    const workflow = await findWorkflow(db, body.workflow_id, req.userId);
    if (!workflow) throw notFound('workflow', body.workflow_id);
    const idempotencyKey = idempotencyKeyOf(req);
    const { execution, created } = await startExecution(deps, {
      ownerId: req.userId,
      workflow,
      inputData: body.input_data,
      executionId: body.execution_id,
      idempotencyKey,
      mode: body.mode,
      variables: body.variables,
      runTimeoutMs: body.timeout_ms,
    });
    if (body.mode === 'stream') return streamEvents(deps, res, execution.id, resumeAfter);
    if (body.mode === 'sync') {
      const finished = await waitForEnd(deps, execution);
      return res.status(isTerminal(finished.status) ? 200 : 202).json(dto(finished));
    }
    res.status(created ? 202 : 200).json(dto(execution));
  });

  router.get('/', async (req, res) => {
    const query = parseQuery(ListExecutionsQuery, req.query);
    const list = await readExecutionPage(
      db,
      {
        ownerId: req.userId,
        workflowId: query.workflow_id,
        statuses: query.status,
        createdAfter: query.created_after,
        createdBefore: query.created_before,
        includeTest: query.include_test,
        rerunOf: query.rerun_of,
      },
      { cursor: query.cursor, page: query.page, size: query.size },
    );
    res.json({
      items: list.items.map(dto),
      total: list.total,
      total_exact: list.totalExact,
      page: list.page,
      size: query.size,
      pages: list.pages,
      has_more: list.hasMore,
      next_cursor: list.nextCursor,
    });
  });

  router.get('/:id', async (req, res) => {
    const row = await owned(req.params.id, req.userId);
    const nodes = await listNodeExecutions(db, row.id);
    res.json({
      ...dto(row),
      nodes: nodes.map((n) => ({ node_id: n.nodeId, node_type: n.nodeType, status: n.status, duration_ms: n.durationMs, usage: n.usage })),
    });
  });

  router.get('/:id/status', async (req, res) => {
    const row = await owned(req.params.id, req.userId);
    res.json({
      execution_id: row.id,
      status: row.status,
      current_node: row.currentNodes[0] ?? null,
      current_nodes: row.currentNodes,
      progress: row.progress,
      completed: row.completedNodes,
      total: row.totalNodes,
      message: row.message,
      waits: await openWaitsOf(db, row),
    });
  });

  router.get('/:id/nodes', async (req, res) => {
    const row = await owned(req.params.id, req.userId);
    const nodes = await listNodeExecutions(db, row.id);
    res.json({
      items: nodes.map((n) => ({
        node_id: n.nodeId,
        node_type: n.nodeType,
        status: n.status,
        attempts: n.attempt,
        input: n.input,
        output: n.output,
        error: n.error,
        usage: n.usage,
        started_at: n.startedAt?.toISOString() ?? null,
        finished_at: n.finishedAt?.toISOString() ?? null,
        duration_ms: n.durationMs,
        answered_by: n.answeredBy,
        answered_at: n.answeredAt?.toISOString() ?? null,
        reused: n.reused,
      })),
    });
  });

  router.get('/:id/logs', async (req, res) => {
    const query = parseQuery(LogsQuery, req.query);
    const row = await owned(req.params.id, req.userId);
    const events = await listEvents(db, { executionId: row.id, levels: query.level ? [query.level] : undefined, limit: query.limit });
    res.json({
      execution_id: row.id,
      logs: events.map(toLogEntry),
    });
  });

  for (const action of ['pause', 'resume', 'stop', 'cancel'] as const satisfies ControlAction[]) {
    router.post(`/:id/${action}`, async (req, res) => {
      const { execution, message } = await controlExecution(deps, req.userId, req.params.id, action);
      res.json({ ...dto(execution), message });
    });
  }

  return router;
}
