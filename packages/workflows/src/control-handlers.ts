import { setHandler } from '@temporalio/workflow';
import { canControl, cannotControlMessage, isTerminal } from '@trellis/definition/pure';
import { createPauseLimit } from './control-limits';
import { nodeResultsQuery, pauseUpdate, resumeUpdate, statusQuery, stopUpdate, type ControlResult } from './graph-contract';
import type { GraphRun } from './graph-run';
import type { HumanWaitHost } from './human-wait';
import type { StatusWriter } from './status-writer';

/** Answers the status and node-results queries from the run's state. */
export function installRunQueries(run: GraphRun): void {
  const { state } = run;
  setHandler(statusQuery, () => ({
    status: run.status,
    current_nodes: state.idsWith('running'),
    progress: state.total === 0 ? 1 : state.settledCount / state.total,
    completed: state.settledCount,
    total: state.total,
    message: run.message,
  }));
  setHandler(nodeResultsQuery, () => run.results);
}

/** While human nodes wait the run is `waiting` (unless paused); the last answer makes it `running` again. */
export function humanWaitHost(run: GraphRun, writer: StatusWriter): HumanWaitHost {
  const ending = () => run.stopRequested || run.failure !== undefined;
  return {
    ...run.ref,
    ownerId: run.input.ownerId,
    totalNodes: run.state.total,
    refusal: () => (run.stopRequested ? 'stopping' : run.failure ? 'failing' : undefined),
    mayReach: (nodeId) => {
      const status = run.state.statusOf(nodeId);
      const human = run.state.graph.nodes.get(nodeId)?.type === 'human';
      return human && (status === 'pending' || status === 'running') && !ending() && !isTerminal(run.status);
    },
    onOpenCountChange: (open) => {
      if (open > 0 && run.status === 'running' && !ending()) {
        run.status = 'waiting';
        run.message = 'waiting for an answer';
        void writer.record('waiting', 'execution.waiting', 'execution waiting for an answer').catch(() => undefined);
      } else if (open === 0 && run.status === 'waiting') {
        run.status = 'running';
        run.message = 'running';
        if (!ending()) void writer.record('running', 'execution.running', 'execution running: answers are in').catch(() => undefined);
      }
    },
  };
}

/**
 * Pause, resume and stop as Workflow Updates. Their validators refuse a transition before it reaches the history, so
 * the caller learns the reason at once; a pause or resume returns once its status is written.
 */
export function installControlUpdates(run: GraphRun, writer: StatusWriter, openWaits: () => number): void {
  const allowed = (action: 'pause' | 'resume' | 'stop') => () => {
    if (!canControl(run.status, action) || run.stopRequested || run.finishing) {
      throw new Error(cannotControlMessage(action, run.stopRequested ? 'stopping' : run.finishing ? 'finishing' : run.status));
    }
  };
  const pauseLimit = createPauseLimit();
  setHandler(
    pauseUpdate,
    async (): Promise<ControlResult> => {
      pauseLimit.counted();
      run.status = 'paused';
      run.message = 'paused: nodes in flight finish, nothing new starts';
      run.wake++;
      await writer.record('paused', 'execution.paused', 'execution paused');
      return { status: run.status, message: run.message };
    },
    {
      validator: () => {
        allowed('pause')();
        pauseLimit.check();
      },
    },
  );
  setHandler(
    resumeUpdate,
    async (): Promise<ControlResult> => {
      run.status = openWaits() > 0 ? 'waiting' : 'running';
      run.message = run.status === 'waiting' ? 'waiting for an answer' : 'running';
      run.wake++;
      await writer.record(run.status, 'execution.resumed', 'execution resumed');
      return { status: run.status, message: run.message };
    },
    { validator: allowed('resume') },
  );
  setHandler(
    stopUpdate,
    async (): Promise<ControlResult> => {
      run.stopRequested = true;
      run.message = 'stopping: nodes in flight finish, nothing new starts';
      run.wake++;
      return { status: run.status, message: run.message };
    },
    { validator: allowed('stop') },
  );
}
