import type { ExpressionContext } from '@trellis/definition';
import { evaluateExpression, type ExpressionOptions } from './expressions';
import { renderTemplate } from './template';

/** Where executors evaluate expressions and templates: the worker's sandbox pool, or this thread (tests, tools). */
export interface ExpressionEvaluator {
  /** The expression's value as plain JSON data (undefined when it yields nothing); throws EXPRESSION_ERROR or EXPRESSION_LIMIT. */
  evaluate(source: string, context: ExpressionContext): Promise<unknown>;
  /** The rendered `{{ expr }}` template; throws EXPRESSION_ERROR or EXPRESSION_LIMIT. */
  render(template: string, context: ExpressionContext): Promise<string>;
}

/** Evaluates in the calling thread: the limits hold between steps, but nothing can stop one long built-in call. */
export function createInProcessEvaluator(options: ExpressionOptions = {}): ExpressionEvaluator {
  return {
    evaluate: (source, context) => evaluateExpression(source, context, options),
    render: (template, context) => renderTemplate(template, context, options),
  };
}
