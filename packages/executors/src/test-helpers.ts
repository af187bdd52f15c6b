import type { ExpressionContext, NodeDefinition, NodeType } from '@trellis/definition';
import { createInProcessEvaluator } from './expression-evaluator';
import { createEchoProvider } from './llm/echo';
import type { LlmProvider, LlmProviderRegistry } from './llm/provider';
import type { ExecutorDeps, NodeRunInput } from './types';

/** An expression context for tests; fields not given are empty. */
export function contextWith(fields: Partial<ExpressionContext> = {}): ExpressionContext {
  return { input: {}, nodes: {}, variables: {}, execution: { id: 'exec-1', workflow_id: 'wf-1' }, ...fields };
}

/** A node run input for tests. */
export function runInput(
  type: NodeType,
  config: Record<string, unknown>,
  context: ExpressionContext = contextWith(),
  predecessors: string[] = [],
): NodeRunInput {
  const node: NodeDefinition = { id: `${type}_1`, type, config };
  return { node, context, predecessors };
}

/** Executor deps for tests: the given providers (echo by default), a live signal, and recorded heartbeats. */
export function fakeDeps(providers: LlmProvider[] = [createEchoProvider()], signal = new AbortController().signal) {
  const heartbeats: unknown[] = [];
  const llm: LlmProviderRegistry = {
    defaultProvider: providers[0]?.name ?? 'echo',
    get: (name) => providers.find((provider) => provider.name === name),
  };
  const deps: ExecutorDeps = { llm, signal, heartbeat: (details) => heartbeats.push(details), expressions: createInProcessEvaluator() };
  return { deps, heartbeats };
}
