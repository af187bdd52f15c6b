import { randomBytes } from 'node:crypto';
import {
  ApplicationFailure,
  QueryRejectedError,
  WorkflowClient,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { findWorkflow } from '@trellis/db';
import {
  clearTestSessionUpdate,
  closeTestSessionUpdate,
  IS_TEST_ATTRIBUTE,
  OWNER_ATTRIBUTE,
  sendTestMessageUpdate,
  setTestVariablesUpdate,
  TestSessionErrors,
  testSessionQuery,
  WORKFLOW_ID_ATTRIBUTE,
  WORKFLOW_NAME_ATTRIBUTE,
  type testSessionWorkflow,
  type TestSessionInput,
  type TestSessionView,
} from '@trellis/workflows';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { testSessionSettings } from './test-sessions-settings';

/** Thrown for an unknown, expired, deleted or another user's session: the test-session API's 400, all alike. */
export const testSessionNotFound = (id: string) => new AppError(400, 'TEST_SESSION_NOT_FOUND', `test session not found or expired: ${id}`);

/** Thrown when the workflow to test does not exist or belongs to another user (the test-session API's 400). */
export const testWorkflowNotFound = (id: string) => new AppError(400, 'WORKFLOW_NOT_FOUND', `workflow not found: ${id}`);

/** Thrown when a request would exceed a test-session limit; `code` says which. */
export const testSessionLimit = (code: string, message: string) => new AppError(400, code, message);

const SESSION_ID = /^test_[A-Za-z0-9]{1,64}$/;
const WORKFLOW_TYPE = 'testSessionWorkflow';

/** The session's Temporal workflow id: the owner is part of it, so another user's id names no workflow. */
export function testSessionWorkflowId(ownerId: string, sessionId: string): string {
  return `test-session:${ownerId}:${sessionId}`;
}

export interface CreateTestSessionParams {
  ownerId: string;
  workflowId: string;
  variables?: Record<string, unknown>;
}

/** Snapshots the owner's workflow and starts its session workflow; answers without waiting for a worker. */
export async function createTestSession(deps: ApiDeps, params: CreateTestSessionParams): Promise<TestSessionView> {
  const settings = testSessionSettings(deps.settings.testSessions);
  const workflow = await findWorkflow(deps.database.db, params.workflowId, params.ownerId);
  if (!workflow) throw testWorkflowNotFound(params.workflowId);
  const variables = params.variables ?? {};
  checkVariablesSize(deps, variables);
  const open = await deps.temporal.workflow.count(openSessionsQuery(params.ownerId));
  if (open.count >= settings.maxSessionsPerUser) {
    throw testSessionLimit(
      'TEST_SESSION_LIMIT',
      `you have ${open.count} open test sessions; the limit is ${settings.maxSessionsPerUser}: delete one first`,
    );
  }

  const sessionId = `test_${randomBytes(8).toString('hex')}`;
  const createdAt = new Date().toISOString();
  const input: TestSessionInput = {
    sessionId,
    ownerId: params.ownerId,
    workflow: { id: workflow.id, name: workflow.name, version: workflow.version, definition: workflow.definition },
    limits: {
      idleTimeoutMs: settings.idleTimeoutMs,
      maxMessages: settings.maxMessages,
      maxMessageLength: settings.maxMessageLength,
      turnTimeoutMs: settings.turnTimeoutMs,
      updatesPerRun: settings.updatesPerRun,
    },
    initial: { variables, createdAt },
  };
  await deps.temporal.workflow.start<typeof testSessionWorkflow>(WORKFLOW_TYPE, {
    taskQueue: deps.settings.taskQueue,
    workflowId: testSessionWorkflowId(params.ownerId, sessionId),
    args: [input],
    // A deleted or expired session id never comes back.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    memo: { owner: params.ownerId, workflow_id: workflow.id, workflow_name: workflow.name },
    typedSearchAttributes: [
      { key: OWNER_ATTRIBUTE, value: params.ownerId },
      { key: WORKFLOW_ID_ATTRIBUTE, value: workflow.id },
      { key: WORKFLOW_NAME_ATTRIBUTE, value: workflow.name },
      { key: IS_TEST_ATTRIBUTE, value: true },
    ],
  });
  return {
    sessionId,
    workflowId: workflow.id,
    workflowName: workflow.name,
    workflowVersion: workflow.version,
    variables,
    messages: [],
    createdAt,
    lastActiveAt: createdAt,
    expiresAt: new Date(Date.parse(createdAt) + settings.idleTimeoutMs).toISOString(),
    closed: false,
  };
}

/** The owner's open session; a closed, unknown or foreign one throws testSessionNotFound. */
export async function readTestSession(deps: ApiDeps, ownerId: string, sessionId: string): Promise<TestSessionView> {
  const view = await withSessionErrors(sessionId, () => sessionHandle(deps, ownerId, sessionId).query(testSessionQuery));
  if (view.closed) throw testSessionNotFound(sessionId);
  return view;
}

/** Runs one turn: the user message, the graph run and the reply; answers the session after it. */
export async function sendTestMessage(deps: ApiDeps, ownerId: string, sessionId: string, message: string): Promise<TestSessionView> {
  checkMessageLength(deps, message);
  const handle = sessionHandle(deps, ownerId, sessionId);
  return withSessionErrors(sessionId, () => handle.executeUpdate(sendTestMessageUpdate, { args: [{ message }] }));
}

/** Replaces the session's variables. */
export async function setTestVariables(
  deps: ApiDeps,
  ownerId: string,
  sessionId: string,
  variables: Record<string, unknown>,
): Promise<TestSessionView> {
  checkVariablesSize(deps, variables);
  const handle = sessionHandle(deps, ownerId, sessionId);
  return withSessionErrors(sessionId, () => handle.executeUpdate(setTestVariablesUpdate, { args: [variables] }));
}

/** Empties the session's messages and variables; the session stays open. */
export async function clearTestSession(deps: ApiDeps, ownerId: string, sessionId: string): Promise<TestSessionView> {
  const handle = sessionHandle(deps, ownerId, sessionId);
  return withSessionErrors(sessionId, () => handle.executeUpdate(clearTestSessionUpdate));
}

/** Ends the session (a turn in flight is cancelled); afterwards it reads as unknown. */
export async function deleteTestSession(deps: ApiDeps, ownerId: string, sessionId: string): Promise<void> {
  const handle = sessionHandle(deps, ownerId, sessionId);
  await withSessionErrors(sessionId, () => handle.executeUpdate(closeTestSessionUpdate));
}

/** The owner's open sessions, newest first (visibility is eventually consistent: a new one shows within ~1 s). */
export async function listTestSessions(deps: ApiDeps, ownerId: string): Promise<TestSessionView[]> {
  const settings = testSessionSettings(deps.settings.testSessions);
  const prefix = testSessionWorkflowId(ownerId, '');
  const sessionIds: string[] = [];
  for await (const info of deps.temporal.workflow.list({ query: openSessionsQuery(ownerId), pageSize: 100 })) {
    if (info.workflowId.startsWith(prefix)) sessionIds.push(info.workflowId.slice(prefix.length));
    if (sessionIds.length >= settings.maxSessionsPerUser * 2) break;
  }
  const views = await Promise.all(
    sessionIds.map((id) =>
      readTestSession(deps, ownerId, id).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'TEST_SESSION_NOT_FOUND') return undefined; // closed meanwhile
        throw error;
      }),
    ),
  );
  return views
    .filter((view): view is TestSessionView => view !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sessionId.localeCompare(a.sessionId));
}

