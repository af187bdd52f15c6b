import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { IdempotencyKeyHeader } from '../routes/idempotency-key';
import { RerunBody, RerunsQuery } from '../routes/reruns';
import { json, operation } from './operation-kit';
import { executionLinks } from './paths-executions';
import { Execution } from './responses';

const tags = ['executions'];

/** Re-runs of a finished execution: whole, or from a node with the upstream outputs reused (docs/reruns.md). */
export const rerunPaths: ZodOpenApiPathsObject = {
  '/api/v1/executions/{id}/rerun': {
    post: operation('/api/v1/executions/{id}/rerun', {
      operationId: 'rerunExecution',
      tags,
      summary: 'Re-run a finished execution, whole or from a node (nodes not downstream reuse their recorded outputs: no activity, no tokens)',
      body: RerunBody,
      bodyExample: { from_node: 'failed', input_data: { n: 21 } },
      rateLimited: true,
      errors: [404, 409, 429],
      headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional() }),
      ok: {
        202: json(Execution, 'the new execution (sync: still running after SYNC_WAIT_MS)', { links: executionLinks }),
        200: json(Execution, 'sync: the new execution once ended; or the one an Idempotency-Key already made', { links: executionLinks }),
      },
    }),
  },
  '/api/v1/executions/{id}/reruns': {
    get: operation('/api/v1/executions/{id}/reruns', {
      operationId: 'listReruns',
      tags,
      summary: 'The re-runs made from an execution, newest first',
      query: RerunsQuery,
      errors: [404],
      ok: { 200: json(z.object({ items: z.array(Execution) }), 'the re-runs') },
    }),
  },
};
