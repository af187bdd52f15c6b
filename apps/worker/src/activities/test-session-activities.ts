import { appendEvents, insertExecution, transitionExecution, type Database, type EventAnnouncer } from '@trellis/db';
import type { TestSessionActivities } from '@trellis/workflows';

/** The test session workflow's activities: the execution row of each turn's graph run. */
export const createTestSessionActivities = ({ db, announcer }: { db: Database; announcer: EventAnnouncer }): TestSessionActivities => ({
  async createTestExecution({ executionId, ownerId, workflow, inputData, totalNodes }) {
    await insertExecution(db, {
      id: executionId,
      temporalWorkflowId: executionId, // the turn's child workflow id (see runTestTurn)
      ownerId,
      workflowId: workflow.id,
      workflowVersion: workflow.version,
      workflowName: workflow.name,
      status: 'pending',
      mode: 'sync',
      isTest: true,
      inputData,
      totalNodes,
    });
  },

  async abandonTestExecution({ executionId, status, message }) {
    const written = await db.transaction(async (tx) => {
      const row = await transitionExecution(tx, executionId, status, {
        error: { code: status === 'cancelled' ? 'TEST_SESSION_CLOSED' : 'START_FAILED', message },
        finishedAt: new Date(),
        message,
      });
      if (!row) return [];
      return appendEvents(tx, executionId, [
        { key: `execution.${status}:abandoned`, type: `execution.${status}`, status, level: status === 'failed' ? 'error' : 'info', message },
      ]);
    });
    announcer.announce(executionId, written);
  },
});
