import { condition, setCurrentDetails } from '@temporalio/workflow';
import type { GraphActivities } from './activity-types';
import type { GraphPaths } from './graph-paths';
import type { GraphRun } from './graph-run';
import type { installHumanWaits } from './human-wait';
import { runsLocally } from './node-activity-options';
import type { NodeRunners } from './node-runners';
import type { StatusWriter } from './status-writer';
import { runDetails } from './temporal-ui-summaries';

/** Longest chain run as one activity: bounds its marker in the history and how long a pause waits for it. */
const MAX_CHAIN = 64;

export interface SchedulerParts {
  paths: GraphPaths;
  writer: StatusWriter;
  runners: NodeRunners;
  records: Pick<GraphActivities, 'recordNodesSkipped'>;
  humans: Pick<ReturnType<typeof installHumanWaits>, 'isOpen'>;
}

/**
 * Runs the graph to its end: each time something changed, starts every node whose inputs are resolved (cheap ones
 * as chains), records the branches skipped, and cancels what a failure or a stop ends. Returns when nothing is in
 * flight and nothing more may start.
 */
export async function runGraph(run: GraphRun, { paths, writer, runners, records, humans }: SchedulerParts): Promise<void> {
  const { state, ref, input } = run;
  const inFlight = new Set<Promise<void>>();
  let steps = 0;
  for (;;) {
    const seen = run.wake;
    if (run.failure) for (const scope of run.nodeScopes.values()) scope.cancel();
    // A stop lets nodes in flight finish; a wait never would, so it is withdrawn.
    if (run.stopRequested) for (const [id, scope] of run.nodeScopes) if (humans.isOpen(id)) scope.cancel();
    if (run.status !== 'paused' && !run.stopRequested && !run.failure) {
      const { ready, skipped } = state.advance();
      if (skipped.length > 0) {
        if (writer.reusePending) await writer.writeStart(); // the reused nodes' records come before the skips they cause
        for (const id of skipped) run.results[id] = { status: 'skipped' };
        const nodes = skipped.map((id) => ({ id, type: run.node(id).type }));
        await records.recordNodesSkipped({ ...ref, nodes, totalNodes: state.total });
      }
      // The start rides along with the run's first chain when that is all it begins with.
      const alone = ready.length === 1 && skipped.length === 0 && runsLocally(run.node(ready[0]!));
      if (writer.startPending && !alone) await writer.writeStart();
      for (const id of ready) {
        if (input.maxSteps !== undefined && ++steps > input.maxSteps) {
          run.failure = { code: 'MAX_STEPS_EXCEEDED', message: `more than ${input.maxSteps} node runs` };
          break;
        }
        const node = run.node(id);
        const room = input.maxSteps === undefined ? MAX_CHAIN : Math.min(MAX_CHAIN, 1 + input.maxSteps - steps);
        let running: Promise<void>;
        if (node.type === 'human') {
          running = runners.runHuman(id);
        } else if (paths.chains && runsLocally(node)) {
          const chain = state.chainFrom(id, runsLocally, room);
          steps += chain.length - 1;
          const finish = paths.chainRecords && ready.length === 1 && inFlight.size === 0 ? runners.finishAfter(chain) : undefined;
          run.finishing = finish !== undefined;
          const start = writer.takeStart();
          const reuse = writer.takeReuse();
          running =
            paths.chainRecords || chain.length > 1 ? runners.runChain(chain, { start, finish, reuse }) : runners.runNodeActivity(id);
          if (finish) run.finalChain = running;
        } else {
          running = runners.runNodeActivity(id);
        }
        inFlight.add(running);
        void running.then(() => inFlight.delete(running));
      }
    } else if (writer.startPending) {
      await writer.writeStart(); // paused or stopped before anything began
    }
    if (inFlight.size === 0 && run.status !== 'paused') return;
    if (inFlight.size === 0 && (run.stopRequested || run.failure)) return;
    setCurrentDetails(runDetails(state, run.status));
    await condition(() => run.wake !== seen);
  }
}
