import { addUsage, type NodeDefinition, type Usage } from '@trellis/definition/pure';

/** A run's output: the output node's value when one completed, else an object keyed by the completed ones' ids. */
export function runOutput(outputNodeIds: readonly string[], outputs: Readonly<Record<string, unknown>>): unknown {
  if (outputNodeIds.length === 1) return outputs[outputNodeIds[0]!];
  return Object.fromEntries(outputNodeIds.map((id) => [id, outputs[id]]));
}

/** The ids of the output nodes among `nodes` for which `completed` holds, in definition order. */
export function completedOutputNodeIds(
  nodes: ReadonlyArray<Pick<NodeDefinition, 'id' | 'type'>>,
  completed: (id: string) => boolean,
): string[] {
  return nodes.filter((node) => node.type === 'output' && completed(node.id)).map((node) => node.id);
}

export interface RunTotalsInput {
  /** The output nodes that completed (see completedOutputNodeIds). */
  outputNodeIds: readonly string[];
  /** Node outputs by id; at least those of `outputNodeIds`. */
  outputs: Readonly<Record<string, unknown>>;
  /** The usage counted so far. */
  usage: Usage;
  /** Nodes whose usage is not counted in `usage` yet. */
  uncounted?: ReadonlyArray<{ usage?: Usage }>;
}

/** A run's output and usage once it ends: what the workflow returns and what the write of its end records. */
export function runTotals({ outputNodeIds, outputs, usage, uncounted = [] }: RunTotalsInput): { output: unknown; usage: Usage } {
  return { output: runOutput(outputNodeIds, outputs), usage: uncounted.reduce((sum, node) => addUsage(sum, node.usage), usage) };
}
