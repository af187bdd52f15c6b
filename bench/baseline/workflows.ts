// Plain Temporal workflows the platform is measured against (deterministic code only).
import { proxyActivities } from '@temporalio/workflow';
import type { createBaselineActivities } from './activities';

const { noop, startedAt } = proxyActivities<ReturnType<typeof createBaselineActivities>>({ startToCloseTimeout: '1 minute' });

/** `length` sequential no-op activities: the hand-written equivalent of a linear chain of nodes. */
export async function chainWorkflow(length: number): Promise<void> {
  for (let i = 0; i < length; i++) await noop();
}

/** One activity; returns when it began, so callers can time start → first activity running. */
export async function oneActivityWorkflow(): Promise<number> {
  return startedAt();
}
