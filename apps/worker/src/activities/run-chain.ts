import { Context } from '@temporalio/activity';
import { recordExecutionTransition, recordNodeCompletions, type ExecutionEvent, type StatusChange } from '@trellis/db';
import { checkOutputSize, executeNode } from '@trellis/executors';
import { runTotals, type GraphActivities, type RunNodeInput, type RunNodeOutput } from '@trellis/workflows';
import { nodeDurationSeconds } from '../metrics';
import type { ActivityDeps } from './activity-deps';
import { describeError } from './node-failure';
import { recordAttemptsCompleted, startAttempt, type NodeAttempt, type NodeSuccess } from './node-records';
import { reusedNodesOf } from './reused-node-rows';
import { statusChangeOf } from './status-records';
import { checkStorableOutput } from './storable-output';
import { databaseDeadline, waitForDatabase } from './wait-for-database';

/** Completed nodes are written once this much time has passed since the last write, so live views lag little. */
const FLUSH_AFTER_MS = 50;

/**
 * Runs a chain of cheap nodes back to back in one local activity: one SDK round trip for the whole chain, and
 * usually one statement for all its records. A node whose attempt fails ends the chain unrecorded; the
 * workflow runs it on its own, under its retry policy (cheap nodes are pure, so running it again is safe).
 * The run's first chain also writes its start, in the statement of its first records (so the row reads `pending`
 * until then, at most ~50 ms plus one node), and a chain that ends the run writes its completion with its last
 * records: a small run is then one activity and one statement. A re-run's first chain writes its reused nodes with
 * the start, in the same statement. Every write is idempotent, so a retried chain writes nothing twice.
 */
export function createRunChain({ db, announcer, llm, expressions, maxOutputBytes, log }: ActivityDeps): GraphActivities['runChain'] {
  return async ({ executionId, workflowId, nodes, context, predecessors, totalNodes, start, reuse, finish }) => {
    const ctx = Context.current();
    const deadline = databaseDeadline(ctx, Date.now());
    const write = async (statement: () => Promise<ExecutionEvent[]>) =>
      announcer.announce(executionId, await waitForDatabase(ctx, deadline, statement));
    // Made now, so the row's started_at is the chain's start even though it is written with the first records.
    let unwrittenStart = start && statusChangeOf(start);
    let unwrittenReuse = reuse && reusedNodesOf(reuse);
    const outputs: Record<string, unknown> = { ...context.nodes };
    const completed: RunNodeOutput[] = [];
    let pending: Array<{ attempt: NodeAttempt; success: NodeSuccess }> = [];
    let lastFlush = Date.now();
    const flush = async (after?: StatusChange) => {
      const batch = pending;
      const before = unwrittenStart;
      const reused = unwrittenReuse;
      pending = [];
      unwrittenStart = undefined;
      unwrittenReuse = undefined;
      lastFlush = Date.now();
      if (batch.length > 0) return write(() => recordAttemptsCompleted(db, batch, true, { before, after, reused }));
      if (reused) return write(() => recordNodeCompletions(db, { executionId, totalNodes, nodes: [], events: [], reused, before, after }));
      for (const change of [before, after]) if (change) await write(() => recordExecutionTransition(db, { executionId, ...change }));
    };

    for (const [i, node] of nodes.entries()) {
      const input: RunNodeInput = {
        executionId,
        workflowId,
        node,
        context: { ...context, nodes: { ...outputs } },
        predecessors: i === 0 ? predecessors : [nodes[i - 1]!.id],
        totalNodes,
      };
      const attempt = startAttempt(input, ctx.info.attempt);
      let result;
      try {
        result = await executeNode(
          { node, context: input.context, predecessors: input.predecessors },
          { llm, expressions, signal: ctx.cancellationSignal, heartbeat: () => undefined },
        );
        checkOutputSize(result.output, maxOutputBytes);
        checkStorableOutput(result.output);
      } catch (error) {
        if (ctx.cancellationSignal.aborted) throw error;
        log.info({ executionId, nodeId: node.id, code: describeError(error).code }, 'node failed in a chain; it runs again on its own');
        break;
      }
      const finishedAt = new Date();
      const durationMs = finishedAt.getTime() - attempt.startedAt.getTime();
      nodeDurationSeconds.observe({ type: node.type, outcome: 'completed' }, durationMs / 1000);
      outputs[node.id] = result.output;
      completed.push({ nodeId: node.id, output: result.output, branch: result.branch, usage: result.usage, durationMs });
      pending.push({ attempt, success: { ...result, finishedAt } });
      if (Date.now() - lastFlush >= FLUSH_AFTER_MS) await flush();
      // Expressions evaluate without yielding to the event loop: let the API and timers in between nodes.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const nodeIds = nodes.map((node) => node.id);
    if (!finish || completed.length < nodes.length) {
      await flush();
      return { nodeIds, completed };
    }
    const { outputNodeIds, outputs: earlier, usage, ...status } = finish;
    const totals = runTotals({ outputNodeIds, outputs: { ...earlier, ...outputs }, usage, uncounted: completed });
    await flush(statusChangeOf({ ...status, ...totals }));
    return { nodeIds, completed, finished: true };
  };
}
