import { OutputConfig, type ExpressionContext } from '@trellis/definition';
import { readConfig } from './node-config';
import { toPlainData } from './plain-data';
import type { Executor } from './types';

/** Outputs `config.expression`'s value, else its one taken predecessor's output, else outputs keyed by predecessor. */
export const outputExecutor: Executor = async ({ node, context, predecessors }, deps) => {
  const { expression } = readConfig(OutputConfig, node);
  if (expression !== undefined) return { output: (await deps.expressions.evaluate(expression, context)) ?? null };
  if (predecessors.length === 1) return { output: outputOf(context, predecessors[0]!) };
  const keyed = Object.fromEntries(predecessors.map((id) => [id, outputOf(context, id)]));
  return { output: keyed };
};

function outputOf(context: ExpressionContext, nodeId: string): unknown {
  // Own properties only: a node id such as `constructor` must not read Object.prototype.
  return Object.hasOwn(context.nodes, nodeId) ? (toPlainData(context.nodes[nodeId]) ?? null) : null;
}
