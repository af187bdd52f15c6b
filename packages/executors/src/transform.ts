import { TransformConfig } from '@trellis/core';
import { evaluateExpression } from './expressions';
import { readConfig } from './node-config';
import type { Executor } from './types';

/** Outputs the value of `config.expression` (null when it yields nothing). */
export const transformExecutor: Executor = async ({ node, context }) => {
  const { expression } = readConfig(TransformConfig, node);
  return { output: (await evaluateExpression(expression, context)) ?? null };
};
