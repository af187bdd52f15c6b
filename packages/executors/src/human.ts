import { HumanConfig } from '@trellis/definition';
import { InputInvalidError } from './errors';
import { validateJsonSchema } from './json-schema-check';
import { readConfig, readSchema } from './node-config';
import type { Executor } from './types';

/**
 * Renders what a human node asks: its output here is `{prompt}`. The node's real output is the answer, which
 * the graph workflow waits for after this ran (see packages/workflows/src/human-wait.ts).
 */
export const humanExecutor: Executor = async ({ node, context }, deps) => {
  const { prompt } = readConfig(HumanConfig, node);
  return { output: { prompt: await deps.expressions.render(prompt, context) } };
};

/** The answer as the node will output it: checked against `form` (defaults filled in); INPUT_INVALID lists every problem. */
export function checkHumanAnswer(form: Record<string, unknown> | null | undefined, answer: unknown): unknown {
  if (!form) return answer;
  const { value, problems } = validateJsonSchema(readSchema(form, 'form'), answer);
  if (problems.length > 0) throw new InputInvalidError(problems);
  return value;
}
