import { z } from 'zod';
import { EXECUTION_STATUSES, isTerminal } from '@trellis/definition';
import { findWorkflow, listEvents, listNodeExecutions } from '@trellis/db';
import { notFound } from '../errors';
import { toLogEntry } from '../events/event-dto';
import { limitStarts } from '../limits/start-limits';
import { executionLinks } from '../openapi/execution-links';
import { json } from '../openapi/operation-kit';
import * as R from '../openapi/responses';
import { EventStream } from '../openapi/server-sent-event';
import { apiRoute, type ApiRoute, type RouteInput } from '../routing/api-route';
import { executionDtoFor } from '../services/execution-dto';
import { readExecutionStatus } from '../services/execution-status-dto';
import { toNodeRecord, toNodeSummary } from '../services/node-dto';
import { ownedExecution } from '../services/owned-execution';
import { startExecution } from '../services/start-execution';
import { waitForEnd } from '../services/wait-for-end';
import { controlRoute } from './control-routes';
import { IdempotencyKeyHeader, idempotencyKeyOf } from './idempotency-key';
import { LastEventIdHeader, resumeSeqOf, streamEvents } from './execution-events';
import { readExecutionPage } from '../paging/execution-pages';
import { CursorParam, PageNumberParam } from '../paging/page-cursor';
import { PageQuery } from '../paging/paging';
import { listParam, TimestampParam } from './query-params';

/** An execution id a client chooses (a repeated start with it answers the same run). */
export const ClientExecutionId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/);

export const StartExecutionBody = z
  .object({
    workflow_id: z.string().min(1).max(200),
    input_data: z.unknown().optional(),
    execution_id: ClientExecutionId.optional(),
    mode: z.enum(['async', 'sync', 'stream']).default('async'),
    variables: z.record(z.string(), z.unknown()).optional(),
    /** Ends the run as timed_out after this long. */
    timeout_ms: z.number().int().min(100).max(604_800_000).optional(),
  })
  .strict();

export const ListExecutionsQuery = PageQuery.extend({
  page: PageNumberParam,
  cursor: CursorParam.optional(),
  workflow_id: z.string().min(1).max(200).optional(),
  status: listParam(EXECUTION_STATUSES).optional(),
  created_after: TimestampParam.optional(),
  created_before: TimestampParam.optional(),
  include_test: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  rerun_of: z.string().min(1).max(200).optional().describe('only the re-runs of this execution'),
});

