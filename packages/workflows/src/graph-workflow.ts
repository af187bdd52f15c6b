import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addUsage,
  canControl,
  ZERO_USAGE,
  type ExecutionStatus,
  type NodeDefinition,
  type Usage,
} from '@trellis/core/pure';
import type { ChainFinish, GraphActivities, RecordStatusInput, RunChainOutput, RunNodeOutput } from './activity-types';
import {
  nodeResultsQuery,
  pauseUpdate,
  resumeUpdate,
  statusQuery,
  stopUpdate,
  type ControlResult,
  type GraphWorkflowInput,
  type GraphWorkflowResult,
  type NodeResult,
} from './definitions';
import { chainsCarryRunRecords } from './chain-versions';
import { createPauseLimit } from './control-limits';
import { GraphState } from './graph-state';
import { installHumanWaits } from './human-wait';
import { reusedBranch, type RerunActivities, type ReusedNode } from './rerun-definitions';
import { runOutput } from './run-output';
import { runDetails } from './temporal-ui-summaries';
import {
  chainLocalActivityOptions,
  nodeActivityOptions,
  nodeLocalActivityOptions,
  RECORD_ACTIVITY_OPTIONS,
  runsLocally,
} from './node-activity-options';

/** Marks runs whose cheap nodes and bookkeeping are local activities; runs started before it replay as they ran. */
export const LOCAL_ACTIVITIES_PATCH = 'cheap-nodes-as-local-activities';
/** Marks runs whose straight chains of cheap nodes run as one local activity each (after LOCAL_ACTIVITIES_PATCH). */
export const CHAINS_PATCH = 'cheap-node-chains';
/** Marks re-runs that write their start together with their reused nodes (one local activity, not two). */
export const REUSE_WITH_START_PATCH = 'rerun-start-with-reused-nodes';
/** Longest chain run as one activity: bounds its marker in the history and how long a pause waits for it. */
const MAX_CHAIN = 64;

type RunError = { code: string; message: string; node_id?: string; details?: unknown };

