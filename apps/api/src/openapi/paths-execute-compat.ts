import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ExecuteBody } from '../routes/execute-compat';
import { LogsQuery } from '../routes/executions';
import { IdempotencyKeyHeader } from '../routes/idempotency-key';
import { HELLO_WORKFLOW } from './examples';
import { json, operation } from './operation-kit';
import * as R from './responses';

const P = '/api/v1/execute';
const tags = ['the /execute compatibility API'];

const byId = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/id' } });

const control = (action: 'pause' | 'resume' | 'stop') =>
  operation(`${P}/{id}/${action}`, {
    operationId: `${action}Execute`,
    tags,
    summary: `${action[0]!.toUpperCase()}${action.slice(1)} (the same as POST /api/v1/executions/{id}/${action})`,
    rateLimited: true,
    errors: [404, 409],
    ok: { 200: json(R.ControlResponse, 'the execution after the action') },
  });

/** The /execute compatibility API: runs an inline definition; its reads and controls are the /executions routes'. */
export const executeCompatPaths: ZodOpenApiPathsObject = {
  [P]: {
    post: operation(P, {
      operationId: 'executeInline',
      tags,
      summary: 'Run an inline definition without saving a workflow',
      description: '`workflow_id` only names the run. Idempotent by `execution_id` or Idempotency-Key (a repeat answers 200 with the same run).',
      headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional() }),
      body: ExecuteBody,
      bodyExample: { workflow_id: 'hello', definition: HELLO_WORKFLOW, input_data: { name: 'Ada' } },
      rateLimited: true,
      errors: [409],
      ok: {
        202: json(R.Execution, 'the run was started (pending)', {
          links: {
            GetExecuteStatus: byId('getExecuteStatus'),
            GetExecuteLogs: byId('getExecuteLogs'),
            PauseExecute: byId('pauseExecute'),
            ResumeExecute: byId('resumeExecute'),
            StopExecute: byId('stopExecute'),
          },
        }),
        200: json(R.Execution, 'the run an idempotent repeat refers to'),
      },
    }),
  },
  [`${P}/{id}/status`]: {
    get: operation(`${P}/{id}/status`, {
      operationId: 'getExecuteStatus',
      tags,
      summary: 'Status, current nodes and progress',
      errors: [404],
      ok: { 200: json(R.ExecutionStatusResponse, 'the status') },
    }),
  },
  [`${P}/{id}/logs`]: {
    get: operation(`${P}/{id}/logs`, {
      operationId: 'getExecuteLogs',
      tags,
      summary: "The execution's log",
      query: LogsQuery,
      errors: [404],
      ok: { 200: json(R.LogsResponse, 'the log') },
    }),
  },
  [`${P}/{id}/pause`]: { post: control('pause') },
  [`${P}/{id}/resume`]: { post: control('resume') },
  [`${P}/{id}/stop`]: { post: control('stop') },
};