export const LogsQuery = z.object({
  level: z.enum(['info', 'warning', 'error']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const P = '/api/v1/executions';
const E = `${P}/{id}`;
const tags = ['executions'];

/** From a waiting run's status to answering its first open wait (a stateful tester follows them). */
const openWaitLinks = {
  AnswerNode: { operationId: 'answerNode', parameters: { id: '$response.body#/execution_id', node_id: '$response.body#/waits/0/node_id' } },
  CreateAnswerLink: {
    operationId: 'createAnswerLink',
    parameters: { id: '$response.body#/execution_id', node_id: '$response.body#/waits/0/node_id' },
  },
};

/** The status answer, shared with the /execute compatibility API. */
export const readStatus = async ({ deps, params, userId, res }: RouteInput<'/{id}', undefined, undefined>) => {
  res.json(await readExecutionStatus(deps.database.db, await ownedExecution(deps.database.db, params.id, userId)));
};

/** The log answer, shared with the /execute compatibility API. */
export const readLogs = async ({ deps, params, query, userId, res }: RouteInput<'/{id}', z.output<typeof LogsQuery>, undefined>) => {
  const row = await ownedExecution(deps.database.db, params.id, userId);
  const events = await listEvents(deps.database.db, {
    executionId: row.id,
    levels: query.level ? [query.level] : undefined,
    limit: query.limit,
  });
  res.json({ execution_id: row.id, logs: events.map(toLogEntry) });
};

/** /api/v1/executions: start, list, read and control runs. */
export const executionRoutes: ApiRoute[] = [
  apiRoute({
    method: 'post',
    path: P,
    operationId: 'startExecution',
    tags,
    summary: 'Start an execution of a saved workflow',
    description:
      'mode async (default): 202 with the pending execution. mode sync: waits for the end (at most SYNC_WAIT_MS) and answers 200 with the finished execution, or 202 if it is still running. mode stream: 200 with the events as Server-Sent Events until the terminal one. Idempotent by `execution_id` or the Idempotency-Key header: a repeat answers the same run (200 for async).',
    headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional(), 'Last-Event-ID': LastEventIdHeader.optional() }),
    body: StartExecutionBody,
    bodyExample: { workflow_id: 'wf_…', input_data: { name: 'Ada' }, mode: 'async' },
    rateLimit: 'start',
    errors: [404, 409],
    ok: {
      202: json(R.Execution, 'async: the run was started (pending). sync: it is still running after SYNC_WAIT_MS.', {
        links: executionLinks,
      }),
      200: {
        description: 'sync: the finished execution. async: the run an idempotent repeat refers to. stream: its events.',
        content: { 'application/json': { schema: R.Execution }, 'text/event-stream': EventStream },
        links: executionLinks,
      },
    },
    guard: limitStarts,
    handler: async ({ deps, body, userId, req, res }) => {
      // A malformed Last-Event-ID is refused before anything starts, whatever the mode.
      const resumeAfter = resumeSeqOf(req);
      const workflow = await findWorkflow(deps.database.db, body.workflow_id, userId);
      if (!workflow) throw notFound('workflow', body.workflow_id);
      const { execution, created } = await startExecution(deps, {
        ownerId: userId,
        workflow,
        inputData: body.input_data,
        executionId: body.execution_id,
        idempotencyKey: idempotencyKeyOf(req),
        mode: body.mode,
        variables: body.variables,
        runTimeoutMs: body.timeout_ms,
      });
      if (body.mode === 'stream') return streamEvents(deps, res, execution.id, resumeAfter);
      if (body.mode === 'sync') {
        const finished = await waitForEnd(deps, execution);
        return res.status(isTerminal(finished.status) ? 200 : 202).json(executionDtoFor(deps)(finished));
      }
      res.status(created ? 202 : 200).json(executionDtoFor(deps)(execution));
    },
  }),
  apiRoute({
    method: 'get',
    path: P,
    operationId: 'listExecutions',
    tags,
    summary: "List the caller's executions, newest first",
    description: 'Follow next_cursor (as fast at any depth as the first page); `page` is OFFSET-based and slower the deeper it goes.',
    query: ListExecutionsQuery,
    ok: { 200: json(R.ExecutionPage, 'one page of executions') },
    handler: async ({ deps, query, userId, res }) => {
      const list = await readExecutionPage(
        deps.database.db,
        {
          ownerId: userId,
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
        items: list.items.map(executionDtoFor(deps)),
        total: list.total,
        total_exact: list.totalExact,
        page: list.page,
        size: query.size,
        pages: list.pages,
        has_more: list.hasMore,
        next_cursor: list.nextCursor,
      });
    },
  }),
  apiRoute({
    method: 'get',
    path: E,
    operationId: 'getExecution',
    tags,
    summary: 'Read an execution with a summary of its nodes',
    errors: [404],
    ok: { 200: json(R.ExecutionDetail, 'the execution') },
    handler: async ({ deps, params, userId, res }) => {
      const row = await ownedExecution(deps.database.db, params.id, userId);
      const nodes = await listNodeExecutions(deps.database.db, row.id);
      res.json({ ...executionDtoFor(deps)(row), nodes: nodes.map(toNodeSummary) });
    },
  }),
  apiRoute({
    method: 'get',
    path: `${E}/status`,
    operationId: 'getExecutionStatus',
    tags,
    summary: 'Status, current nodes, progress and open human waits',
    errors: [404],
    ok: { 200: json(R.ExecutionStatusResponse, 'the status', { links: openWaitLinks }) },
    handler: readStatus,
  }),
  apiRoute({
    method: 'get',
    path: `${E}/nodes`,
    operationId: 'listExecutionNodes',
    tags,
    summary: "Every node's input, output, duration, usage and attempts",
    errors: [404],
    ok: { 200: json(R.NodesResponse, 'the node records') },
    handler: async ({ deps, params, userId, res }) => {
      const row = await ownedExecution(deps.database.db, params.id, userId);
      res.json({ items: (await listNodeExecutions(deps.database.db, row.id)).map(toNodeRecord) });
    },
  }),
  apiRoute({
    method: 'get',
    path: `${E}/logs`,
    operationId: 'getExecutionLogs',
    tags,
    summary: "The execution's log: its stored events in seq order",
    query: LogsQuery,
    errors: [404],
    ok: { 200: json(R.LogsResponse, 'the log') },
    handler: readLogs,
  }),
  ...(
    [
      ['pause', 'Pause: running nodes finish, nothing new starts until resumed'],
      ['resume', 'Resume a paused execution'],
      ['stop', 'Stop: running nodes finish, the run ends as stopped'],
      ['cancel', 'Cancel: running nodes are cancelled, the run ends as cancelled'],
    ] as const
  ).map(([action, summary]) =>
    controlRoute({
      path: `${E}/${action}`,
      action,
      operationId: `${action}Execution`,
      tags,
      summary,
      description: "Allowed or refused at once from the execution's current status: 409 INVALID_TRANSITION names it.",
    }),
  ),
];
