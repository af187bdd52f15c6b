import { describeStatusChange, insertExecution, recordExecutionTransition, type Database, type EventAnnouncer } from '@trellis/db';
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
    const change = describeStatusChange({
      status,
      eventKey: `execution.${status}:abandoned`,
      eventType: `execution.${status}`,
      message,
      error: { code: status === 'cancelled' ? 'TEST_SESSION_CLOSED' : 'START_FAILED', message },
      data: null,
    });
    announcer.announce(executionId, await recordExecutionTransition(db, { executionId, ...change }));
  },
});
