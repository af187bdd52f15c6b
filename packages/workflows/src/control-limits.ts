import { ApplicationFailure } from '@temporalio/workflow';

/**
 * Most pauses one run accepts. Each pause and resume is a Workflow Update, and Temporal refuses a run's updates past
 * 2,000 (history.maxTotalUpdates) with an opaque error; 500 pauses, their resumes and a stop leave room for the
 * run's other updates and keep its history (about a dozen events a cycle) far from Temporal's 51,200 events.
 */
export const MAX_PAUSES_PER_RUN = 500;

/** The failure type of an update refused because the run reached a control limit (the API's 409 CONTROL_LIMIT). */
export const CONTROL_LIMIT = 'CONTROL_LIMIT';

/** Counts a run's pauses (in the update handler, so replay counts them too) and refuses one past the limit (in the validator). */
export function createPauseLimit(max = MAX_PAUSES_PER_RUN) {
  let pauses = 0;
  return {
    counted(): void {
      pauses++;
    },
    check(): void {
      if (pauses >= max) {
        throw ApplicationFailure.nonRetryable(
          `this run was paused ${pauses} times, the most a run allows; resume, stop or cancel it`,
          CONTROL_LIMIT,
          { limit: max },
        );
      }
    },
  };
}
