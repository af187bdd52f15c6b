import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { CreateSessionBody, SendMessageBody, Variables } from '../routes/workflow-test-sessions';
import { json, operation, type OperationSpec } from './operation-kit';
import { TestSession, TestSessionError } from './test-session-responses';

const P = '/api/v1/workflow-test/sessions';
const S = `${P}/{id}`;
const tags = ['test sessions'];

const bySession = (operationId: string) => ({ operationId, parameters: { id: '$response.body#/testSessionId' } });
const sessionLinks = {
  GetTestSession: bySession('getTestSession'),
  SendTestMessage: bySession('sendTestMessage'),
  ClearTestSession: bySession('clearTestSession'),
  SetTestVariables: bySession('setTestVariables'),
  DeleteTestSession: bySession('deleteTestSession'),
};

// 4xx of these routes take their own shape; an unknown or expired session is a 400 TEST_SESSION_NOT_FOUND.
const sessionOp = (path: string, spec: OperationSpec) => operation(path, { tags, errorShape: TestSessionError, ...spec });

/** /api/v1/workflow-test/sessions: chat-style multi-turn tests of a saved workflow (camelCase fields). */
export const testSessionPaths: ZodOpenApiPathsObject = {
  [P]: {
    post: sessionOp(P, {
      operationId: 'createTestSession',
      summary: 'Open a test session of a saved workflow',
      body: CreateSessionBody,
      rateLimited: true,
      errors: [400],
      ok: { 200: json(TestSession, 'the new session', { links: sessionLinks }) },
    }),
    get: sessionOp(P, {
      operationId: 'listTestSessions',
      summary: "The caller's open test sessions",
      ok: { 200: json(z.array(TestSession), 'the sessions') },
    }),
  },
  [S]: {
    get: sessionOp(S, {
      operationId: 'getTestSession',
      summary: 'Read a session with its messages',
      errors: [400],
      ok: { 200: json(TestSession, 'the session') },
    }),
    delete: sessionOp(S, {
      operationId: 'deleteTestSession',
      summary: 'Close and delete a session',
      rateLimited: true,
      errors: [400],
      ok: { 204: { description: 'deleted' } },
    }),
  },
  [`${S}/messages`]: {
    post: sessionOp(`${S}/messages`, {
      operationId: 'sendTestMessage',
      summary: "Send a message: the workflow runs on it and the reply is the session's last message",
      body: SendMessageBody,
      bodyExample: { message: 'hello' },
      rateLimited: true,
      errors: [400],
      ok: { 200: json(TestSession, 'the session with the reply') },
    }),
  },
  [`${S}/clear`]: {
    post: sessionOp(`${S}/clear`, {
      operationId: 'clearTestSession',
      summary: "Clear the session's messages (variables stay)",
      rateLimited: true,
      errors: [400],
      ok: { 200: json(TestSession, 'the cleared session') },
    }),
  },
  [`${S}/variables`]: {
    put: sessionOp(`${S}/variables`, {
      operationId: 'setTestVariables',
      summary: "Replace the session's variables",
      body: Variables,
      bodyExample: { locale: 'en' },
      rateLimited: true,
      errors: [400],
      ok: { 200: json(TestSession, 'the session with its new variables') },
    }),
  },
};
