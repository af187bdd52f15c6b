import { z } from 'zod';
import type { ControlAction } from '@trellis/definition';
import { controlResult } from './control-routes';
import { json } from '../openapi/operation-kit';
import { ControlResponse } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';

/** The statuses a client may ask for, and the control action that reaches each. */
const ACTION_FOR_STATUS = {
  paused: 'pause',
  running: 'resume',
  stopped: 'stop',
  cancelled: 'cancel',
} as const satisfies Record<string, ControlAction>;

export const PutExecutionBody = z
  .object({
    status: z.enum(Object.keys(ACTION_FOR_STATUS) as [keyof typeof ACTION_FOR_STATUS]),
  })
  .strict();

/** PUT /api/v1/executions/{id} {status}: the same pause/resume/stop/cancel as the POST actions. */
export const executionStatusPutRoutes: ApiRoute[] = [
  apiRoute({
    method: 'put',
    path: '/api/v1/executions/{id}',
    operationId: 'setExecutionStatus',
    tags: ['executions'],
    summary: 'Pause, resume, stop or cancel by the status asked for',
    description: 'paused → pause, running → resume, stopped → stop, cancelled → cancel; 409 INVALID_TRANSITION when not allowed now.',
    body: PutExecutionBody,
    bodyExample: { status: 'paused' },
    rateLimit: 'write',
    errors: [404, 409],
    ok: { 200: json(ControlResponse, 'the execution after the action') },
    handler: async ({ deps, params, body, userId, res }) => {
      res.json(await controlResult(deps, userId, params.id, ACTION_FOR_STATUS[body.status]));
    },
  }),
];
