import { Router } from 'express';
import { z } from 'zod';
import type { ControlAction } from '@trellis/core';
import { controlExecution } from '../services/control-execution';
import type { ApiDeps } from '../deps';
import { toExecutionDto } from '../services/execution-dto';
import { parseBody } from '../validation';

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

/** PUT /executions/:id {status}: the same pause/resume/stop/cancel as the POST actions. */
export function executionStatusPutRouter(deps: ApiDeps): Router {
  const router = Router();

  router.put('/:id', async (req, res) => {
    const body = parseBody(PutExecutionBody, req.body);
    const { execution, message } = await controlExecution(deps, req.userId, req.params.id, ACTION_FOR_STATUS[body.status]);
    res.json({ ...toExecutionDto(execution, deps.settings.temporalUiUrl, deps.settings.namespace), message });
  });

  return router;
}
