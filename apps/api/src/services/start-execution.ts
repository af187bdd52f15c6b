import { randomBytes, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { WorkflowDefinition } from '@trellis/definition';
import {
  describeStatusChange,
  insertExecution,
  recordExecutionTransition,
  temporalWorkflowIdOf,
  type Execution,
  type RunMode,
} from '@trellis/db';
import {
  IS_TEST_ATTRIBUTE,
  OWNER_ATTRIBUTE,
  WORKFLOW_ID_ATTRIBUTE,
  WORKFLOW_NAME_ATTRIBUTE,
  type graphWorkflow,
  type GraphWorkflowInput,
} from '@trellis/workflows';
import { AppError } from '../errors';
import type { ApiDeps } from '../deps';
import { withTemporalDeadline } from './temporal-deadline';

export interface StartExecutionParams {
  ownerId: string;
  workflow: { id: string; name: string; version: number; definition: WorkflowDefinition };
  inputData: unknown;
  executionId?: string;
  idempotencyKey?: string;
  mode: RunMode;
  isTest?: boolean;
  variables?: Record<string, unknown>;
  runTimeoutMs?: number;
  /** A re-run: the execution it re-runs, the node it re-runs from, and the nodes it takes from it (rerun-execution.ts). */
  rerun?: { of: string; fromNode: string | null; reuse?: GraphWorkflowInput['reuse'] };
}

/** Upper bound on node runs per execution: a guard against runaway graphs. */
const MAX_STEPS = 10_000;

/**
 * Records the execution (pending) and starts its Temporal workflow under the id stored with the row.
 * Repeating a call with the same execution id or idempotency key (per user) returns the same execution and never
 * starts a second run; "already started" counts as success, as only a start of this same row can find it started.
 */
export async function startExecution(deps: ApiDeps, params: StartExecutionParams): Promise<{ execution: Execution; created: boolean }> {
  const id = params.executionId ?? randomUUID();
  const { execution, created } = await insertExecution(deps.database.db, {
    id,
    temporalWorkflowId: newTemporalWorkflowId(id),
    ownerId: params.ownerId,
    workflowId: params.workflow.id,
    workflowVersion: params.workflow.version,
    workflowName: params.workflow.name,
    status: 'pending',
    mode: params.mode,
    isTest: params.isTest ?? false,
    idempotencyKey: params.idempotencyKey ?? null,
    inputData: params.inputData ?? null,
    totalNodes: params.workflow.definition.nodes.length,
    rerunOf: params.rerun?.of ?? null,
    rerunFromNode: params.rerun?.fromNode ?? null,
  });
  if (execution.ownerId !== params.ownerId) {
    throw new AppError(409, 'EXECUTION_ID_TAKEN', `execution id ${id} is already in use; choose another (UUIDs are safest)`);
  }
  if (!created && execution.temporalRunId) return { execution, created: false };

  const input: GraphWorkflowInput = {
    executionId: execution.id,
    workflowId: params.workflow.id,
    workflowName: params.workflow.name,
    workflowVersion: params.workflow.version,
    ownerId: params.ownerId,
    definition: params.workflow.definition,
    inputData: params.inputData ?? null,
    variables: params.variables,
    runTimeoutMs: params.runTimeoutMs,
    maxSteps: MAX_STEPS,
    ...(params.rerun?.reuse ? { reuse: params.rerun.reuse, reusedFrom: params.rerun.of } : {}),
  };
  try {
    const handle = await withTemporalDeadline(deps, () =>
      deps.temporal.workflow.start<typeof graphWorkflow>('graphWorkflow', {
        taskQueue: deps.settings.taskQueue,
        workflowId: temporalWorkflowIdOf(execution),
        // One execution, one run: a repeated start that finds the first run already finished (a small run can
        // end within milliseconds) must not start a second one under the same id.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        requestEagerStart: deps.settings.eagerStart,
        args: [input],
        memo: { owner: params.ownerId, workflow_id: params.workflow.id, workflow_name: params.workflow.name },
        staticSummary: `${params.workflow.name} v${params.workflow.version} · ${params.ownerId}`,
        staticDetails: `Trellis execution \`${execution.id}\` of workflow \`${params.workflow.id}\`${params.isTest ? ' (test run)' : ''}`,
        typedSearchAttributes: [
          { key: OWNER_ATTRIBUTE, value: params.ownerId },
          { key: WORKFLOW_ID_ATTRIBUTE, value: params.workflow.id },
          { key: WORKFLOW_NAME_ATTRIBUTE, value: params.workflow.name },
          { key: IS_TEST_ATTRIBUTE, value: params.isTest ?? false },
        ],
      }),
    );
    // The workflow's first record stores the run id; writing it here too would cost every start a round trip.
    return { execution: { ...execution, temporalRunId: handle.firstExecutionRunId }, created };
  } catch (error) {
    // A concurrent identical start won the race: same execution, one run.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { execution, created };
    // A start that timed out may still have been taken: the row must not say failed while the run goes on.
    if (outcomeUnknown(error) && (await runExists(deps, temporalWorkflowIdOf(execution)))) return { execution, created };
    if (created) {
      // Nothing started: leave no half-made run behind.
      const change = describeStatusChange({
        status: 'failed',
        eventKey: 'execution.failed:start',
        eventType: 'execution.failed',
        message: 'the run could not be started in Temporal',
        error: { code: 'START_FAILED', message: 'the run could not be started in Temporal' },
      });
      await recordExecutionTransition(deps.database.db, { executionId: execution.id, ...change }).catch(() => undefined);
    }
    throw error;
  }
}

/** gRPC codes after which a start may have been taken: cancelled, unknown, deadline exceeded, internal, unavailable. */
const UNKNOWN_OUTCOME_CODES = new Set([1, 2, 4, 13, 14]);
/** How long the check after such a failure may take (on top of the start's own deadline). */
const CONFIRM_TIMEOUT_MS = 2_000;

function outcomeUnknown(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'number' && UNKNOWN_OUTCOME_CODES.has(code);
}

/** Whether Temporal holds a run under this id; false when it holds none, or cannot be asked (it is down: the row fails). */
async function runExists(deps: ApiDeps, workflowId: string): Promise<boolean> {
  try {
    await deps.temporal.connection.withDeadline(Date.now() + CONFIRM_TIMEOUT_MS, () =>
      deps.temporal.workflow.getHandle(workflowId).describe(),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The Temporal workflow id of a new row: its execution id and a random part. The client picks the execution id, the
 * server the workflow id, so no id a client sends can name another row's run (another user's, a deleted row's that
 * Temporal still keeps) or a test session's workflow.
 */
function newTemporalWorkflowId(executionId: string): string {
  return `${executionId}~${randomBytes(8).toString('hex')}`;
}
