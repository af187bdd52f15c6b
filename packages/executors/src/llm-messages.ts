import { LlmMessage, type ExpressionContext, type LlmConfig } from '@trellis/definition';
import { z } from 'zod';
import { ExpressionError } from './errors';
import type { ExpressionEvaluator } from './expression-evaluator';

const ExtraMessages = z.array(LlmMessage);

/** The chat an llm node sends: rendered system prompt, turns from `config.messages`, then the rendered prompt. */
export async function buildMessages(
  config: LlmConfig,
  context: ExpressionContext,
  expressions: ExpressionEvaluator,
): Promise<LlmMessage[]> {
  const messages: LlmMessage[] = [];
  if (config.system !== undefined) messages.push({ role: 'system', content: await expressions.render(config.system, context) });
  if (config.messages !== undefined) messages.push(...(await extraMessages(config.messages, context, expressions)));
  messages.push({ role: 'user', content: await expressions.render(config.prompt, context) });
  return messages;
}

async function extraMessages(expression: string, context: ExpressionContext, expressions: ExpressionEvaluator): Promise<LlmMessage[]> {
  const value = await expressions.evaluate(expression, context);
  if (value === undefined || value === null) return [];
  // JSONata yields a lone object, not a one-element array, when a path matches once.
  const parsed = ExtraMessages.safeParse(Array.isArray(value) ? value : [value]);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ExpressionError('config.messages must yield an array of {role, content} turns', {
    reason: 'result',
    problems,
  });
}
