import type { ControlAction } from '@trellis/core';
import { json } from '../openapi/operation-kit';
import { ControlResponse } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { controlExecution } from '../services/control-execution';
import { toExecutionDto } from '../services/execution-dto';

interface ControlRouteSpec {
  path: `${string}/{id}/${ControlAction}`;
  action: ControlAction;
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
}

/** POST …/{id}/pause|resume|stop|cancel: the action, allowed or refused at once from the run's current status. */
export function controlRoute({ action, ...spec }: ControlRouteSpec): ApiRoute {
  return apiRoute({
    method: 'post',
    ...spec,
    rateLimited: true,
    errors: [404, 409],
    ok: { 200: json(ControlResponse, 'the execution after the action') },
    handler: async ({ deps, params, userId, res }) => {
      const { execution, message } = await controlExecution(deps, userId, params.id, action);
      res.json({ ...toExecutionDto(execution, deps.settings.temporalUiUrl, deps.settings.namespace), message });
    },
  });
}
