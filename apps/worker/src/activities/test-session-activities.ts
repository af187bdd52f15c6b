import { appendEvents, insertExecution, transitionExecution, type Database } from '@trellis/db';
import type { TestSessionActivities } from '@trellis/workflows';

/** The test session workflow's activities: the execution row of each turn's graph run. */
export const createTestSessionActivities = ({ db }: { db: Database }): TestSessionActivities => ({
  async createTestExecution({ executionId, ownerId, workflow, inputData, totalNodes }) {
    await insertExecution(db, {
      id: executionId,
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
    await db.transaction(async (tx) => {
      const row = await transitionExecution(tx, executionId, status, {
        error: { code: status === 'cancelled' ? 'TEST_SESSION_CLOSED' : 'START_FAILED', message },
        finishedAt: new Date(),
        message,
      });
      if (!row) return;
      await appendEvents(tx, executionId, [
        { key: `execution.${status}:abandoned`, type: `execution.${status}`, status, level: status === 'failed' ? 'error' : 'info', message },
      ]);
    });
  },
});
