import { z } from 'zod';
import { definitionJsonSchema } from '@trellis/core';
import { ExecuteBody } from '../routes/execute-compat';
import { EventStreamQuery } from '../routes/execution-events';
import { HistoryQuery } from '../routes/execution-history';
import { PutExecutionBody } from '../routes/execution-status-put';
import { ListExecutionsQuery, LogsQuery, StartExecutionBody } from '../routes/executions';
import { PageQuery } from '../routes/paging';
import { HistoryPageQuery } from '../routes/workflow-history';
import { CreateWorkflowBody, UpdateWorkflowBody } from '../routes/workflows';
import * as R from './responses';

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  ok: { status: number; schema?: z.ZodType; description?: string };
  errors: number[];
  public?: boolean;
}

const control = (action: string): Operation => ({
  method: 'post',
  path: `/api/v1/executions/{id}/${action}`,
  summary: `${action[0]!.toUpperCase()}${action.slice(1)} the execution (409 with the current status if not allowed now)`,
  ok: { status: 200, schema: R.ControlResponse },
  errors: [401, 404, 409, 503],
});

/** Every documented operation: the request schemas are the ones the routes validate with. */
const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'The process answers', ok: { status: 200 }, errors: [], public: true },
  { method: 'get', path: '/readyz', summary: 'Temporal and Postgres answer (503 otherwise)', ok: { status: 200 }, errors: [503], public: true },
  { method: 'post', path: '/api/v1/workflows', summary: 'Save a workflow (422 lists every definition problem)', body: CreateWorkflowBody, ok: { status: 201, schema: R.Workflow }, errors: [400, 401, 413, 422] },
  { method: 'get', path: '/api/v1/workflows', summary: "List the caller's workflows", query: PageQuery, ok: { status: 200, schema: R.pageOf(R.Workflow) }, errors: [400, 401] },
  { method: 'get', path: '/api/v1/workflows/{id}', summary: 'Read a workflow', ok: { status: 200, schema: R.Workflow }, errors: [401, 404] },
  { method: 'put', path: '/api/v1/workflows/{id}', summary: 'Update a workflow; a new definition bumps its version', body: UpdateWorkflowBody, ok: { status: 200, schema: R.Workflow }, errors: [400, 401, 404, 422] },
  { method: 'delete', path: '/api/v1/workflows/{id}', summary: 'Delete a workflow (its executions stay readable)', ok: { status: 204 }, errors: [401, 404] },
  { method: 'get', path: '/api/v1/workflows/{id}/history', summary: 'Per-workflow run history, newest first (seeds 000/001): by ?cursor= (fast at any depth) or ?page_index= (OFFSET)', query: HistoryPageQuery, ok: { status: 200, schema: R.HistoryPage }, errors: [400, 401, 404] },
  { method: 'get', path: '/api/v1/workflows/{id}/history/{execute_id}', summary: 'One run of the per-workflow history', ok: { status: 200 }, errors: [401, 404] },
  { method: 'delete', path: '/api/v1/workflows/{id}/history/{execute_id}', summary: 'Delete one finished run record (409 while live)', ok: { status: 200 }, errors: [401, 404, 409] },
  { method: 'delete', path: '/api/v1/workflows/{id}/history', summary: "Clear a workflow's history (409 while any run is live)", ok: { status: 200 }, errors: [401, 404, 409] },
  { method: 'post', path: '/api/v1/executions', summary: 'Start an execution: async → 202, sync → waits (bounded), stream → Server-Sent Events. Idempotent by execution_id or Idempotency-Key', body: StartExecutionBody, ok: { status: 202, schema: R.Execution }, errors: [400, 401, 404, 409, 413, 422, 429, 503] },
  { method: 'get', path: '/api/v1/executions', summary: "List the caller's executions, newest first: by ?cursor= (fast at any depth) or ?page= (OFFSET)", query: ListExecutionsQuery, ok: { status: 200, schema: R.ExecutionPage }, errors: [400, 401] },
  { method: 'get', path: '/api/v1/executions/{id}', summary: 'Read an execution with its node summary', ok: { status: 200, schema: R.ExecutionDetail }, errors: [401, 404] },
  { method: 'put', path: '/api/v1/executions/{id}', summary: 'Set status paused/running/stopped/cancelled (seed 002): the control actions', body: PutExecutionBody, ok: { status: 200, schema: R.ControlResponse }, errors: [401, 404, 409, 422] },
  { method: 'get', path: '/api/v1/executions/{id}/status', summary: 'Status, current nodes and progress (seed 003)', ok: { status: 200, schema: R.ExecutionStatusResponse }, errors: [401, 404] },
  { method: 'get', path: '/api/v1/executions/{id}/nodes', summary: "Every node's input, output, duration, usage and attempts", ok: { status: 200, schema: R.NodesResponse }, errors: [401, 404] },
  { method: 'get', path: '/api/v1/executions/{id}/logs', summary: 'The execution log (seed 003)', query: LogsQuery, ok: { status: 200, schema: R.LogsResponse }, errors: [400, 401, 404] },
  { method: 'get', path: '/api/v1/executions/{id}/history', summary: 'One timeline: platform events merged with the Temporal event history', query: HistoryQuery, ok: { status: 200, schema: R.TimelineResponse }, errors: [400, 401, 404, 429, 503] },
  { method: 'get', path: '/api/v1/executions/{id}/events', summary: 'The execution\'s events as Server-Sent Events (text/event-stream) until the terminal one; resumes after the Last-Event-ID header (or ?since=)', query: EventStreamQuery, ok: { status: 200 }, errors: [400, 401, 404] },
  control('pause'),
  control('resume'),
  control('stop'),
  control('cancel'),
  { method: 'post', path: '/api/v1/execute', summary: 'Seed 003: start with an inline definition', body: ExecuteBody, ok: { status: 202, schema: R.Execution }, errors: [400, 401, 409, 422, 429] },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'malformed JSON or query',
  401: 'missing, invalid or expired token',
  404: 'not found (or not yours)',
  409: 'conflict with the current state',
  413: 'body too large',
  422: 'validation failed; details list every problem',
  429: 'rate or concurrency limit; see Retry-After',
  503: 'Temporal or Postgres unreachable',
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      })),
    ];
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: op.ok.description ?? 'success',
        ...(op.ok.schema ? { content: { 'application/json': { schema: jsonSchema(op.ok.schema, 'output') } } } : {}),
      },
    };
    for (const status of op.errors) {
      responses[status] = { description: ERROR_TEXT[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Trellis API', version: '1.0.0', description: 'Temporal-orchestrated AI workflows. WebSocket: /ws and /ws/{execution_id}?since=<seq>.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(R.ErrorResponse, 'output'), WorkflowDefinition: definitionJsonSchema() },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

/** Operation list for the readable /docs page. */
export function documentedOperations(): ReadonlyArray<Pick<Operation, 'method' | 'path' | 'summary'>> {
  return OPERATIONS;
}
