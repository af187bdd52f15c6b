import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { EventStreamQuery, LastEventIdHeader } from '../routes/execution-events';
import { HistoryQuery } from '../routes/execution-history';
import { PutExecutionBody } from '../routes/execution-status-put';
import { IdempotencyKeyHeader } from '../routes/idempotency-key';
import { ListExecutionsQuery, LogsQuery, StartExecutionBody } from '../routes/executions';
import { json, operation } from './operation-kit';
import * as R from './responses';

const P = '/api/v1/executions';
const E = `${P}/{id}`;
const tags = ['executions'];

const byId = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/id' } });
/** From an answer carrying an execution to every call that takes its id (a stateful tester follows them). */
export const executionLinks = {
  GetExecution: byId('getExecution'),
  GetExecutionStatus: byId('getExecutionStatus'),
  ListExecutionNodes: byId('listExecutionNodes'),
  GetExecutionLogs: byId('getExecutionLogs'),
  GetExecutionTimeline: byId('getExecutionTimeline'),
  PauseExecution: byId('pauseExecution'),
  ResumeExecution: byId('resumeExecution'),
  StopExecution: byId('stopExecution'),
  CancelExecution: byId('cancelExecution'),
  SetExecutionStatus: byId('setExecutionStatus'),
  RerunExecution: byId('rerunExecution'),
  ListReruns: byId('listReruns'),
  GetRunHistoryRecord: { operationId: 'getRunHistoryRecord', parameters: { id: '$response.body#/workflow_id', execute_id: '$response.body#/id' } },
  DeleteRunHistoryRecord: { operationId: 'deleteRunHistoryRecord', parameters: { id: '$response.body#/workflow_id', execute_id: '$response.body#/id' } },
};

/** One Server-Sent Event: a stored event (id = its seq) or a live token delta (no id); `data` is the JSON message. */
export const ServerSentEvent = z
  .object({
    id: z.string().regex(/^\d+$/).optional().describe("the event's seq; token deltas have none"),
    event: z.string().describe('the event type, or node.token'),
    data: z.string().meta({
      contentMediaType: 'application/json',
      contentSchema: { anyOf: [{ $ref: '#/components/schemas/ExecutionEvent' }, { $ref: '#/components/schemas/TokenMessage' }] },
    }),
  })
  .meta({ id: 'ServerSentEvent', description: 'One event of a text/event-stream answer; idle streams also carry `: keep-alive` comments' });

const EventStream = { schema: ServerSentEvent };

const started = (description: string): ZodOpenApiResponseObject => json(R.Execution, description, { links: executionLinks });

const control = (action: 'pause' | 'resume' | 'stop' | 'cancel', summary: string) =>
  operation(`${E}/${action}`, {
    operationId: `${action}Execution`,
    tags,
    summary,
    description: 'Allowed or refused at once from the execution\'s current status: 409 INVALID_TRANSITION names it.',
    rateLimited: true,
    errors: [404, 409],
    ok: { 200: json(R.ControlResponse, 'the execution after the action') },
  });

