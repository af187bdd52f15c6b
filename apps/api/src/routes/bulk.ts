import { z } from 'zod';
import { EXECUTION_STATUSES } from '@trellis/definition';
import { chargeRate } from '../limits/request-rates';
import {
  bulkWriteCost,
  cancelBulkAction,
  MAX_BULK_EXECUTIONS,
  readBulkAction,
  selectBulkExecutions,
  startBulkAction,
} from '../services/bulk-actions';
import { BulkAction, BulkProgress, BulkStarted } from '../openapi/bulk-responses';
import { json } from '../openapi/operation-kit';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { TimestampParam } from './query-params';
import { RerunBody } from './reruns';

const BulkFilter = z
  .object({
    status: z
      .union([z.enum(EXECUTION_STATUSES), z.array(z.enum(EXECUTION_STATUSES)).min(1)])
      .transform((s) => (Array.isArray(s) ? s : [s]))
      .optional(),
    workflow_id: z.string().min(1).max(200).optional(),
    created_after: TimestampParam.optional(),
    created_before: TimestampParam.optional(),
    is_test: z.boolean().optional(),
  })
  .strict();

/** What a bulk re-run passes to each re-run, as POST /executions/{id}/rerun takes it. */
const RerunOptions = {
  from_node: RerunBody.shape.from_node,
  workflow_version: RerunBody.shape.workflow_version,
};
const Ids = z.array(z.string().min(1).max(200)).min(1).max(MAX_BULK_EXECUTIONS);
const OtherAction = BulkAction.exclude(['rerun']);
const rerunOptionRefused = (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' && issue.keys?.some((key) => key in RerunOptions)
    ? `only action "rerun" takes ${issue.keys.join(', ')}`
    : undefined;

/**
 * Exactly one of `ids` and `filter` picks the executions, and only a re-run takes re-run options; the schema says
 * both, so the document does too.
 */
export const BulkBody = z.union([
  z.strictObject({ action: OtherAction, ids: Ids }, { error: rerunOptionRefused }),
  z.strictObject({ action: OtherAction, filter: BulkFilter }, { error: rerunOptionRefused }),
  z.strictObject({ action: z.literal('rerun'), ids: Ids, ...RerunOptions }),
  z.strictObject({ action: z.literal('rerun'), filter: BulkFilter, ...RerunOptions }),
]);

const tags = ['executions'];

/** POST /api/v1/executions/bulk, GET /api/v1/bulk/{id} (progress) and POST /api/v1/bulk/{id}/cancel. */
export const bulkRoutes: ApiRoute[] = [
  apiRoute({
    method: 'post',
    path: '/api/v1/executions/bulk',
    operationId: 'startBulkAction',
    tags,
    summary: "Stop, cancel, re-run or delete many of the caller's executions (by ids or a filter, at most 1,000) in the background",
    body: BulkBody,
    bodyExample: { action: 'cancel', filter: { status: ['running', 'waiting'] } },
    rateLimit: 'write',
    ok: { 202: json(BulkStarted, 'the bulk action started') },
    handler: async ({ deps, body, userId, res }) => {
      const ids = await selectBulkExecutions(deps, userId, body);
      // The request took one write token on its way in; a larger bulk action pays the rest of its cost here.
      const unpaid = bulkWriteCost(ids.length) - 1;
      if (unpaid > 0) await chargeRate(deps, res, 'write', userId, unpaid);
      res.status(202).json(await startBulkAction(deps, userId, body, ids));
    },
  }),
  apiRoute({
    method: 'get',
    path: '/api/v1/bulk/{id}',
    operationId: 'readBulkAction',
    tags,
    summary: 'Progress of a bulk action',
    errors: [404],
    ok: { 200: json(BulkProgress, 'its progress') },
    handler: async ({ deps, params, userId, res }) => {
      res.json(await readBulkAction(deps, userId, params.id));
    },
  }),
  apiRoute({
    method: 'post',
    path: '/api/v1/bulk/{id}/cancel',
    operationId: 'cancelBulkAction',
    tags,
    summary: 'Cancel a bulk action: it stops after the batch in flight',
    rateLimit: 'write',
    errors: [404],
    ok: { 202: json(BulkProgress, 'its progress') },
    handler: async ({ deps, params, userId, res }) => {
      res.status(202).json(await cancelBulkAction(deps, userId, params.id));
    },
  }),
];
