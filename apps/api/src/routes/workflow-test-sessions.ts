import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { json } from '../openapi/operation-kit';
import { TestSession, TestSessionError } from '../openapi/test-session-responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
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

const P = '/api/v1/workflow-test/sessions';
const S = `${P}/{id}`;

const bySession = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/testSessionId' } });
const sessionLinks = {
  GetTestSession: bySession('getTestSession'),
  SendTestMessage: bySession('sendTestMessage'),
  ClearTestSession: bySession('clearTestSession'),
  SetTestVariables: bySession('setTestVariables'),
  DeleteTestSession: bySession('deleteTestSession'),
};

// 4xx of these routes take their own shape; an unknown or expired session is a 400 TEST_SESSION_NOT_FOUND.
const sessionRoute: typeof apiRoute = (spec) =>
  apiRoute({ tags: ['test sessions'], errorShape: TestSessionError, parseBody: parseSessionBody, ...spec });

const sessionDto = async (deps: ApiDeps, view: Parameters<typeof toSessionDtos>[1][number]) =>
  (await toSessionDtos(deps.database.db, [view]))[0];

/**
 * /api/v1/workflow-test/sessions: multi-turn test chats with a saved workflow, each a long-lived Temporal workflow
 * (camelCase fields). 4xx answers take the test-session API's own shape `{status, error, message, code}`: mount
 * these routes with testSessionErrors after them.
 */
export const testSessionRoutes: ApiRoute[] = [
  sessionRoute({
    method: 'post',
    path: P,
    operationId: 'createTestSession',
    summary: 'Open a test session of a saved workflow',
    body: CreateSessionBody,
    rateLimit: 'write',
    errors: [400],
    ok: { 200: json(TestSession, 'the new session', { links: sessionLinks }) },
    handler: async ({ deps, body, userId, res }) => {
      const view = await createTestSession(deps, { ownerId: userId, workflowId: body.workflowId, variables: body.variables ?? undefined });
      res.json(await sessionDto(deps, view));
    },
  }),
  sessionRoute({
    method: 'get',
    path: P,
    operationId: 'listTestSessions',
    summary: "The caller's open test sessions",
    ok: { 200: json(z.array(TestSession), 'the sessions') },
    handler: async ({ deps, userId, res }) => {
      res.json(await toSessionDtos(deps.database.db, await listTestSessions(deps, userId)));
    },
  }),
  sessionRoute({
    method: 'get',
    path: S,
    operationId: 'getTestSession',
    summary: 'Read a session with its messages',
    errors: [400],
    ok: { 200: json(TestSession, 'the session') },
    handler: async ({ deps, params, userId, res }) => {
      res.json(await sessionDto(deps, await readTestSession(deps, userId, params.id)));
    },
  }),
  sessionRoute({
    method: 'delete',
    path: S,
    operationId: 'deleteTestSession',
    summary: 'Close and delete a session',
    rateLimit: 'write',
    errors: [400],
    ok: { 204: { description: 'deleted' } },
    handler: async ({ deps, params, userId, res }) => {
      await deleteTestSession(deps, userId, params.id);
      res.status(204).end();
    },
  }),
  sessionRoute({
    method: 'post',
    path: `${S}/messages`,
    operationId: 'sendTestMessage',
    summary: "Send a message: the workflow runs on it and the reply is the session's last message",
    body: SendMessageBody,
    bodyExample: { message: 'hello' },
    rateLimit: 'start',
    errors: [400],
    ok: { 200: json(TestSession, 'the session with the reply') },
    handler: async ({ deps, params, body, userId, res }) => {
      res.json(await sessionDto(deps, await sendTestMessage(deps, userId, params.id, body.message)));
    },
  }),
  sessionRoute({
    method: 'post',
    path: `${S}/clear`,
    operationId: 'clearTestSession',
    summary: "Clear the session's messages (variables stay)",
    rateLimit: 'write',
    errors: [400],
    ok: { 200: json(TestSession, 'the cleared session') },
    handler: async ({ deps, params, userId, res }) => {
      res.json(await sessionDto(deps, await clearTestSession(deps, userId, params.id)));
    },
  }),
  sessionRoute({
    method: 'put',
    path: `${S}/variables`,
    operationId: 'setTestVariables',
    summary: "Replace the session's variables",
    body: Variables,
    bodyExample: { locale: 'en' },
    rateLimit: 'write',
    errors: [400],
    ok: { 200: json(TestSession, 'the session with its new variables') },
    handler: async ({ deps, params, body, userId, res }) => {
      res.json(await sessionDto(deps, await setTestVariables(deps, userId, params.id, body)));
    },
  }),
];

/** Parses a body; every problem is a 400 naming the fields, as the test-session API answers bad input. */
function parseSessionBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined)
    throw new AppError(400, 'VALIDATION_FAILED', 'a JSON request body is required', [{ path: '', message: 'required' }]);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  throw new AppError(400, 'VALIDATION_FAILED', `request body is invalid: ${text}`, problems);
}

/** Answers the test-session routes' 4xx errors in the test-session API's shape; 5xx go on to the app's error handler. */
export function testSessionErrors(log: Logger): ErrorRequestHandler {
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
