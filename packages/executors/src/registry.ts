import { NodeConfigByType, type NodeType } from '@trellis/definition';
import type { z } from 'zod';
import { conditionExecutor } from './condition';
import { ConfigInvalidError } from './errors';
import { humanExecutor } from './human';
import { inputExecutor } from './input';
import { llmExecutor } from './llm';
import { readConfig } from './node-config';
import { outputExecutor } from './output';
import { transformExecutor } from './transform';
import type { Executor, ExecutorDeps, NodeRunInput, NodeRunResult } from './types';

const EXECUTORS: Record<NodeType, Executor> = {
  input: inputExecutor,
  llm: llmExecutor,
  condition: conditionExecutor,
  transform: transformExecutor,
  output: outputExecutor,
  human: humanExecutor,
};

/** The executor that runs nodes of `type`. */
export function executorFor(type: NodeType): Executor {
  return EXECUTORS[type];
}

/** Runs one node: checks its config against its type's schema (CONFIG_INVALID), then its executor. */
export async function executeNode(input: NodeRunInput, deps: ExecutorDeps): Promise<NodeRunResult> {
  const { node } = input;
  if (!Object.hasOwn(EXECUTORS, node.type)) throw new ConfigInvalidError(`unknown node type "${node.type}"`);
  const schema: z.ZodType = NodeConfigByType[node.type];
  readConfig(schema, node);
  return executorFor(node.type)(input, deps);
}
