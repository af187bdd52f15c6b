import type { ExpressionContext, NodeDefinition, Usage } from '@trellis/definition';

/** What a node executor receives: the node as authored and the data it can read. */
export interface NodeRunInput {
  node: NodeDefinition;
  context: ExpressionContext;
  /** Ids of the predecessors whose edge into this node was taken (their outputs are in context.nodes). */
  predecessors: string[];
}

/** What a node produced; `branch` is set by condition nodes only. */
export interface NodeRunResult {
  output: unknown;
  branch?: 'true' | 'false';
  usage?: Usage;
}

/** Side-effect capabilities an executor may use; supplied by the worker, faked in unit tests. */
export interface ExecutorDeps {
  llm: import('./llm/provider').LlmProviderRegistry;
  /** Aborted when the run is cancelled or the attempt times out. */
  signal: AbortSignal;
  /** Called while long work runs, so the activity heartbeats. */
  heartbeat: (details?: unknown) => void;
  /** Evaluates expressions and templates (the worker's sandbox pool). */
  expressions: import('./expression-evaluator').ExpressionEvaluator;
  /** Receives streamed LLM text deltas in order, for live listeners; the final text is in the output. */
  onToken?: (delta: string) => void;
}

export type Executor = (input: NodeRunInput, deps: ExecutorDeps) => Promise<NodeRunResult>;
