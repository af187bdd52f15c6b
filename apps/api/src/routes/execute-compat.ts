import { z } from 'zod';
import { executeLinks } from '../openapi/execution-links';
import { HELLO_WORKFLOW } from '../openapi/examples';
import { json } from '../openapi/operation-kit';
import * as R from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { controlRoute } from './control-routes';
import { executionDtoFor } from '../services/execution-dto';
import { startExecution } from '../services/start-execution';
import { IdempotencyKeyHeader, idempotencyKeyOf } from './idempotency-key';
import { ClientExecutionId, LogsQuery, readLogs, readStatus } from './executions';
import { checkedDefinition, DefinitionInput } from './workflows';
import { limitStarts } from '../limits/start-limits';

export const ExecuteBody = z
  .object({
    execution_id: ClientExecutionId.optional(),
    workflow_id: z.string().min(1).max(200),
    definition: DefinitionInput,
    input_data: z.unknown().optional(),
  })
  .strict();

const P = '/api/v1/execute';
const tags = ['the /execute compatibility API'];

/**
 * The /execute compatibility API: runs an inline definition without saving a workflow. Status, logs and
 * pause/resume/stop answer as the /executions routes do (the same handlers), so both surfaces behave identically.
 */
export const executeCompatRoutes: ApiRoute[] = [
  apiRoute({
    method: 'post',
    path: P,
    operationId: 'executeInline',
    tags,
    summary: 'Run an inline definition without saving a workflow',
    description:
      '`workflow_id` only names the run. Idempotent by `execution_id` or Idempotency-Key (a repeat answers 200 with the same run).',
    headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional() }),
    body: ExecuteBody,
    bodyExample: { workflow_id: 'hello', definition: HELLO_WORKFLOW, input_data: { name: 'Ada' } },
    rateLimit: 'start',
    errors: [409],
    ok: {
      202: json(R.Execution, 'the run was started (pending)', { links: executeLinks }),
      200: json(R.Execution, 'the run an idempotent repeat refers to'),
    },
    guard: limitStarts,
    handler: async ({ deps, body, userId, req, res }) => {
      const definition = checkedDefinition(body.definition);
      const { execution, created } = await startExecution(deps, {
        ownerId: userId,
        workflow: { id: body.workflow_id, name: body.workflow_id, version: 0, definition },
        inputData: body.input_data,
        executionId: body.execution_id,
        idempotencyKey: idempotencyKeyOf(req),
        mode: 'async',
      });
      res.status(created ? 202 : 200).json(executionDtoFor(deps)(execution));
    },
  }),
  apiRoute({
    method: 'get',
    path: `${P}/{id}/status`,
    operationId: 'getExecuteStatus',
    tags,
    summary: 'Status, current nodes and progress',
    errors: [404],
    ok: { 200: json(R.ExecutionStatusResponse, 'the status') },
    handler: readStatus,
  }),
  apiRoute({
    method: 'get',
    path: `${P}/{id}/logs`,
    operationId: 'getExecuteLogs',
    tags,
    summary: "The execution's log",
    query: LogsQuery,
    errors: [404],
    ok: { 200: json(R.LogsResponse, 'the log') },
    handler: readLogs,
  }),
  ...(['pause', 'resume', 'stop'] as const).map((action) =>
    controlRoute({
      path: `${P}/{id}/${action}`,
      action,
      operationId: `${action}Execute`,
      tags,
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} (the same as POST /api/v1/executions/{id}/${action})`,
    }),
  ),
];
