import { DEFAULT_NODE_OUTPUT_MAX_BYTES, checkOutputSize, OutputTooLargeError } from '@trellis/executors';
import { isTerminal } from '@trellis/definition';
import { findRerunSource, type Execution, type RunMode } from '@trellis/db';
import { AppError, notFound, validationFailed } from '../errors';
import type { ApiDeps } from '../deps';
import { planRerun } from './rerun-plan';
import { startExecution } from './start-execution';

export interface RerunParams {
  fromNode?: string;
  inputData?: unknown;
  nodeOutputs?: Record<string, unknown>;
  /** A version number, `latest`, or (absent) the version the source ran. */
  workflowVersion?: number | 'latest';
  variables?: Record<string, unknown>;
  mode: RunMode;
  idempotencyKey?: string;
}

/** Reused outputs travel in the new run's Temporal input, whose payload Temporal caps at 2 MB. */
const MAX_REUSED_BYTES = 1_500_000;

/** Thrown when the run to re-run has not finished yet. */
export const rerunOfLiveRun = (status: string) =>
  new AppError(409, 'EXECUTION_LIVE', `cannot re-run an execution that is ${status}: wait for it to finish, or stop it`, {
    current_status: status,
  });

/**
 * Starts a new execution that re-runs a finished one of the owner's, recording `rerun_of` and `rerun_from_node`: the
 * whole run (same or new input), or from a node with every node not downstream of it reused (see planRerun).
 * Starts, limits and Idempotency-Key behave as for POST /executions.
 */
export async function rerunExecution(
  deps: ApiDeps,
  ownerId: string,
  sourceId: string,
  params: RerunParams,
): Promise<{ execution: Execution; created: boolean }> {
  const found = await findRerunSource(deps.database.db, { executionId: sourceId, ownerId, version: params.workflowVersion });
  if (!found || found.execution.isTest) throw notFound('execution', sourceId);
  const { execution: source, definition } = found;
  if (!isTerminal(source.status)) throw rerunOfLiveRun(source.status);

  let version =
    params.workflowVersion === 'latest' || params.workflowVersion === undefined ? source.workflowVersion : params.workflowVersion;
  let name = source.workflowName;
  if (params.workflowVersion === 'latest') {
    if (!found.latest) throw notFound('workflow', source.workflowId);
    ({ version, name } = found.latest);
  }
  if (!definition)
    throw validationFailed('the workflow version is unknown', [
      { path: 'workflow_version', message: `workflow ${source.workflowId} has no version ${version}` },
    ]);

  for (const [id, output] of Object.entries(params.nodeOutputs ?? {})) checkEditedOutput(id, output);
  const plan = planRerun(definition, found.nodes, { fromNode: params.fromNode, nodeOutputs: params.nodeOutputs });
  if (!plan.ok) throw validationFailed('the re-run is not possible as asked', plan.problems);
  if (plan.reuse && Buffer.byteLength(JSON.stringify(plan.reuse)) > MAX_REUSED_BYTES) {
    throw validationFailed('the reused outputs are too large to carry', [
      { path: 'from_node', message: `the reused outputs exceed ${MAX_REUSED_BYTES} bytes of JSON; re-run from an earlier node` },
    ]);
  }
  return startExecution(deps, {
    ownerId,
    workflow: { id: source.workflowId, name, version, definition },
    inputData: params.inputData === undefined ? source.inputData : params.inputData,
    idempotencyKey: params.idempotencyKey,
    mode: params.mode,
    variables: params.variables,
    rerun: { of: source.id, fromNode: params.fromNode ?? null, reuse: plan.reuse },
  });
}

/** An edited output meets the limits of any node output (NODE_OUTPUT_MAX_BYTES at its default). */
function checkEditedOutput(id: string, output: unknown): void {
  try {
    checkOutputSize(output, DEFAULT_NODE_OUTPUT_MAX_BYTES);
  } catch (error) {
    if (error instanceof OutputTooLargeError)
      throw validationFailed('an edited node output is too large', [{ path: `node_outputs.${id}`, message: error.message }]);
    throw error;
  }
}
