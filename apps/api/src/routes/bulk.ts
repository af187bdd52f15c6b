import { Router } from 'express';
import { z } from 'zod';
import { EXECUTION_STATUSES } from '@trellis/core';
import { cancelBulkAction, MAX_BULK_EXECUTIONS, readBulkAction, startBulkAction } from '../services/bulk-actions';
import type { ApiDeps } from '../deps';
import { parseBody } from '../validation';
import { TimestampParam } from './query-params';

const BulkAction = z.enum(['stop', 'cancel', 'delete']);
const BulkFilter = z
  .object({
    status: z.union([z.enum(EXECUTION_STATUSES), z.array(z.enum(EXECUTION_STATUSES)).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])).optional(),
    workflow_id: z.string().min(1).max(200).optional(),
    created_after: TimestampParam.optional(),
    created_before: TimestampParam.optional(),
    is_test: z.boolean().optional(),
  })
  .strict();

/** Exactly one of `ids` and `filter` picks the executions; the schema says so, so the document does too. */
export const BulkBody = z.union([
  z.object({ action: BulkAction, ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_BULK_EXECUTIONS) }).strict(),
  z.object({ action: BulkAction, filter: BulkFilter }).strict(),
]);

/** POST /executions/bulk: a durable bulk action over the caller's executions. */
export function bulkStartRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/bulk', async (req, res) => {
    const body = parseBody(BulkBody, req.body);
    res.status(202).json(await startBulkAction(deps, req.userId, body));
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
