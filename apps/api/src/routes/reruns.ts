import { z } from 'zod';
import { findExecution, listReruns } from '@trellis/db';
import { isTerminal } from '@trellis/definition';
import { notFound } from '../errors';
import { limitStarts } from '../limits/start-limits';
import { executionLinks } from '../openapi/execution-links';
import { json } from '../openapi/operation-kit';
import { Execution } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { waitForEnd } from '../services/wait-for-end';
import { executionDtoFor } from '../services/execution-dto';
import { rerunExecution } from '../services/rerun-execution';
import { IdempotencyKeyHeader, idempotencyKeyOf } from './idempotency-key';

export const RerunBody = z
  .object({
    from_node: z.string().min(1).max(100).optional().describe('a node id, or "failed" for the failed node(s); absent: the whole run again'),
    input_data: z.unknown().optional().describe("the run's input (what `input` reads); default: the re-run execution's input"),
    node_outputs: z.record(z.string(), z.unknown()).optional().describe('outputs replacing the recorded ones of reused nodes'),
    workflow_version: z
      .union([z.literal('latest'), z.number().int().min(1)])
      .optional()
      .describe("default: the re-run execution's version"),
    variables: z.record(z.string(), z.unknown()).optional(),
    mode: z.enum(['async', 'sync']).default('async'),
  })
  .strict();

export const RerunsQuery = z.object({ size: z.coerce.number().int().min(1).max(100).default(20) });

const tags = ['executions'];

/** POST /api/v1/executions/{id}/rerun and GET /api/v1/executions/{id}/reruns. */
export const rerunRoutes: ApiRoute[] = [
  apiRoute({
    method: 'post',
    path: '/api/v1/executions/{id}/rerun',
    operationId: 'rerunExecution',
    tags,
    summary:
      'Re-run a finished execution, whole or from a node (nodes not downstream reuse their recorded outputs: no activity, no tokens)',
    body: RerunBody,
    bodyExample: { from_node: 'failed', input_data: { n: 21 } },
    rateLimit: 'start',
    errors: [404, 409, 429],
    headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional() }),
    ok: {
      202: json(Execution, 'the new execution (sync: still running after SYNC_WAIT_MS)', { links: executionLinks }),
      200: json(Execution, 'sync: the new execution once ended; or the one an Idempotency-Key already made', { links: executionLinks }),
    },
    guard: limitStarts,
    handler: async ({ deps, params, body, userId, req, res }) => {
      const dto = executionDtoFor(deps);
      const { execution, created } = await rerunExecution(deps, userId, params.id, {
        fromNode: body.from_node,
        inputData: body.input_data,
        nodeOutputs: body.node_outputs,
        workflowVersion: body.workflow_version,
        variables: body.variables,
        mode: body.mode,
        idempotencyKey: idempotencyKeyOf(req),
      });
      if (body.mode === 'sync') {
        const finished = await waitForEnd(deps, execution);
        return res.status(isTerminal(finished.status) ? 200 : 202).json(dto(finished));
      }
      res.status(created ? 202 : 200).json(dto(execution));
    },
  }),
  apiRoute({
    method: 'get',
    path: '/api/v1/executions/{id}/reruns',
    operationId: 'listReruns',
    tags,
    summary: 'The re-runs made from an execution, newest first',
    query: RerunsQuery,
    errors: [404],
    ok: { 200: json(z.object({ items: z.array(Execution) }), 'the re-runs') },
    handler: async ({ deps, params, query, userId, res }) => {
      const dto = executionDtoFor(deps);
      const source = await findExecution(deps.database.db, params.id, userId);
      if (!source) throw notFound('execution', params.id);
      res.json({ items: (await listReruns(deps.database.db, { executionId: source.id, ownerId: userId, limit: query.size })).map(dto) });
    },
  }),
];
