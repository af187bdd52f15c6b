import type { ExpressionContext, TemplateSegment } from '@trellis/definition';
import { ExpressionError } from './errors';
import { limitFailure } from './expression-limits';
import { evaluateExpression, limitsOf, toExpressionError, type ExpressionOptions } from './expressions';

/** Renders parsed template segments: undefined becomes '', strings stay as they are, anything else is JSON. */
export async function renderSegments(
  segments: TemplateSegment[],
  context: ExpressionContext,
  options?: ExpressionOptions,
): Promise<string> {
  const { maxStringLength } = limitsOf(options);
  let rendered = '';
  for (const segment of segments) {
    rendered += segment.kind === 'text' ? segment.text : stringify(await evaluateSegment(segment, context, options));
    if (rendered.length > maxStringLength) {
      throw toExpressionError(limitFailure('string', maxStringLength, `the rendered template exceeded ${maxStringLength} characters`));
    }
  }
  return rendered;
}

async function evaluateSegment(
  segment: Extract<TemplateSegment, { kind: 'expr' }>,
  context: ExpressionContext,
  options?: ExpressionOptions,
): Promise<unknown> {
  try {
    return await evaluateExpression(segment.source, context, options);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    // Say where in the template the failing expression sits; `position` stays relative to the expression.
    const details = { ...error.details, expression: segment.source, templateOffset: segment.offset };
    throw new ExpressionError(`in {{ ${segment.source} }}: ${error.message}`, details);
  }
}

function stringify(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
