import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { toExecutionDto } from '../services/execution-dto';
import { startExecution } from '../services/start-execution';
import { idempotencyKeyOf } from './idempotency-key';
import { parseBody } from '../validation';
import { executionsRouter } from './executions';
import { checkedDefinition, DefinitionInput } from './workflows';
import { limitStarts } from '../limits/start-limits';

export const ExecuteBody = z
  .object({
    execution_id: z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/).optional(),
    workflow_id: z.string().min(1).max(200),
    definition: DefinitionInput,
    input_data: z.unknown().optional(),
  })
  .strict();

/**
 * The /execute compatibility API: runs an inline definition without saving a workflow. Status, logs and
 * pause/resume/stop are the /executions routes themselves, so both surfaces behave identically.
 */
export function executeCompatRouter(deps: ApiDeps): Router {
  const router = Router();
  const executions = executionsRouter(deps);

  router.post('/', limitStarts(deps), async (req, res) => {
    const body = parseBody(ExecuteBody, req.body);
    const definition = checkedDefinition(body.definition);
    const { execution, created } = await startExecution(deps, {
      ownerId: req.userId,
      workflow: { id: body.workflow_id, name: body.workflow_id, version: 0, definition },
      inputData: body.input_data,
      executionId: body.execution_id,
      idempotencyKey: idempotencyKeyOf(req),
      mode: 'async',
    });
    res.status(created ? 202 : 200).json(toExecutionDto(execution, deps.settings.temporalUiUrl, deps.settings.namespace));
  });

  // Same relative paths as under /executions, so the executions router matches them unchanged.
  router.get(['/:id/status', '/:id/logs'], executions);
  router.post(['/:id/pause', '/:id/resume', '/:id/stop'], executions);

  return router;
}