/** /api/v1/executions: start, list, read, follow and control runs. */
export const executionPaths: ZodOpenApiPathsObject = {
  [P]: {
    post: operation(P, {
      operationId: 'startExecution',
      tags,
      summary: 'Start an execution of a saved workflow',
      description:
        'mode async (default): 202 with the pending execution. mode sync: waits for the end (at most SYNC_WAIT_MS) and answers 200 with the finished execution, or 202 if it is still running. mode stream: 200 with the events as Server-Sent Events until the terminal one. Idempotent by `execution_id` or the Idempotency-Key header: a repeat answers the same run (200 for async).',
      headers: z.object({ 'Idempotency-Key': IdempotencyKeyHeader.optional(), 'Last-Event-ID': LastEventIdHeader.optional() }),
      body: StartExecutionBody,
      bodyExample: { workflow_id: 'wf_…', input_data: { name: 'Ada' }, mode: 'async' },
      rateLimited: true,
      errors: [404, 409],
      ok: {
        202: started('async: the run was started (pending). sync: it is still running after SYNC_WAIT_MS.'),
        200: {
          description: 'sync: the finished execution. async: the run an idempotent repeat refers to. stream: its events.',
          content: { 'application/json': { schema: R.Execution }, 'text/event-stream': EventStream },
          links: executionLinks,
        },
      },
    }),
    get: operation(P, {
      operationId: 'listExecutions',
      tags,
      summary: "List the caller's executions, newest first",
      description: 'Follow next_cursor (as fast at any depth as the first page); `page` is OFFSET-based and slower the deeper it goes.',
      query: ListExecutionsQuery,
      ok: { 200: json(R.ExecutionPage, 'one page of executions') },
    }),
  },
  [E]: {
    get: operation(E, {
      operationId: 'getExecution',
      tags,
      summary: 'Read an execution with a summary of its nodes',
      errors: [404],
      ok: { 200: json(R.ExecutionDetail, 'the execution') },
    }),
    put: operation(E, {
      operationId: 'setExecutionStatus',
      tags,
      summary: 'Pause, resume, stop or cancel by the status asked for',
      description: 'paused → pause, running → resume, stopped → stop, cancelled → cancel; 409 INVALID_TRANSITION when not allowed now.',
      body: PutExecutionBody,
      bodyExample: { status: 'paused' },
      rateLimited: true,
      errors: [404, 409],
      ok: { 200: json(R.ControlResponse, 'the execution after the action') },
    }),
  },
  [`${E}/status`]: {
    get: operation(`${E}/status`, {
      operationId: 'getExecutionStatus',
      tags,
      summary: 'Status, current nodes, progress and open human waits',
      errors: [404],
      ok: { 200: json(R.ExecutionStatusResponse, 'the status') },
    }),
  },
  [`${E}/nodes`]: {
    get: operation(`${E}/nodes`, {
      operationId: 'listExecutionNodes',
      tags,
      summary: "Every node's input, output, duration, usage and attempts",
      errors: [404],
      ok: { 200: json(R.NodesResponse, 'the node records') },
    }),
  },
  [`${E}/logs`]: {
    get: operation(`${E}/logs`, {
      operationId: 'getExecutionLogs',
      tags,
      summary: "The execution's log: its stored events in seq order",
      query: LogsQuery,
      errors: [404],
      ok: { 200: json(R.LogsResponse, 'the log') },
    }),
  },
  [`${E}/history`]: {
    get: operation(`${E}/history`, {
      operationId: 'getExecutionTimeline',
      tags,
      summary: 'One timeline: platform events merged with the Temporal event history',
      description: 'Reads the Temporal history, so it has a per-user rate limit of its own (429).',
      query: HistoryQuery,
      rateLimited: true,
      errors: [404],
      ok: { 200: json(R.TimelineResponse, 'the timeline in time order') },
    }),
  },
  [`${E}/events`]: {
    get: operation(`${E}/events`, {
      operationId: 'streamExecutionEvents',
      tags,
      summary: "Follow the execution's events as Server-Sent Events",
      description: 'Replays the stored events after Last-Event-ID (or ?since=), then follows live until the terminal event; ends at once for a finished run with nothing left to send.',
      query: EventStreamQuery,
      headers: z.object({ 'Last-Event-ID': LastEventIdHeader.optional() }),
      errors: [404],
      ok: { 200: { description: 'the event stream', content: { 'text/event-stream': EventStream } } },
    }),
  },
  [`${E}/pause`]: { post: control('pause', 'Pause: running nodes finish, nothing new starts until resumed') },
  [`${E}/resume`]: { post: control('resume', 'Resume a paused execution') },
  [`${E}/stop`]: { post: control('stop', 'Stop: running nodes finish, the run ends as stopped') },
  [`${E}/cancel`]: { post: control('cancel', 'Cancel: running nodes are cancelled, the run ends as cancelled') },
};
