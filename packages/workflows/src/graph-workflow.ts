import { ApplicationFailure, CancellationScope, isCancellation, proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { GraphActivities } from './activity-types';
import { humanWaitHost, installControlUpdates, installRunQueries } from './control-handlers';
import type { GraphWorkflowInput, GraphWorkflowResult } from './graph-contract';
import { graphPaths } from './graph-paths';
import { GraphRun } from './graph-run';
import { installHumanWaits } from './human-wait';
import { RECORD_ACTIVITY_OPTIONS } from './node-activity-options';
import { createNodeRunners } from './node-runners';
import { reuseRecorded, writeReusedNodes } from './reuse-recorded';
import { completedOutputNodeIds, runTotals } from './run-output';
import { runGraph } from './scheduler';
import { StatusWriter } from './status-writer';

/** Runs a workflow graph: nodes as activities, branches concurrently, with pause/resume/stop and live queries. */
export async function graphWorkflow(input: GraphWorkflowInput): Promise<GraphWorkflowResult> {
  const paths = graphPaths();
  const records = paths.local
    ? proxyLocalActivities<GraphActivities>(RECORD_ACTIVITY_OPTIONS)
    : proxyActivities<GraphActivities>(RECORD_ACTIVITY_OPTIONS);
  const run = new GraphRun(input);
  const writer = new StatusWriter(run.ref, records, (reuse, start) => writeReusedNodes(run, reuse, start));
  installRunQueries(run);
  const humans = installHumanWaits(humanWaitHost(run, writer));
  installControlUpdates(run, writer, () => humans.openCount());
  const runners = createNodeRunners(run, writer, paths, records, humans);
  let timedOut = false;

  const totals = () =>
    runTotals({
      outputNodeIds: completedOutputNodeIds(input.definition.nodes, (id) => run.state.statusOf(id) === 'completed'),
      outputs: run.outputs,
      usage: run.usage,
    });
  const completed = (): GraphWorkflowResult => {
    run.status = 'completed';
    run.message = 'completed';
    return { status: 'completed', ...totals(), nodes: run.results };
  };

  try {
    if (!paths.chainRecords) await writer.writeStart();
    if (input.reuse) await reuseRecorded(run, writer, paths, input.reuse);
    const graphScope = new CancellationScope();
    if (input.runTimeoutMs) {
      void CancellationScope.nonCancellable(async () => {
        await sleep(input.runTimeoutMs!);
        timedOut = true;
        graphScope.cancel();
      });
    }
    await graphScope.run(() => runGraph(run, { paths, writer, runners, records, humans }));
  } catch (error) {
    // A chain that ends the run writes its completion: a cancellation or timeout arriving meanwhile changes nothing.
    if (run.finalChain) await CancellationScope.nonCancellable(() => run.finalChain!);
    if (run.finishedByChain) return completed();
    if (!timedOut && isCancellation(error)) {
      await CancellationScope.nonCancellable(async () => {
        run.status = 'cancelled';
        await writer.record('cancelled', 'execution.cancelled', 'execution cancelled', { usage: run.usage });
      });
      throw error;
    }
    if (!timedOut) throw error;
  }
  if (run.finishedByChain) return completed();
  if (timedOut) {
    run.status = 'timed_out';
    const error = { code: 'RUN_TIMEOUT', message: `run exceeded ${input.runTimeoutMs} ms` };
    await writer.record('timed_out', 'execution.timed_out', error.message, { error, usage: run.usage });
    throw ApplicationFailure.nonRetryable(error.message, error.code);
  }
  const { failure } = run;
  if (failure) {
    run.status = 'failed';
    run.message = failure.message;
    await writer.record('failed', 'execution.failed', `execution failed: ${failure.message}`, { error: failure, usage: run.usage });
    throw ApplicationFailure.nonRetryable(failure.message, failure.code, failure);
  }
  const { output, usage } = totals();
  if (run.stopRequested) {
    run.status = 'stopped';
    run.message = 'stopped';
    await writer.record('stopped', 'execution.stopped', 'execution stopped', { usage, output });
    return { status: 'stopped', output, usage, nodes: run.results };
  }
  run.status = 'completed';
  run.message = 'completed';
  await writer.record('completed', 'execution.completed', 'execution completed', { output, usage });
  return completed();
}
