import { ConditionConfig } from '@trellis/definition';
import { readConfig } from './node-config';
import type { Executor } from './types';

/** Evaluates `config.expression`; false, undefined, null, 0 and '' take the 'false' branch, all else 'true'. */
export const conditionExecutor: Executor = async ({ node, context }, deps) => {
  const { expression } = readConfig(ConditionConfig, node);
  // JavaScript truthiness, not $boolean(): [] and {} count as true. Authors can wrap in $boolean() for JSONata's.
  const result = Boolean(await deps.expressions.evaluate(expression, context));
  return { output: { result }, branch: result ? 'true' : 'false' };
};