/** Runs a workflow graph: nodes as activities, branches concurrently, with pause/resume/stop and live queries. */
export async function graphWorkflow(input: GraphWorkflowInput): Promise<GraphWorkflowResult> {
  const ref = { executionId: input.executionId, workflowId: input.workflowId };
  const local = patched(LOCAL_ACTIVITIES_PATCH);
  const chains = local && patched(CHAINS_PATCH);
  const chainRecords = chains && chainsCarryRunRecords();
  const records = local
    ? proxyLocalActivities<GraphActivities>(RECORD_ACTIVITY_OPTIONS)
    : proxyActivities<GraphActivities>(RECORD_ACTIVITY_OPTIONS);
  const nodeActivities = (node: NodeDefinition) =>
    local && runsLocally(node)
      ? proxyLocalActivities<GraphActivities>(nodeLocalActivityOptions(node))
      : proxyActivities<GraphActivities>(nodeActivityOptions(node));
  const state = new GraphState(input.definition);
  const results: Record<string, NodeResult> = {};
  const outputs: Record<string, unknown> = {};
  const nodeScopes = new Map<string, CancellationScope>();
  let status: ExecutionStatus = 'running';
  let message = 'running';
  let usage: Usage = ZERO_USAGE;
  let stopRequested = false;
  let failure: RunError | undefined;
  let timedOut = false;
  let steps = 0;
  let wake = 0; // bumped on every change the main loop must look at
  let eventCounter = 0;
  let finishing = false; // a chain that ends the run is in flight: it cannot be paused or stopped any more
  let finishedByChain = false;
  let finalChain: Promise<void> | undefined;

  const statusInput = (next: ExecutionStatus, eventType: string, text: string, extra: object = {}): RecordStatusInput => ({
    ...ref,
    status: next,
    eventKey: `${eventType}:${++eventCounter}`,
    eventType,
    message: text,
    ...extra,
  });
  // Status writes are chained so the row sees them in the order the workflow decided them; the first is the
  // start, written on its own or by the run's first chain (startRecorded is called once it is).
  let startRecorded!: () => void;
  let statusWrites: Promise<unknown> = new Promise<void>((resolve) => (startRecorded = resolve));
  let pendingStart: RecordStatusInput | undefined = statusInput('running', 'execution.started', 'execution started', {
    runId: workflowInfo().runId,
  });
  const writeStart = async () => {
    const start = pendingStart;
    pendingStart = undefined;
    try {
      if (start) await records.recordExecutionStatus(start);
    } finally {
      startRecorded();
    }
  };
  const recordStatus = (next: ExecutionStatus, eventType: string, text: string, extra: object = {}) => {
    const write = statusWrites.then(() => records.recordExecutionStatus(statusInput(next, eventType, text, extra)));
    statusWrites = write.catch(() => undefined);
    return write;
  };

  // Update validators: a rejected transition never reaches history, and the caller gets the reason at once.
  const control = (action: 'pause' | 'resume' | 'stop') => () => {
    if (!canControl(status, action) || stopRequested || finishing) {
      throw new Error(`cannot ${action} an execution that is ${stopRequested ? 'stopping' : finishing ? 'finishing' : status}`);
    }
  };
  setHandler(statusQuery, () => ({
    status,
    current_nodes: state.idsWith('running'),
    progress: state.total === 0 ? 1 : state.settledCount / state.total,
    completed: state.settledCount,
    total: state.total,
    message,
  }));
  setHandler(nodeResultsQuery, () => results);
  const pauseLimit = createPauseLimit();
  // While human nodes wait the run is `waiting` (unless paused); the last answer makes it `running` again.
  const humans = installHumanWaits({
    ...ref,
    ownerId: input.ownerId,
    totalNodes: state.total,
    refusal: () => (stopRequested ? 'stopping' : failure ? 'failing' : undefined),
    onOpenCountChange: (open) => {
      if (open > 0 && status === 'running' && !stopRequested && !failure) {
        status = 'waiting';
        message = 'waiting for an answer';
        void recordStatus('waiting', 'execution.waiting', 'execution waiting for an answer').catch(() => undefined);
      } else if (open === 0 && status === 'waiting') {
        status = 'running';
        message = 'running';
        if (!stopRequested && !failure) void recordStatus('running', 'execution.running', 'execution running: answers are in').catch(() => undefined);
      }
    },
  });
  setHandler(
    pauseUpdate,
    async (): Promise<ControlResult> => {
      pauseLimit.counted();
      status = 'paused';
      message = 'paused: nodes in flight finish, nothing new starts';
      wake++;
      await recordStatus('paused', 'execution.paused', 'execution paused');
      return { status, message };
    },
    { validator: () => { control('pause')(); pauseLimit.check(); } },
  );
  setHandler(
    resumeUpdate,
    async (): Promise<ControlResult> => {
      status = humans.openCount() > 0 ? 'waiting' : 'running';
      message = status === 'waiting' ? 'waiting for an answer' : 'running';
      wake++;
      await recordStatus(status, 'execution.resumed', 'execution resumed');
      return { status, message };
    },
    { validator: control('resume') },
  );
  setHandler(
    stopUpdate,
    async (): Promise<ControlResult> => {
      stopRequested = true;
      message = 'stopping: nodes in flight finish, nothing new starts';
      wake++;
      return { status, message };
    },
    { validator: control('stop') },
  );

  const contextFor = (id: string) => {
    const visible: Record<string, unknown> = {};
    for (const ancestor of state.ancestors(id)) if (ancestor in outputs) visible[ancestor] = outputs[ancestor];
    return {
      input: input.inputData,
      nodes: visible,
      variables: input.variables ?? {},
      execution: { id: input.executionId, workflow_id: input.workflowId },
      ...(input.messages ? { messages: input.messages } : {}),
    };
  };
  const settle = (id: string, result: RunNodeOutput) => {
    state.markCompleted(id, result.branch);
    outputs[id] = result.output;
    usage = addUsage(usage, result.usage);
    results[id] = { status: 'completed', ...result };
  };
  const fail = async (id: string, error: unknown) => {
    state.markFailed(id);
    const nodeError = describeNodeError(error);
    results[id] = { status: 'failed', error: nodeError };
    if (!failure && !isCancellation(error)) failure = { ...nodeError, node_id: id };
    const node = state.graph.nodes.get(id)!;
    await CancellationScope.nonCancellable(() =>
      records.recordNodeFailed({ ...ref, node: { id, type: node.type }, error: nodeError }),
    );
  };
  // Runs `work` for the node `id` in a scope a failure elsewhere can cancel; wakes the main loop when it ends.
  const inScope = async (id: string, work: () => Promise<void>, cancellable = true) => {
    const scope = new CancellationScope({ cancellable });
    nodeScopes.set(id, scope);
    results[id] = { status: 'running' };
    try {
      await scope.run(work);
    } catch (error) {
      await fail(id, error);
    } finally {
      nodeScopes.delete(id);
      wake++;
    }
  };

  // A re-run starts with the nodes it reuses settled as they ended in the run it re-runs: nothing executes for them.
  const reuseRecorded = async (reuse: Record<string, ReusedNode>) => {
    const nodes = Object.entries(reuse).map(([id, reused]) => ({ id, type: state.graph.nodes.get(id)!.type, ...reused }));
    for (const node of nodes) {
      if (node.status === 'skipped') {
        state.markSkipped(node.id);
        results[node.id] = { status: 'skipped' };
        continue;
      }
      state.markCompleted(node.id, reusedBranch(node.type, node.output));
      outputs[node.id] = node.output;
      results[node.id] = { status: 'completed', output: node.output, durationMs: 0 };
    }
    const withStart = patched(REUSE_WITH_START_PATCH);
    if (!withStart) await writeStart();
    const start = pendingStart;
    pendingStart = undefined;
    try {
      await proxyLocalActivities<RerunActivities>(RECORD_ACTIVITY_OPTIONS).recordReusedNodes({
        ...ref,
        sourceExecutionId: input.reusedFrom ?? '',
        nodes,
        totalNodes: state.total,
        ...(start ? { start } : {}),
      });
    } finally {
      startRecorded();
    }
  };

  const runHuman = (id: string): Promise<void> =>
    inScope(id, async () => settle(id, await humans.run(state.graph.nodes.get(id)!, contextFor(id), state.takenPredecessors(id))));

  const runNode = (id: string): Promise<void> =>
    inScope(id, async () => {
      const node = state.graph.nodes.get(id)!;
      const result = await nodeActivities(node).runNode({
        ...ref,
        node,
        predecessors: state.takenPredecessors(id),
        totalNodes: state.total,
        context: contextFor(id),
      });
      settle(id, result);
    });

  // A chain's nodes after the first stay pending until it returns; a node whose attempt failed in it then runs alone.
  // A chain that ends the run is not cancellable: once it writes the completion, the run must complete.
  const runChain = async (ids: string[], start: RecordStatusInput | undefined, finish: ChainFinish | undefined): Promise<void> => {
    let failed: string | undefined;
    await inScope(
      ids[0]!,
      async () => {
        const nodes = ids.map((id) => state.graph.nodes.get(id)!);
        let outcome: RunChainOutput;
        try {
          outcome = await proxyLocalActivities<GraphActivities>(chainLocalActivityOptions(nodes)).runChain({
            ...ref,
            nodes,
            predecessors: state.takenPredecessors(ids[0]!),
            totalNodes: state.total,
            context: contextFor(ids[0]!),
            ...(start ? { start } : {}),
            ...(finish ? { finish } : {}),
          });
        } finally {
          if (start) startRecorded();
          finishing = false;
        }
        outcome.completed.forEach((result, i) => settle(ids[i]!, result));
        finishedByChain = outcome.finished === true;
        failed = ids[outcome.completed.length];
        if (failed !== undefined) state.markRunning(failed); // not for the main loop to start: it runs below
      },
      finish === undefined,
    );
    if (failed !== undefined) await runNode(failed);
  };

  // The completion a chain writes when it ends the run: every node outside it has settled, none failed.
  const finishAfter = (chain: string[]): ChainFinish | undefined => {
    if (status !== 'running' || stopRequested || failure) return undefined;
    const inChain = new Set(chain);
    const settled = (id: string) => inChain.has(id) || ['completed', 'skipped'].includes(state.statusOf(id));
    if (![...state.graph.nodes.keys()].every(settled)) return undefined;
    const outputNodeIds = input.definition.nodes.filter((n) => n.type === 'output' && (inChain.has(n.id) || state.statusOf(n.id) === 'completed')).map((n) => n.id);
    const earlier = Object.fromEntries(outputNodeIds.filter((id) => !inChain.has(id)).map((id) => [id, outputs[id]]));
    return { ...statusInput('completed', 'execution.completed', 'execution completed'), outputNodeIds, outputs: earlier, usage };
  };

  const runGraph = async (): Promise<void> => {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const seen = wake;
      if (failure) for (const scope of nodeScopes.values()) scope.cancel();
      // A stop lets nodes in flight finish; a wait never would, so it is withdrawn.
      if (stopRequested) for (const [id, scope] of nodeScopes) if (humans.isOpen(id)) scope.cancel();
      if (status !== 'paused' && !stopRequested && !failure) {
        const { ready, skipped } = state.advance();
        if (skipped.length > 0) {
          for (const id of skipped) results[id] = { status: 'skipped' };
          const nodes = skipped.map((id) => ({ id, type: state.graph.nodes.get(id)!.type }));
          await records.recordNodesSkipped({ ...ref, nodes, totalNodes: state.total });
        }
        // The start rides along with the run's first chain when that is all it begins with.
        const alone = ready.length === 1 && skipped.length === 0 && runsLocally(state.graph.nodes.get(ready[0]!)!);
        if (pendingStart && !alone) await writeStart();
        for (const id of ready) {
          if (input.maxSteps !== undefined && ++steps > input.maxSteps) {
            failure = { code: 'MAX_STEPS_EXCEEDED', message: `more than ${input.maxSteps} node runs` };
            break;
          }
          const node = state.graph.nodes.get(id)!;
          const room = input.maxSteps === undefined ? MAX_CHAIN : Math.min(MAX_CHAIN, 1 + input.maxSteps - steps);
          let running: Promise<void>;
          if (node.type === 'human') {
            running = runHuman(id);
          } else if (chains && runsLocally(node)) {
            const chain = state.chainFrom(id, runsLocally, room);
            steps += chain.length - 1;
            const finish = chainRecords && ready.length === 1 && inFlight.size === 0 ? finishAfter(chain) : undefined;
            finishing = finish !== undefined;
            const start = pendingStart;
            pendingStart = undefined;
            running = chainRecords || chain.length > 1 ? runChain(chain, start, finish) : runNode(id);
            if (finish) finalChain = running;
          } else {
            running = runNode(id);
          }
          inFlight.add(running);
          void running.then(() => inFlight.delete(running));
        }
      } else if (pendingStart) {
        await writeStart(); // paused or stopped before anything began
      }
      if (inFlight.size === 0 && status !== 'paused') return;
      if (inFlight.size === 0 && (stopRequested || failure)) return;
      setCurrentDetails(runDetails(state, status));
      await condition(() => wake !== seen);
    }
  };

  const completed = (): GraphWorkflowResult => {
    status = 'completed';
    message = 'completed';
    return { status: 'completed', output: finalOutput(input, state, outputs), usage, nodes: results };
  };

  try {
    if (!chainRecords) await writeStart();
    if (input.reuse) await reuseRecorded(input.reuse);
    const graphScope = new CancellationScope();
    if (input.runTimeoutMs) {
      void CancellationScope.nonCancellable(async () => {
        await sleep(input.runTimeoutMs!);
        timedOut = true;
        graphScope.cancel();
      });
    }
    await graphScope.run(runGraph);
  } catch (error) {
    // A chain that ends the run writes its completion: a cancellation or timeout arriving meanwhile changes nothing.
    if (finalChain) await CancellationScope.nonCancellable(() => finalChain!);
    if (finishedByChain) return completed();
    if (!timedOut && isCancellation(error)) {
      await CancellationScope.nonCancellable(async () => {
        status = 'cancelled';
        await recordStatus('cancelled', 'execution.cancelled', 'execution cancelled', { usage });
      });
      throw error;
    }
    if (!timedOut) throw error;
  }
  if (finishedByChain) return completed();
  if (timedOut) {
    status = 'timed_out';
    const error = { code: 'RUN_TIMEOUT', message: `run exceeded ${input.runTimeoutMs} ms` };
    await recordStatus('timed_out', 'execution.timed_out', error.message, { error, usage });
    throw ApplicationFailure.nonRetryable(error.message, error.code);
  }
  if (failure) {
    status = 'failed';
    message = failure.message;
    await recordStatus('failed', 'execution.failed', `execution failed: ${failure.message}`, { error: failure, usage });
    throw ApplicationFailure.nonRetryable(failure.message, failure.code, failure);
  }
  const output = finalOutput(input, state, outputs);
  if (stopRequested) {
    status = 'stopped';
    message = 'stopped';
    await recordStatus('stopped', 'execution.stopped', 'execution stopped', { usage, output });
    return { status: 'stopped', output, usage, nodes: results };
  }
  status = 'completed';
  message = 'completed';
  await recordStatus('completed', 'execution.completed', 'execution completed', { output, usage });
  return completed();
}

/** The run's output from its completed output nodes (see runOutput). */
function finalOutput(input: GraphWorkflowInput, state: GraphState, outputs: Record<string, unknown>): unknown {
  const done = input.definition.nodes.filter((n) => n.type === 'output' && state.statusOf(n.id) === 'completed');
  return runOutput(done.map((n) => n.id), outputs);
}

function describeNodeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (isCancellation(error)) return { code: 'NODE_CANCELLED', message: 'node cancelled' };
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    return { code: cause.type ?? 'NODE_FAILED', message: cause.message, details: cause.details?.[0] };
  }
  if (cause && typeof cause === 'object' && 'message' in cause) {
    const name = (cause as { name?: string }).name;
    return { code: name === 'TimeoutFailure' ? 'NODE_TIMEOUT' : 'NODE_FAILED', message: String(cause.message) };
  }
  return { code: 'NODE_FAILED', message: String(error) };
}
