import { Context } from '@temporalio/activity';
import type { HumanConfig } from '@trellis/definition';
import {
  appendEvents,
  closeHumanWait,
  insertHumanWait,
  markNodeRunning,
  markNodesDone,
  markNodeWaiting,
  recordNodeAnswered,
  type Database,
  type EventAnnouncer,
} from '@trellis/db';
import { executeNode, type ExpressionEvaluator, type LlmProviderRegistry } from '@trellis/executors';
import type { HumanWaitActivities } from '@trellis/workflows';
import { toActivityFailure } from './node-failure';
import { nodeInputOf } from './node-input';

export interface HumanActivityDeps {
  db: Database;
  announcer: EventAnnouncer;
  llm: LlmProviderRegistry;
  expressions: ExpressionEvaluator;
}

/** The activities behind human nodes: the wait's records; the wait itself is workflow state. */
export const createHumanActivities = ({ db, announcer, llm, expressions }: HumanActivityDeps): HumanWaitActivities => ({
  async openHumanWait(input) {
    const { executionId, node } = input;
    const config = node.config as HumanConfig;
    let prompt: string;
    try {
      const rendered = await executeNode(
        { node, context: input.context, predecessors: input.predecessors },
        { llm, expressions, signal: Context.current().cancellationSignal, heartbeat: () => undefined },
      );
      prompt = (rendered.output as { prompt: string }).prompt;
    } catch (error) {
      throw toActivityFailure(error);
    }
    // The worker's clock: workflow time is when the workflow task began, which can precede the node before this one.
    const startedAt = new Date();
    const expiresAt = input.expiresAt;
    const events = await db.transaction(async (tx) => {
      await markNodeWaiting(tx, { executionId, nodeId: node.id, nodeType: node.type, attempt: 1, input: nodeInputOf(input), startedAt });
      const opened = await insertHumanWait(tx, {
        executionId,
        nodeId: node.id,
        ownerId: input.ownerId,
        workflowId: input.workflowId,
        assignees: config.assignees ?? [],
        prompt,
        form: config.form ?? null,
        createdAt: startedAt,
        expiresAt: new Date(expiresAt),
      });
      if (!opened) return [];
      await markNodeRunning(tx, { executionId, nodeId: node.id, totalNodes: input.totalNodes });
      return appendEvents(tx, executionId, [
        {
          key: `node:${node.id}:started:1`,
          type: 'node.started',
          nodeId: node.id,
          status: 'running',
          message: `node ${node.id} started`,
          data: { node_type: node.type, attempt: 1 },
        },
        {
          key: `node:${node.id}:waiting`,
          type: 'node.waiting',
          nodeId: node.id,
          status: 'waiting',
          message: `node ${node.id} is waiting for an answer`,
          data: { prompt, form: config.form ?? null, assignees: config.assignees ?? [], expires_at: expiresAt },
        },
      ]);
    });
    announcer.announce(executionId, events);
    return { prompt };
  },

  async closeHumanWait(input) {
    const { executionId, node, outcome } = input;
    const completes = outcome !== 'cancelled' && input.output !== undefined;
    const answeredAt = input.answeredAt ? new Date(input.answeredAt) : null;
    const events = await db.transaction(async (tx) => {
      const closed = await closeHumanWait(tx, { executionId, nodeId: node.id, status: outcome, answeredBy: input.answeredBy, answeredAt });
      if (!closed) return [];
      if (!completes) {
        return outcome === 'expired' ? appendEvents(tx, executionId, [expiredEvent(node.id, false)]) : [];
      }
      const finishedAt = new Date();
      await recordNodeAnswered(tx, {
        executionId,
        nodeId: node.id,
        output: input.output,
        answeredBy: input.answeredBy ?? null,
        answeredAt: answeredAt ?? finishedAt,
        finishedAt,
      });
      await markNodesDone(tx, { executionId, nodeIds: [node.id], settled: true, totalNodes: input.totalNodes });
      return appendEvents(tx, executionId, [
        outcome === 'answered'
          ? {
              key: `node:${node.id}:answered`,
              type: 'node.answered',
              nodeId: node.id,
              status: 'completed',
              message: `node ${node.id} answered by ${input.answeredBy}`,
              data: { answered_by: input.answeredBy, answered_at: input.answeredAt },
            }
          : expiredEvent(node.id, true),
        {
          key: `node:${node.id}:completed`,
          type: 'node.completed',
          nodeId: node.id,
          status: 'completed',
          message: `node ${node.id} completed`,
        },
      ]);
    });
    announcer.announce(executionId, events);
  },
});

const expiredEvent = (nodeId: string, continues: boolean) => ({
  key: `node:${nodeId}:expired`,
  type: 'node.expired',
  nodeId,
  level: continues ? ('warning' as const) : ('error' as const),
  message: continues
    ? `node ${nodeId} got no answer in time: it continues with its default answer`
    : `node ${nodeId} got no answer in time`,
});
