import type { RunNodeInput } from '@trellis/workflows';

/** The value a node receives, as recorded: input_data for the input node, else its taken predecessors' outputs. */
export function nodeInputOf(input: RunNodeInput): unknown {
  if (input.node.type === 'input') return input.context.input;
  const outputs = input.context.nodes;
  if (input.predecessors.length === 1) return outputs[input.predecessors[0]!];
  return Object.fromEntries(input.predecessors.map((id) => [id, outputs[id]]));
}
