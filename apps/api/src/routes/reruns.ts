import { Router } from 'express';
import { z } from 'zod';
import { findExecution, listReruns, type Execution } from '@trellis/db';
import { isTerminal } from '@trellis/core';
import { notFound } from '../errors';
import { limitStarts } from '../limits/start-limits';
import type { ApiDeps } from '../deps';
import { waitForEnd } from '../services/wait-for-end';
import { toExecutionDto } from '../services/execution-dto';
import { rerunExecution } from '../services/rerun-execution';
import { parseBody, parseQuery } from '../validation';
import { idempotencyKeyOf } from './idempotency-key';

export const RerunBody = z
  .object({
    from_node: z.string().min(1).max(100).optional().describe('a node id, or "failed" for the failed node(s); absent: the whole run again'),
    input_data: z.unknown().optional().describe("the run's input (what `input` reads); default: the re-run execution's input"),
    node_outputs: z.record(z.string(), z.unknown()).optional().describe('outputs replacing the recorded ones of reused nodes'),
    workflow_version: z.union([z.literal('latest'), z.number().int().min(1)]).optional().describe("default: the re-run execution's version"),
    variables: z.record(z.string(), z.unknown()).optional(),
    mode: z.enum(['async', 'sync']).default('async'),
  })
  .strict();

export const RerunsQuery = z.object({ size: z.coerce.number().int().min(1).max(100).default(20) });

/** POST /executions/:id/rerun and GET /executions/:id/reruns. */
export function rerunsRouter(deps: ApiDeps): Router {
  const router = Router();
  const dto = (row: Execution) => toExecutionDto(row, deps.settings.temporalUiUrl, deps.settings.namespace);

  router.post('/:id/rerun', limitStarts(deps), async (req, res) => {
    const body = parseBody(RerunBody, req.body);
    const { execution, created } = await rerunExecution(deps, req.userId, String(req.params.id), {
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
  });

  router.get('/:id/reruns', async (req, res) => {
    const query = parseQuery(RerunsQuery, req.query);
    const source = await findExecution(deps.database.db, req.params.id, req.userId);
    if (!source) throw notFound('execution', req.params.id);
    res.json({ items: (await listReruns(deps.database.db, source.id, req.userId, query.size)).map(dto) });
  });

  return router;
}
