import type { Usage } from '@trellis/definition';
import { Counter, Histogram, Registry } from 'prom-client';

/** The worker's Prometheus metrics; whoever serves /metrics exposes this registry (e.g. merged with the API's). */
export const workerMetrics = new Registry();

/** LLM tokens used, by provider, model and kind (prompt or completion), from each successful llm node attempt. */
export const llmTokensTotal = new Counter({
  name: 'trellis_llm_tokens_total',
  help: 'LLM tokens used by llm nodes, by provider, model and kind (prompt, completion)',
  labelNames: ['provider', 'model', 'kind'] as const,
  registers: [workerMetrics],
});

/** Counts an llm node's usage; `output` is the node's {provider, model, ...} output. */
export function countLlmUsage(output: unknown, usage: Usage | undefined): void {
  if (!usage) return;
  const { provider, model } = (output ?? {}) as { provider?: unknown; model?: unknown };
  const labels = { provider: String(provider ?? 'unknown'), model: String(model ?? 'unknown') };
  if (usage.prompt_tokens > 0) llmTokensTotal.inc({ ...labels, kind: 'prompt' }, usage.prompt_tokens);
  if (usage.completion_tokens > 0) llmTokensTotal.inc({ ...labels, kind: 'completion' }, usage.completion_tokens);
}

/** Node attempt durations by node type and outcome. */
export const nodeDurationSeconds = new Histogram({
  name: 'trellis_node_duration_seconds',
  help: 'Duration of node attempts by node type and outcome (completed, failed)',
  labelNames: ['type', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [workerMetrics],
});