/** Rejects variables larger than the configured size with a 400. */
function checkVariablesSize(deps: ApiDeps, variables: Record<string, unknown>): void {
  const { maxVariablesBytes } = testSessionSettings(deps.settings.testSessions);
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes > maxVariablesBytes) {
    throw testSessionLimit('TEST_VARIABLES_TOO_LARGE', `variables are ${bytes} bytes as JSON; the limit is ${maxVariablesBytes}`);
  }
}

/** Rejects a message longer than the configured limit before it reaches Temporal (the session checks again). */
function checkMessageLength(deps: ApiDeps, message: string): void {
  const { maxMessageLength } = testSessionSettings(deps.settings.testSessions);
  if (message.length > maxMessageLength) {
    throw testSessionLimit(TestSessionErrors.badMessage, `message has ${message.length} characters; the limit is ${maxMessageLength}`);
  }
}

const queryClients = new WeakMap<ApiDeps, WorkflowClient>();

/** A handle whose queries fail once the workflow has closed, so an ended session never answers a read. */
function sessionHandle(deps: ApiDeps, ownerId: string, sessionId: string) {
  if (!SESSION_ID.test(sessionId)) throw testSessionNotFound(sessionId);
  let client = queryClients.get(deps);
  if (!client) {
    client = new WorkflowClient({
      connection: deps.temporal.connection,
      namespace: deps.settings.namespace,
      queryRejectCondition: 'NOT_OPEN',
    });
    queryClients.set(deps, client);
  }
  return client.getHandle<typeof testSessionWorkflow>(testSessionWorkflowId(ownerId, sessionId));
}

async function withSessionErrors<T>(sessionId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || error instanceof QueryRejectedError) throw testSessionNotFound(sessionId);
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message } = error.cause;
      if (type === TestSessionErrors.closed) throw testSessionNotFound(sessionId);
      if (type === TestSessionErrors.full || type === TestSessionErrors.badMessage || type === TestSessionErrors.badVariables)
        throw testSessionLimit(type, message);
    }
    throw error;
  }
}

/** Visibility query for the owner's running sessions (the owner is quoted; results are checked by id prefix too). */
function openSessionsQuery(ownerId: string): string {
  const quoted = ownerId.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `WorkflowType = '${WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND ${OWNER_ATTRIBUTE.name} = '${quoted}'`;
}
