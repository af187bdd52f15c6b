import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';
import type { NodeDefinition, NodeType } from '@trellis/definition/pure';
import { chainSummary, nodeSummary } from './temporal-ui-summaries';

/** Default attempt timeout per node type: LLM calls are slow, everything else is in-process work. */
const DEFAULT_TIMEOUT_MS: Record<NodeType, number> = {
  input: 30_000,
  llm: 300_000,
  condition: 30_000,
  transform: 30_000,
  output: 30_000,
  human: 30_000, // rendering the prompt; the wait itself is config.timeout_ms
};

/**
 * Cheap nodes (in-process work bounded by the expression time budget) run as local activities unless the
 * definition says `activity: "regular"`: no task-queue round trip per node, and a chain of them completes within
 * one workflow task. LLM nodes are always regular activities: long, heartbeating, each its own task. Human nodes
 * are neither: they wait in the workflow (human-wait.ts), never inside a chain.
 */
export const runsLocally = (node: NodeDefinition): boolean => node.type !== 'llm' && node.type !== 'human' && node.activity !== 'regular';

/** Options for one node as a local activity: its timeout and retry policy. */
export function nodeLocalActivityOptions(node: NodeDefinition): LocalActivityOptions {
  return { startToCloseTimeout: nodeTimeoutMs(node), retry: nodeRetryPolicy(node), summary: nodeSummary(node) };
}

/**
 * Options for a chain of cheap nodes as one local activity: the sum of their timeouts per attempt. A node's own
 * failure is returned, not thrown (the workflow reruns that node alone under its own policy), so what a chain
 * throws is the worker's trouble, e.g. a database outage; and since a chain carries the run's start or
 * completion, it retries like the other bookkeeping writes.
 */
export function chainLocalActivityOptions(nodes: NodeDefinition[]): LocalActivityOptions {
  return {
    ...RECORD_ACTIVITY_OPTIONS,
    startToCloseTimeout: nodes.reduce((sum, node) => sum + nodeTimeoutMs(node), 0),
    summary: chainSummary(nodes),
  };
}

/** Activity options for one node: its timeout, its retry policy (default 3 attempts, exponential), heartbeats. */
export function nodeActivityOptions(node: NodeDefinition): ActivityOptions {
  return {
    startToCloseTimeout: nodeTimeoutMs(node),
    // Long nodes heartbeat every second; a 5 s timeout lets a cancellation reach them within ~4 s.
    heartbeatTimeout: node.type === 'llm' ? 5_000 : undefined,
    retry: nodeRetryPolicy(node),
    summary: nodeSummary(node),
  };
}

const nodeTimeoutMs = (node: NodeDefinition) => node.timeout_ms ?? DEFAULT_TIMEOUT_MS[node.type];

function nodeRetryPolicy(node: NodeDefinition) {
  const retry = node.retry ?? {};
  return {
    maximumAttempts: retry.max_attempts ?? 3,
    initialInterval: retry.initial_interval_ms ?? 1_000,
    backoffCoefficient: retry.backoff ?? 2,
    maximumInterval: 60_000,
  };
}

/** Bookkeeping writes must land eventually (e.g. across a Postgres restart), so they retry for an hour. */
export const RECORD_ACTIVITY_OPTIONS: ActivityOptions & LocalActivityOptions = {
  startToCloseTimeout: 15_000,
  scheduleToCloseTimeout: 3_600_000,
  retry: { initialInterval: 500, backoffCoefficient: 2, maximumInterval: 5_000 },
};
