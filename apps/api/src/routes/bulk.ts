import { Router } from 'express';
import { z } from 'zod';
import { EXECUTION_STATUSES } from '@trellis/core';
import { chargeRate } from '../limits/request-rates';
import { bulkWriteCost, cancelBulkAction, MAX_BULK_EXECUTIONS, readBulkAction, selectBulkExecutions, startBulkAction } from '../services/bulk-actions';
import type { ApiDeps } from '../services/deps';
import { parseBody } from '../validation';
import { TimestampParam } from './query-params';
import { RerunBody } from './reruns';

export const BulkAction = z.enum(['stop', 'cancel', 'rerun', 'delete']);
const BulkFilter = z
  .object({
    status: z.union([z.enum(EXECUTION_STATUSES), z.array(z.enum(EXECUTION_STATUSES)).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])).optional(),
    workflow_id: z.string().min(1).max(200).optional(),
    created_after: TimestampParam.optional(),
    created_before: TimestampParam.optional(),
    is_test: z.boolean().optional(),
  })
  .strict();

/** What a bulk re-run passes to each re-run, as POST /executions/{id}/rerun takes it; refused with other actions. */
const RerunOptions = {
  from_node: RerunBody.shape.from_node,
  workflow_version: RerunBody.shape.workflow_version,
};

/** Exactly one of `ids` and `filter` picks the executions; the schema says so, so the document does too. */
export const BulkBody = z.union([
  z.object({ action: BulkAction, ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_BULK_EXECUTIONS), ...RerunOptions }).strict(),
  z.object({ action: BulkAction, filter: BulkFilter, ...RerunOptions }).strict(),
]);

/** POST /executions/bulk: a durable bulk action over the caller's executions. */
export function bulkStartRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/bulk', async (req, res) => {
    const body = parseBody(BulkBody, req.body);
    const ids = await selectBulkExecutions(deps, req.userId, body);
    // The request took one write token on its way in; a larger bulk action pays the rest of its cost here.
    const unpaid = bulkWriteCost(ids.length) - 1;
    if (unpaid > 0) await chargeRate(deps, res, 'write', req.userId, unpaid);
    res.status(202).json(await startBulkAction(deps, req.userId, body, ids));
  });
  return router;
}

/** GET /bulk/:bulk_id (progress) and POST /bulk/:bulk_id/cancel. */
export function bulkRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    res.json(await readBulkAction(deps, req.userId, req.params.id));
  });
  router.post('/:id/cancel', async (req, res) => {
    res.status(202).json(await cancelBulkAction(deps, req.userId, req.params.id));
  });
  return router;
}
