import { recordNodeCompletions, type Database, type EventAnnouncer } from '@trellis/db';
import type { RerunActivities } from '@trellis/workflows';
import { reusedNodesOf } from './reused-node-rows';
import { statusChangeOf } from './status-records';

/** The re-run's records: reused nodes are written as they ended in the source run, nothing executes for them. */
export const createRerunActivities = ({ db, announcer }: { db: Database; announcer: EventAnnouncer }): RerunActivities => ({
  async recordReusedNodes({ executionId, totalNodes, start, ...records }) {
    const events = await recordNodeCompletions(db, {
      executionId,
      totalNodes,
      nodes: [],
      events: [],
      reused: reusedNodesOf(records),
      ...(start ? { before: statusChangeOf(start) } : {}),
    });
    announcer.announce(executionId, events);
  },
});
