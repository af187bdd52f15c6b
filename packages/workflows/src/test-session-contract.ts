import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { WorkflowDefinition } from '@trellis/definition/pure';

/** The saved workflow a test session runs: a snapshot taken when the session was created. */
export interface TestSessionWorkflowRef {
  id: string;
  name: string;
  version: number;
  definition: WorkflowDefinition;
}

/** Per-session knobs, fixed when the session is created (from the API's settings). */
export interface TestSessionLimits {
  /** The session ends after this long without a message, variables change or clear. */
  idleTimeoutMs: number;
  /** Messages (user and assistant together) a session may hold; a turn adds two. */
  maxMessages: number;
  /** Characters a user message may have. */
  maxMessageLength: number;
  /** Each turn's graph run is timed out after this long. */
  turnTimeoutMs: number;
  /** Updates handled per workflow run before the session continues as new (keeps history short). */
  updatesPerRun: number;
}

/** What the assistant message of a turn records about the run behind it. */
export interface TurnMeta {
  /** The test execution (and child workflow) id; its node rows hold the per-node details. */
  executionId: string;
  success: boolean;
  durationMs: number;
  errorMessage: string | null;
  needHumanTransfer: boolean;
  /** The human node the turn's run waits on (its prompt is the reply); answer it through the API or the console. */
  waitingNodeId?: string;
}

export interface TestMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  timestamp: string;
  meta: TurnMeta | null;
}

/** Everything a session holds; carried over when it continues as new. */
export interface TestSessionState {
  variables: Record<string, unknown>;
  messages: TestMessage[];
  createdAt: string;
  lastActiveAt: string;
}

/** Arguments of `testSessionWorkflow`; `state` is absent on a fresh session and set on continue-as-new. */
export interface TestSessionInput {
  sessionId: string;
  ownerId: string;
  workflow: TestSessionWorkflowRef;
  limits: TestSessionLimits;
  /** Variables and creation time of a fresh session (set by the API, which answers before the first task runs). */
  initial: { variables: Record<string, unknown>; createdAt: string };
  state?: TestSessionState;
}

/** What queries and updates answer: the session as the API shows it (node details are joined in by the API). */
export interface TestSessionView extends TestSessionState {
  sessionId: string;
  workflowId: string;
  workflowName: string;
  workflowVersion: number;
  expiresAt: string;
  /** True once the session expired or was deleted (until its workflow completes). */
  closed: boolean;
}

/** ApplicationFailure types the session's validators and handlers throw; the API maps them to HTTP errors. */
export const TestSessionErrors = {
  /** The session expired or was deleted: reads as unknown. */
  closed: 'TEST_SESSION_CLOSED',
  /** Another turn would exceed `maxMessages`. */
  full: 'TEST_SESSION_FULL',
  /** The user message is longer than `maxMessageLength` or empty. */
  badMessage: 'TEST_MESSAGE_INVALID',
  /** The variables are not an object. */
  badVariables: 'TEST_VARIABLES_INVALID',
} as const;

export const testSessionQuery = defineQuery<TestSessionView>('testSession');
/** Appends the user message, runs the graph on it and appends the assistant reply. */
export const sendTestMessageUpdate = defineUpdate<TestSessionView, [{ message: string }]>('sendTestMessage');
/** Replaces the session's variables. */
export const setTestVariablesUpdate = defineUpdate<TestSessionView, [Record<string, unknown>]>('setTestVariables');
/** Empties messages and variables; the session stays. */
export const clearTestSessionUpdate = defineUpdate<TestSessionView>('clearTestSession');
/** Ends the session: a turn in flight is cancelled and the workflow completes. */
export const closeTestSessionUpdate = defineUpdate<void>('closeTestSession');

export interface CreateTestExecutionInput {
  executionId: string;
  ownerId: string;
  workflow: Omit<TestSessionWorkflowRef, 'definition'>;
  inputData: unknown;
  totalNodes: number;
}

export interface AbandonTestExecutionInput {
  executionId: string;
  status: 'cancelled' | 'failed';
  message: string;
}

/** The activities the session workflow calls; the worker implements them (apps/worker/src/activities). */
export interface TestSessionActivities {
  /** Writes the pending execution row (is_test) a turn's graph run records into; idempotent. */
  createTestExecution(input: CreateTestExecutionInput): Promise<void>;
  /** Ends the row of a turn whose graph run never started (session deleted, or the start failed). */
  abandonTestExecution(input: AbandonTestExecutionInput): Promise<void>;
}
