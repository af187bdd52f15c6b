import { TransformConfig } from '@trellis/definition';
import { readConfig } from './node-config';
import type { Executor } from './types';

/** Outputs the value of `config.expression` (null when it yields nothing). */
export const transformExecutor: Executor = async ({ node, context }, deps) => {
  const { expression } = readConfig(TransformConfig, node);
  return { output: (await deps.expressions.evaluate(expression, context)) ?? null };
};
