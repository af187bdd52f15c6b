import { recordReusedNodes, type Database, type EventAnnouncer } from '@trellis/db';
import type { RerunActivities } from '@trellis/workflows';
import { reusedNodeRows } from './reused-node-rows';
import { statusChangeOf } from './status-records';

/** The re-run's records: reused nodes are written as they ended in the source run, nothing executes for them. */
export const createRerunActivities = ({ db, announcer }: { db: Database; announcer: EventAnnouncer }): RerunActivities => ({
  async recordReusedNodes({ executionId, sourceExecutionId, nodes, totalNodes, start }) {
    const events = await recordReusedNodes(db, {
      executionId,
      sourceExecutionId,
      nodes: reusedNodeRows(nodes),
      totalNodes,
      at: new Date(),
      ...(start ? { start: statusChangeOf(start) } : {}),
    });
    announcer.announce(executionId, events);
  },
});
