/** A run's output: the output node's value when one completed, else an object keyed by the completed ones' ids. */
export function runOutput(outputNodeIds: readonly string[], outputs: Readonly<Record<string, unknown>>): unknown {
  if (outputNodeIds.length === 1) return outputs[outputNodeIds[0]!];
  return Object.fromEntries(outputNodeIds.map((id) => [id, outputs[id]]));
}
