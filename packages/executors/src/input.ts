import { InputConfig } from '@trellis/definition';
import { InputInvalidError } from './errors';
import { validateJsonSchema } from './json-schema-check';
import { readConfig, readSchema } from './node-config';
import { toPlainData } from './plain-data';
import type { Executor } from './types';

/** Outputs the execution input, checked against `config.schema` (when given) with its defaults filled in. */
export const inputExecutor: Executor = async ({ node, context }) => {
  const config = readConfig(InputConfig, node);
  if (config.schema === undefined) return { output: toPlainData(context.input) ?? null };
  const { value, problems } = validateJsonSchema(readSchema(config.schema, 'schema'), context.input);
  if (problems.length > 0) throw new InputInvalidError(problems);
  return { output: value ?? null };
};
