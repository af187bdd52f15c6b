import { Context } from '@temporalio/activity';
import { appendEvents, markNodesDone, publishTokenDeltas, recordNodeFinished, type ExecutionEvent } from '@trellis/db';
import { checkOutputSize, executeNode } from '@trellis/executors';
import type { GraphActivities } from '@trellis/workflows';
import { countLlmUsage, nodeDurationSeconds } from '../metrics';
import { describeError, toActivityFailure } from './node-failure';
import { recordAttemptCompleted, recordAttemptFailed, recordAttemptStarted, startAttempt } from './node-records';
import type { ActivityDeps } from './activity-deps';
import { createRunChain } from './run-chain';
import { checkStorableOutput } from './storable-output';
import { recordStatusChange } from './status-records';
import { createTokenBatcher } from './token-batcher';
import { databaseDeadline, waitForDatabase } from './wait-for-database';

const HEARTBEAT_EVERY_MS = 1_000;

/** The graph workflow's activities; every record is written here so Temporal's retries cover it. */
export const createGraphActivities = ({ db, announcer, llm, expressions, maxOutputBytes, log }: ActivityDeps): GraphActivities => ({
  runChain: createRunChain({ db, announcer, llm, expressions, maxOutputBytes, log }),

  async runNode(input) {
    const { executionId, node } = input;
    const ctx = Context.current();
    // A local activity is short in-process work: its start and result are committed together, once, at the end.
    const local = ctx.info.isLocal;
    const attempt = startAttempt(input, ctx.info.attempt);
    // A Postgres outage is waited out here rather than spending the node's retries (see wait-for-database.ts).
    const deadline = databaseDeadline(ctx, attempt.startedAt.getTime());
    const record = async (write: () => Promise<ExecutionEvent[]>) =>
      announcer.announce(executionId, await waitForDatabase(ctx, deadline, write));
    if (!local) await record(() => recordAttemptStarted(db, attempt));

    const heartbeat = local ? undefined : setInterval(() => ctx.heartbeat(), HEARTBEAT_EVERY_MS);
    // Live token deltas go out on their own NOTIFY channel, batched; they are never stored.
    const tokens =
      node.type === 'llm'
        ? createTokenBatcher(
            { execution_id: executionId, node_id: node.id, attempt: attempt.attempt },
            {
              publish: (deltas) => publishTokenDeltas(db, deltas),
              onError: (error) => log.warn({ executionId, nodeId: node.id, err: error }, 'token publish failed'),
            },
          )
        : undefined;
    let result;
    try {
      result = await executeNode(
        { node, context: input.context, predecessors: input.predecessors },
        {
          llm,
          expressions,
          signal: ctx.cancellationSignal,
          heartbeat: (details) => (local ? undefined : ctx.heartbeat(details)),
          onToken: tokens?.push,
        },
      );
      checkOutputSize(result.output, maxOutputBytes);
      checkStorableOutput(result.output);
      if (node.type === 'llm') countLlmUsage(result.output, result.usage);
    } catch (error) {
      const failure = describeError(error);
      nodeDurationSeconds.observe({ type: node.type, outcome: 'failed' }, (Date.now() - attempt.startedAt.getTime()) / 1000);
      log.warn({ executionId, nodeId: node.id, attempt: attempt.attempt, code: failure.code }, 'node attempt failed');
      await record(() => recordAttemptFailed(db, attempt, failure, local));
      throw toActivityFailure(error);
    } finally {
      clearInterval(heartbeat);
      await tokens?.close();
    }

    const finishedAt = new Date();
    const durationMs = finishedAt.getTime() - attempt.startedAt.getTime();
    nodeDurationSeconds.observe({ type: node.type, outcome: 'completed' }, durationMs / 1000);
    await record(() => recordAttemptCompleted(db, attempt, { ...result, finishedAt }, local));
    return { nodeId: node.id, output: result.output, branch: result.branch, usage: result.usage, durationMs };
  },

  async recordNodeFailed({ executionId, node, error }) {
    const events = await db.transaction(async (tx) => {
      const written = await recordNodeFinished(tx, {
        executionId,
        nodeId: node.id,
        nodeType: node.type,
        status: 'failed',
        attempt: Context.current().info.attempt,
        error,
        finishedAt: new Date(),
      });
      if (!written) return [];
      await markNodesDone(tx, { executionId, nodeIds: [node.id], settled: false });
      return appendEvents(tx, executionId, [
        {
          key: `node:${node.id}:failed`,
          type: 'node.failed',
          nodeId: node.id,
          status: 'failed',
          level: 'error',
          message: `node ${node.id} failed: ${error.message}`,
          data: error,
        },
      ]);
    });
    announcer.announce(executionId, events);
  },

  async recordNodesSkipped({ executionId, nodes, totalNodes }) {
    const finishedAt = new Date();
    const events = await db.transaction(async (tx) => {
      const skipped: string[] = [];
      for (const node of nodes) {
        const written = await recordNodeFinished(tx, {
          executionId,
          nodeId: node.id,
          nodeType: node.type,
          status: 'skipped',
          attempt: 0,
          finishedAt,
        });
        if (written) skipped.push(node.id);
      }
      if (skipped.length === 0) return [];
      await markNodesDone(tx, { executionId, nodeIds: skipped, settled: true, totalNodes });
      return appendEvents(
        tx,
        executionId,
        skipped.map((id) => ({
          key: `node:${id}:skipped`,
          type: 'node.skipped',
          nodeId: id,
          status: 'skipped',
          message: `node ${id} skipped: no incoming branch taken`,
        })),
      );
    });
    announcer.announce(executionId, events);
  },

  async recordExecutionStatus(input) {
    const events = await recordStatusChange(db, input);
    announcer.announce(input.executionId, events);
    return events.length > 0;
  },
});
