import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { BulkAction, BulkBody } from '../routes/bulk';
import { json, operation } from './operation-kit';

const tags = ['executions'];

const BulkStarted = z.object({ bulk_id: z.string(), total: z.number().int().describe('the executions it covers (the caller\'s only)') });
const BulkItemError = z.object({ execution_id: z.string(), code: z.string(), message: z.string() });
const BulkProgress = z
  .object({
    bulk_id: z.string(),
    action: BulkAction,
    status: z.enum(['running', 'completed', 'cancelled']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    errors: z.array(BulkItemError).describe('the first 100 executions that could not take the action'),
    reruns: z
      .array(z.object({ execution_id: z.string(), rerun_id: z.string().describe('the new execution') }))
      .optional()
      .describe('a bulk re-run only: the runs it started so far, one per execution re-run'),
  })
  .meta({ id: 'BulkProgress' });

/** Bulk actions: a durable Temporal workflow over the caller's executions (docs/reruns.md#bulk-actions). */
export const bulkPaths: ZodOpenApiPathsObject = {
  '/api/v1/executions/bulk': {
    post: operation('/api/v1/executions/bulk', {
      operationId: 'startBulkAction',
      tags,
      summary: 'Stop, cancel, re-run or delete many of the caller\'s executions (by ids or a filter, at most 1,000) in the background',
      body: BulkBody,
      bodyExample: { action: 'cancel', filter: { status: ['running', 'waiting'] } },
      rateLimited: true,
      ok: { 202: json(BulkStarted, 'the bulk action started') },
    }),
  },
  '/api/v1/bulk/{id}': {
    get: operation('/api/v1/bulk/{id}', {
      operationId: 'readBulkAction',
      tags,
      summary: 'Progress of a bulk action',
      errors: [404],
      ok: { 200: json(BulkProgress, 'its progress') },
    }),
  },
  '/api/v1/bulk/{id}/cancel': {
    post: operation('/api/v1/bulk/{id}/cancel', {
      operationId: 'cancelBulkAction',
      tags,
      summary: 'Cancel a bulk action: it stops after the batch in flight',
      rateLimited: true,
      errors: [404],
      ok: { 202: json(BulkProgress, 'its progress') },
    }),
  },
};
