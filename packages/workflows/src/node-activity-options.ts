import type { ActivityOptions } from '@temporalio/workflow';
import type { NodeDefinition, NodeType } from '@trellis/core/pure';

/** Default attempt timeout per node type: LLM calls are slow, everything else is in-process work. */
const DEFAULT_TIMEOUT_MS: Record<NodeType, number> = {
  input: 30_000,
  llm: 300_000,
  condition: 30_000,
  transform: 30_000,
  output: 30_000,
};

/** Activity options for one node: its timeout, its retry policy (default 3 attempts, exponential), heartbeats. */
export function nodeActivityOptions(node: NodeDefinition): ActivityOptions {
  const retry = node.retry ?? {};
  return {
    startToCloseTimeout: node.timeout_ms ?? DEFAULT_TIMEOUT_MS[node.type],
    // Long nodes heartbeat every second; a 5 s timeout lets a cancellation reach them within ~4 s.
    heartbeatTimeout: node.type === 'llm' ? 5_000 : undefined,
    retry: {
      maximumAttempts: retry.max_attempts ?? 3,
      initialInterval: retry.initial_interval_ms ?? 1_000,
      backoffCoefficient: retry.backoff ?? 2,
      maximumInterval: 60_000,
    },
  };
}

/** Bookkeeping writes must land eventually (e.g. across a Postgres restart), so they retry for an hour. */
export const RECORD_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: 15_000,
  scheduleToCloseTimeout: 3_600_000,
  retry: { initialInterval: 500, backoffCoefficient: 2, maximumInterval: 5_000 },
};
