import type { ControlAction } from '@trellis/definition';
import type { ApiDeps } from '../deps';
import { json } from '../openapi/operation-kit';
import { ControlResponse } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { controlExecution } from '../services/control-execution';
import { executionDtoFor } from '../services/execution-dto';

/** The execution after a control action, with what happened: what every control route answers. */
export async function controlResult(deps: ApiDeps, userId: string, id: string, action: ControlAction) {
  const { execution, message } = await controlExecution(deps, userId, id, action);
  return { ...executionDtoFor(deps)(execution), message };
}

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
    rateLimit: 'write',
    errors: [404, 409],
    ok: { 200: json(ControlResponse, 'the execution after the action') },
    handler: async ({ deps, params, userId, res }) => {
      res.json(await controlResult(deps, userId, params.id, action));
    },
  });
}
