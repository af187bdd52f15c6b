import { CancellationScope, isCancellation, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { addUsage, type NodeDefinition } from '@trellis/definition/pure';
import type { ChainFinish, GraphActivities, RecordStatusInput, RunChainOutput, RunNodeOutput } from './activity-types';
import type { GraphPaths } from './graph-paths';
import type { GraphRun } from './graph-run';
import type { ReusedRecords } from './rerun-contract';
import type { installHumanWaits } from './human-wait';
import { chainLocalActivityOptions, nodeActivityOptions, nodeLocalActivityOptions, runsLocally } from './node-activity-options';
import { describeNodeError } from './node-errors';
import { completedOutputNodeIds } from './run-output';
import type { StatusWriter } from './status-writer';

/** How the run executes its nodes, one at a time or as chains; each settles its nodes in the run's state. */
export interface NodeRunners {
  runNodeActivity(id: string): Promise<void>;
  runHuman(id: string): Promise<void>;
  /** Runs `ids` as one local activity, carrying what it is given of the run's start, reused nodes and completion. */
  runChain(ids: string[], carried: ChainRecords): Promise<void>;
  /** The completion a chain writes when it ends the run, or undefined when it cannot end it. */
  finishAfter(chain: string[]): ChainFinish | undefined;
}

/** The run's records a chain writes besides its nodes'. */
export interface ChainRecords {
  start?: RecordStatusInput;
  reuse?: ReusedRecords;
  finish?: ChainFinish;
}

export function createNodeRunners(
  run: GraphRun,
  writer: StatusWriter,
  paths: GraphPaths,
  records: Pick<GraphActivities, 'recordNodeFailed'>,
  humans: ReturnType<typeof installHumanWaits>,
): NodeRunners {
  const { state, ref, input } = run;
  const nodeActivities = (node: NodeDefinition) =>
    paths.local && runsLocally(node)
      ? proxyLocalActivities<GraphActivities>(nodeLocalActivityOptions(node))
      : proxyActivities<GraphActivities>(nodeActivityOptions(node));

  const contextFor = (id: string) => {
    const visible: Record<string, unknown> = {};
    for (const ancestor of state.ancestors(id)) if (ancestor in run.outputs) visible[ancestor] = run.outputs[ancestor];
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
    run.outputs[id] = result.output;
    run.usage = addUsage(run.usage, result.usage);
    run.results[id] = { status: 'completed', ...result };
  };
  const fail = async (id: string, error: unknown) => {
    state.markFailed(id);
    const nodeError = describeNodeError(error);
    run.results[id] = { status: 'failed', error: nodeError };
    if (!run.failure && !isCancellation(error)) run.failure = { ...nodeError, node_id: id };
    await CancellationScope.nonCancellable(() =>
      records.recordNodeFailed({ ...ref, node: { id, type: run.node(id).type }, error: nodeError }),
    );
  };
  // Runs `work` for the node `id` in a scope a failure elsewhere can cancel; wakes the scheduler when it ends.
  const inScope = async (id: string, work: () => Promise<void>, cancellable = true) => {
    const scope = new CancellationScope({ cancellable });
    run.nodeScopes.set(id, scope);
    run.results[id] = { status: 'running' };
    try {
      await scope.run(work);
    } catch (error) {
      await fail(id, error);
    } finally {
      run.nodeScopes.delete(id);
      run.wake++;
    }
  };

  const runHuman = (id: string): Promise<void> =>
    inScope(id, async () => settle(id, await humans.run(run.node(id), contextFor(id), state.takenPredecessors(id))));

  const runNodeActivity = (id: string): Promise<void> =>
    inScope(id, async () => {
      const node = run.node(id);
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
  const runChain = async (ids: string[], { start, reuse, finish }: ChainRecords): Promise<void> => {
    let failed: string | undefined;
    await inScope(
      ids[0]!,
      async () => {
        const nodes = ids.map((id) => run.node(id));
        let outcome: RunChainOutput;
        try {
          outcome = await proxyLocalActivities<GraphActivities>(chainLocalActivityOptions(nodes)).runChain({
            ...ref,
            nodes,
            predecessors: state.takenPredecessors(ids[0]!),
            totalNodes: state.total,
            context: contextFor(ids[0]!),
            ...(start ? { start } : {}),
            ...(reuse ? { reuse } : {}),
            ...(finish ? { finish } : {}),
          });
        } finally {
          if (start) writer.startWritten();
          run.finishing = false;
        }
        outcome.completed.forEach((result, i) => settle(ids[i]!, result));
        run.finishedByChain = outcome.finished === true;
        failed = ids[outcome.completed.length];
        if (failed !== undefined) state.markRunning(failed); // not for the scheduler to start: it runs below
      },
      finish === undefined,
    );
    if (failed !== undefined) await runNodeActivity(failed);
  };

  // A chain ends the run when every node outside it has settled and none failed.
  const finishAfter = (chain: string[]): ChainFinish | undefined => {
    if (run.status !== 'running' || run.stopRequested || run.failure) return undefined;
    const inChain = new Set(chain);
    const settled = (id: string) => inChain.has(id) || ['completed', 'skipped'].includes(state.statusOf(id));
    if (![...state.graph.nodes.keys()].every(settled)) return undefined;
    const outputNodeIds = completedOutputNodeIds(input.definition.nodes, (id) => inChain.has(id) || state.statusOf(id) === 'completed');
    const earlier = Object.fromEntries(outputNodeIds.filter((id) => !inChain.has(id)).map((id) => [id, run.outputs[id]]));
    return {
      ...writer.change('completed', 'execution.completed', 'execution completed'),
      outputNodeIds,
      outputs: earlier,
      usage: run.usage,
    };
  };

  return { runNodeActivity, runHuman, runChain, finishAfter };
}
