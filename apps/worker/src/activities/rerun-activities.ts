import { appendEvents, insertReusedNodes, markNodesDone, recordExecutionTransition, type Database, type EventAnnouncer } from '@trellis/db';
import type { RerunActivities } from '@trellis/workflows';
import { statusChangeOf } from './status-records';

/** The re-run's records: reused nodes are written as they ended in the source run, nothing executes for them. */
export const createRerunActivities = ({ db, announcer }: { db: Database; announcer: EventAnnouncer }): RerunActivities => ({
  async recordReusedNodes({ executionId, sourceExecutionId, nodes, totalNodes, start }) {
    const events = await db.transaction(async (tx) => {
      const started = start ? await recordExecutionTransition(tx, { executionId, ...statusChangeOf(start) }) : [];
      const written = await insertReusedNodes(tx, {
        executionId,
        sourceExecutionId,
        nodes: nodes.map((n) => ({ nodeId: n.id, nodeType: n.type, status: n.status, ...(n.status === 'completed' ? { output: n.output } : {}) })),
        at: new Date(),
      });
      if (written.length === 0) return started;
      await markNodesDone(tx, { executionId, nodeIds: written, settled: true, totalNodes });
      const reused = await appendEvents(
        tx,
        executionId,
        written.map((id) => ({
          key: `node:${id}:reused`,
          type: 'node.reused',
          nodeId: id,
          status: nodes.find((n) => n.id === id)!.status,
          message: `node ${id} reused from execution ${sourceExecutionId}`,
          data: { rerun_of: sourceExecutionId },
        })),
      );
      return [...started, ...reused];
    });
    announcer.announce(executionId, events);
  },
});
