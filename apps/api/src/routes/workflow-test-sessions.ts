import { STATUS_CODES } from 'node:http';
import { Router, type ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { toSessionDtos } from '../services/test-sessions-dto';
import {
  clearTestSession,
  createTestSession,
  deleteTestSession,
  listTestSessions,
  readTestSession,
  sendTestMessage,
  setTestVariables,
} from '../services/test-sessions';

export const Variables = z.record(z.string(), z.unknown());

export const CreateSessionBody = z
  .object({
    workflowId: z.string().min(1).max(200),
    variables: Variables.nullish(),
  })
  .strict();

export const SendMessageBody = z.object({ message: z.string() }).strict();

/**
 * /workflow-test/sessions: multi-turn test chats with a saved workflow, each a long-lived
 * Temporal workflow. 4xx answers take the test-session API's own shape `{status, error, message, code}`.
 */
export function workflowTestSessionsRouter(deps: ApiDeps): Router {
  const router = Router();
  const dto = async (view: Parameters<typeof toSessionDtos>[1][number]) => (await toSessionDtos(deps.database.db, [view]))[0];

  router.post('/', async (req, res) => {
    const body = parseSessionBody(CreateSessionBody, req.body);
    const view = await createTestSession(deps, { ownerId: req.userId, workflowId: body.workflowId, variables: body.variables ?? undefined });
    res.json(await dto(view));
  });

  router.get('/', async (req, res) => {
    res.json(await toSessionDtos(deps.database.db, await listTestSessions(deps, req.userId)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await dto(await readTestSession(deps, req.userId, req.params.id)));
  });

  router.post('/:id/messages', async (req, res) => {
    const { message } = parseSessionBody(SendMessageBody, req.body);
    res.json(await dto(await sendTestMessage(deps, req.userId, req.params.id, message)));
  });

  router.post('/:id/clear', async (req, res) => {
    res.json(await dto(await clearTestSession(deps, req.userId, req.params.id)));
  });

  router.put('/:id/variables', async (req, res) => {
    const variables = parseSessionBody(Variables, req.body);
    res.json(await dto(await setTestVariables(deps, req.userId, req.params.id, variables)));
  });

  router.delete('/:id', async (req, res) => {
    await deleteTestSession(deps, req.userId, req.params.id);
    res.status(204).end();
  });

  router.use(testSessionErrors(deps.log));
  return router;
}

/** Parses a body; every problem is a 400 naming the fields, as the test-session API answers bad input. */
function parseSessionBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined) throw new AppError(400, 'VALIDATION_FAILED', 'a JSON request body is required', [{ path: '', message: 'required' }]);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  throw new AppError(400, 'VALIDATION_FAILED', `request body is invalid: ${text}`, problems);
}

/** Answers this router's 4xx errors in the test-session API's shape; 5xx go on to the app's error handler. */
function testSessionErrors(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!(error instanceof AppError) || error.status >= 500 || res.headersSent) return next(error);
    log.warn({ code: error.code, reqId: req.id }, error.message);
    res.status(error.status).json({
      status: error.status,
      error: STATUS_CODES[error.status] ?? 'Error',
      message: error.message,
      code: error.code,
      ...(error.details ? { details: error.details } : {}),
    });
  };
}
