import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  log,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  clearTestSessionUpdate,
  closeTestSessionUpdate,
  sendTestMessageUpdate,
  setTestVariablesUpdate,
  TestSessionErrors,
  testSessionQuery,
  type TestSessionInput,
  type TestSessionState,
  type TestSessionView,
} from './test-session-contract';
import { humanWaitOpenedSignal, type HumanWaitOpened } from './human-contract';
import { MAX_REPLY_CHARS } from './test-session-reply';
import { runTestTurn, type TestTurnOutcome } from './test-session-turn';
import { utf8Length } from './utf8-length';

/**
 * Temporal rejects payloads over 2 MB (the default blob limit). The definition plus the session state
 * (what continue-as-new carries, and more than any update answers) stays under this, so neither the
 * session nor a turn's child input can ever hit the limit; a message that would cross it is refused.
 */
const MAX_SESSION_BYTES = 1_500_000;

/** Past this history size the session continues as new even if the server has not suggested it yet. */
const MAX_HISTORY_BYTES = 8_000_000;

/** How the session ended. */
export interface TestSessionEnd {
  endedBy: 'idle_timeout' | 'deleted';
  messages: number;
}

const failure = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
const closedFailure = () => failure(TestSessionErrors.closed, 'test session is closed');
const nowMs = () => new Date().getTime();
const nowIso = () => new Date().toISOString();

/**
 * A multi-turn test chat with one saved workflow. Each message is an Update that runs the graph as a
 * child workflow (an is_test execution) and answers the session with the reply appended; variables and
 * clear are Updates, reads a Query. The session ends after `idleTimeoutMs` without activity, or on close.
 */
