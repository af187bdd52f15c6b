import {
  ApplicationFailure,
  CancellationScope,
  ChildWorkflowFailure,
  condition,
  isCancellation,
  ParentClosePolicy,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import type { GraphWorkflowResult } from './graph-contract';
import { graphWorkflow } from './graph-workflow';
import type { HumanWaitOpened } from './human-contract';
import { RECORD_ACTIVITY_OPTIONS } from './node-activity-options';
import { IS_TEST_ATTRIBUTE, OWNER_ATTRIBUTE, WORKFLOW_ID_ATTRIBUTE, WORKFLOW_NAME_ATTRIBUTE } from './search-attributes';
import type { TestSessionActivities, TestSessionWorkflowRef } from './test-session-contract';
import { replyOf } from './test-session-reply';

const activities = proxyActivities<TestSessionActivities>(RECORD_ACTIVITY_OPTIONS);

/** Guards against runaway graphs, as for API-started runs. */
const MAX_STEPS = 10_000;

export interface TestTurnParams {
  executionId: string;
  sessionId: string;
  ownerId: string;
  workflow: TestSessionWorkflowRef;
  turnTimeoutMs: number;
  message: string;
  /** The conversation before this message: the run's `messages`. */
  history: Array<{ role: 'user' | 'assistant'; content: string }>;
  variables: Record<string, unknown>;
  /** The wait the run has opened, once it has told the session (human-wait.ts). */
  waitOf(executionId: string): HumanWaitOpened | undefined;
}

export interface TestTurnOutcome {
  content: string;
  needHumanTransfer: boolean;
  /** Null when the run completed. */
  errorMessage: string | null;
  /** The human node the run waits on: the reply is its prompt, and the run goes on once it is answered. */
  waitingNodeId?: string;
}

/**
 * Runs the graph on one message as a child workflow whose id is the execution id (an is_test row
 * written first, as the graph's activities need it). A failed run is an outcome; only cancellation throws.
 */
export async function runTestTurn(params: TestTurnParams): Promise<TestTurnOutcome> {
  const { executionId, workflow, ownerId } = params;
  const inputData = { message: params.message };
  let started = false;
  try {
    // Not cancellable: a cancelled insert could still land after the row was abandoned below.
    await CancellationScope.nonCancellable(() =>
      activities.createTestExecution({
        executionId,
        ownerId,
        workflow: { id: workflow.id, name: workflow.name, version: workflow.version },
        inputData,
        totalNodes: workflow.definition.nodes.length,
      }),
    );
    const child = await startChild(graphWorkflow, {
      workflowId: executionId,
      args: [
        {
          executionId,
          workflowId: workflow.id,
          workflowName: workflow.name,
          workflowVersion: workflow.version,
          ownerId,
          definition: workflow.definition,
          inputData,
          variables: params.variables,
          messages: params.history,
          runTimeoutMs: params.turnTimeoutMs,
          maxSteps: MAX_STEPS,
        },
      ],
      // Ending the session mid-turn cancels the run, which then records itself as cancelled. A run that may wait
      // for a person outlives its turn (and the session's continue-as-new) until answered or its turn timeout.
      parentClosePolicy: workflow.definition.nodes.some((n) => n.type === 'human')
        ? ParentClosePolicy.ABANDON
        : ParentClosePolicy.REQUEST_CANCEL,
      memo: { owner: ownerId, workflow_id: workflow.id, workflow_name: workflow.name, test_session: params.sessionId },
      typedSearchAttributes: [
        { key: OWNER_ATTRIBUTE, value: ownerId },
        { key: WORKFLOW_ID_ATTRIBUTE, value: workflow.id },
        { key: WORKFLOW_NAME_ATTRIBUTE, value: workflow.name },
        { key: IS_TEST_ATTRIBUTE, value: true },
      ],
    });
    started = true;
    let result: GraphWorkflowResult | undefined;
    let failure: unknown;
    let settled = false;
    void child.result().then(
      (value) => void ((result = value), (settled = true)),
      (error: unknown) => void ((failure = error), (settled = true)),
    );
    await condition(() => settled || params.waitOf(executionId) !== undefined);
    if (!settled) {
      // The turn answers with the question; the run waits for its answer on its own.
      const wait = params.waitOf(executionId)!;
      return { content: wait.prompt, needHumanTransfer: true, errorMessage: null, waitingNodeId: wait.nodeId };
    }
    if (!result) throw failure;
    return { ...replyOf(result.output), errorMessage: result.status === 'completed' ? null : `the run ended ${result.status}` };
  } catch (error) {
    const cancelled = isCancellation(error);
    if (!started) {
      // The row exists but no run will ever write to it: end it so it is not left pending.
      const message = cancelled ? 'test session closed before the run started' : `the run could not start: ${turnError(error)}`;
      await CancellationScope.nonCancellable(() =>
        activities.abandonTestExecution({ executionId, status: cancelled ? 'cancelled' : 'failed', message }),
      );
    }
    if (cancelled) throw error;
    return { content: '', needHumanTransfer: false, errorMessage: turnError(error) };
  }
}

/** The errorMessage of a failed turn: the failing node and its error, when the run names them. */
function turnError(error: unknown): string {
  const cause = error instanceof ChildWorkflowFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const nodeId = (cause.details?.[0] as { node_id?: unknown } | undefined)?.node_id;
    return typeof nodeId === 'string' ? `node ${nodeId} failed: ${cause.message}` : cause.message;
  }
  return cause instanceof Error ? cause.message : String(cause);
}
