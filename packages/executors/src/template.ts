import { parseTemplate, TemplateSyntaxError, type ExpressionContext, type TemplateSegment } from '@trellis/core';
import { ExpressionError } from './errors';
import { evaluateExpression, type ExpressionOptions } from './expressions';

/** Renders `{{ expr }}` templates: undefined becomes '', strings stay as they are, anything else is JSON. */
export async function renderTemplate(
  template: string,
  context: ExpressionContext,
  options?: ExpressionOptions,
): Promise<string> {
  let rendered = '';
  for (const segment of parseSegments(template)) {
    if (segment.kind === 'text') rendered += segment.text;
    else rendered += stringify(await evaluateSegment(segment, context, options));
  }
  return rendered;
}

function parseSegments(template: string): TemplateSegment[] {
  try {
    return parseTemplate(template);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    throw new ExpressionError(`template: ${error.message}`, { reason: 'syntax', templateOffset: error.offset });
  }
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