export async function testSessionWorkflow(input: TestSessionInput): Promise<TestSessionEnd> {
  const { limits, workflow } = input;
  const state: TestSessionState = input.state ?? {
    variables: input.initial.variables,
    messages: [],
    createdAt: input.initial.createdAt,
    lastActiveAt: input.initial.createdAt,
  };
  let closed = false;
  let endedBy: TestSessionEnd['endedBy'] = 'deleted';
  let activity = 0; // bumped on every change the main loop must look at
  let updatesThisRun = 0;
  let reservedMessages = 0; // messages of accepted turns not appended yet (two per turn)
  let turnScope: CancellationScope | undefined;
  // Mutating updates run one at a time, in arrival order: a ticket queue (race-free, unlike a flag).
  let nextTicket = 0;
  let serving = 0;
  const idle = () => serving === nextTicket;
  const definitionBytes = utf8Length(JSON.stringify(workflow.definition));
  const turnBytes = limits.maxMessageLength * 3 + MAX_REPLY_CHARS * 3 + 2_048; // worst case, UTF-8
  /** Worst-case size of the definition and state once the accepted turns, plus `extraTurns`, are in. */
  const projectedBytes = (extraTurns: number, variables = state.variables) =>
    definitionBytes + utf8Length(JSON.stringify({ ...state, variables })) + (reservedMessages / 2 + extraTurns) * turnBytes;

  const view = (): TestSessionView => ({
    sessionId: input.sessionId,
    workflowId: workflow.id,
    workflowName: workflow.name,
    workflowVersion: workflow.version,
    ...state,
    expiresAt: new Date(Date.parse(state.lastActiveAt) + limits.idleTimeoutMs).toISOString(),
    closed,
  });
  const touch = () => {
    state.lastActiveAt = nowIso();
    activity++;
  };
  const ensureOpen = () => {
    if (closed) throw closedFailure();
  };
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const ticket = nextTicket++;
    activity++;
    await condition(() => serving === ticket || closed);
    try {
      if (closed) throw closedFailure();
      updatesThisRun++;
      return await run();
    } finally {
      if (serving === ticket) serving++;
      activity++;
    }
  };

  const runTurn = async (text: string): Promise<void> => {
    const startedAt = nowMs();
    const history = state.messages.map(({ role, content }) => ({ role, content }));
    state.messages.push({ id: uuid4(), role: 'user', content: text, timestamp: nowIso(), meta: null });
    touch();
    const executionId = uuid4();
    const scope = new CancellationScope();
    turnScope = scope;
    let outcome: TestTurnOutcome;
    try {
      outcome = await scope.run(() =>
        runTestTurn({
          executionId,
          sessionId: input.sessionId,
          ownerId: input.ownerId,
          workflow,
          turnTimeoutMs: limits.turnTimeoutMs,
          message: text,
          history,
          variables: state.variables,
          waitOf: (id) => waits.get(id),
        }),
      );
    } catch {
      throw closedFailure(); // only a close cancels a turn
    } finally {
      turnScope = undefined;
    }
    state.messages.push({
      id: uuid4(),
      role: 'assistant',
      content: outcome.content,
      timestamp: nowIso(),
      meta: {
        executionId,
        success: outcome.errorMessage === null,
        durationMs: nowMs() - startedAt,
        errorMessage: outcome.errorMessage,
        needHumanTransfer: outcome.needHumanTransfer,
        ...(outcome.waitingNodeId ? { waitingNodeId: outcome.waitingNodeId } : {}),
      },
    });
    touch();
  };

  // Turns' runs that started waiting for a person, by execution id (see runTestTurn).
  const waits = new Map<string, HumanWaitOpened>();
  setHandler(humanWaitOpenedSignal, (opened) => void waits.set(opened.executionId, opened));
  setHandler(testSessionQuery, view);
  setHandler(
    sendTestMessageUpdate,
    async ({ message }) => {
      reservedMessages += 2;
      try {
        return await exclusive(async () => {
          await runTurn(message);
          return view();
        });
      } finally {
        reservedMessages -= 2;
      }
    },
    {
      validator: (args) => {
        ensureOpen();
        const text = args?.message;
        if (typeof text !== 'string' || text.trim() === '') {
          throw failure(TestSessionErrors.badMessage, 'message must be a non-empty string');
        }
        if (text.length > limits.maxMessageLength) {
          throw failure(TestSessionErrors.badMessage, `message has ${text.length} characters; the limit is ${limits.maxMessageLength}`);
        }
        if (state.messages.length + reservedMessages + 2 > limits.maxMessages) {
          throw failure(
            TestSessionErrors.full,
            `the session holds ${state.messages.length} of ${limits.maxMessages} messages; clear it to continue`,
          );
        }
        if (projectedBytes(1) > MAX_SESSION_BYTES) {
          throw failure(TestSessionErrors.full, 'the session has grown too large for another turn; clear it to continue');
        }
      },
    },
  );
  setHandler(
    setTestVariablesUpdate,
    (variables) =>
      exclusive(async () => {
        state.variables = variables;
        touch();
        return view();
      }),
    {
      validator: (variables) => {
        ensureOpen();
        if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
          throw failure(TestSessionErrors.badVariables, 'variables must be an object');
        }
        if (projectedBytes(0, variables) > MAX_SESSION_BYTES) {
          throw failure(TestSessionErrors.badVariables, 'the variables would make the session too large; clear it or send fewer');
        }
      },
    },
  );
  setHandler(
    clearTestSessionUpdate,
    () =>
      exclusive(async () => {
        state.messages = [];
        state.variables = {};
        touch();
        return view();
      }),
    { validator: ensureOpen },
  );
  setHandler(
    closeTestSessionUpdate,
    () => {
      closed = true;
      endedBy = 'deleted';
      turnScope?.cancel();
    },
    { validator: ensureOpen },
  );

  while (!closed) {
    const { continueAsNewSuggested, historySize } = workflowInfo();
    const historyFull = updatesThisRun >= limits.updatesPerRun || continueAsNewSuggested || historySize > MAX_HISTORY_BYTES;
    if (idle() && historyFull) {
      await condition(allHandlersFinished);
      if (idle() && !closed) return continueAsNew<typeof testSessionWorkflow>({ ...input, state });
      continue;
    }
    const seen = activity;
    if (!idle()) {
      // A turn in flight is activity: the idle timer starts again when it ends.
      await condition(() => closed || activity !== seen);
      continue;
    }
    const remaining = Date.parse(state.lastActiveAt) + limits.idleTimeoutMs - nowMs();
    if (remaining <= 0) {
      closed = true;
      endedBy = 'idle_timeout';
      break;
    }
    await condition(() => closed || activity !== seen, remaining);
  }
  turnScope?.cancel();
  await condition(allHandlersFinished);
  log.info('test session ended', { sessionId: input.sessionId, endedBy });
  return { endedBy, messages: state.messages.length };
}
