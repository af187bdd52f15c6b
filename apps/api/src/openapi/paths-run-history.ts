import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { HistoryPageQuery } from '../routes/workflow-history';
import { json, operation } from './operation-kit';
import { RunHistoryDeleted, RunHistoryDetail, RunHistoryPage } from './run-history-responses';

const P = '/api/v1/workflows/{id}/history';
const R = `${P}/{execute_id}`;
const tags = ['Coze-compatible run history'];

/** /api/v1/workflows/{id}/history: a workflow's runs as the Coze-compatible run history (times in Unix ms). */
export const runHistoryPaths: ZodOpenApiPathsObject = {
  [P]: {
    get: operation(P, {
      operationId: 'listRunHistory',
      tags,
      summary: "A workflow's runs, newest first",
      description: 'An unknown workflow has no runs (an empty page). Follow next_cursor (fast at any depth); `page_index` is OFFSET-based.',
      query: HistoryPageQuery,
      ok: { 200: json(RunHistoryPage, 'one page of run records') },
    }),
    delete: operation(P, {
      operationId: 'clearRunHistory',
      tags,
      summary: "Delete every finished run of a workflow (409 while any run is live; nothing is deleted then)",
      rateLimited: true,
      errors: [409],
      ok: { 200: json(RunHistoryDeleted, 'how many run records were deleted') },
    }),
  },
  [R]: {
    get: operation(R, {
      operationId: 'getRunHistoryRecord',
      tags,
      summary: "One run record with each node's status",
      errors: [404],
      ok: { 200: json(RunHistoryDetail, 'the run record') },
    }),
    delete: operation(R, {
      operationId: 'deleteRunHistoryRecord',
      tags,
      summary: 'Delete one finished run record (409 while it is live)',
      rateLimited: true,
      errors: [404, 409],
      ok: { 200: json(RunHistoryDeleted, 'deleted: 1') },
    }),
  },
};
