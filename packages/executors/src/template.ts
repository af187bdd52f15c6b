import { parseTemplate, TemplateSyntaxError, type ExpressionContext, type TemplateSegment } from '@trellis/definition';
import { ExpressionError } from './errors';
import type { ExpressionOptions } from './expressions';
import { renderSegments } from './template-render';

/** Renders `{{ expr }}` templates in this thread: undefined becomes '', strings stay as they are, anything else is JSON. */
export async function renderTemplate(template: string, context: ExpressionContext, options?: ExpressionOptions): Promise<string> {
  return renderSegments(parseSegments(template), context, options);
}

/** Splits a template into text and expressions; throws EXPRESSION_ERROR (reason syntax) when it is malformed. */
export function parseSegments(template: string): TemplateSegment[] {
  try {
    return parseTemplate(template);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    throw new ExpressionError(`template: ${error.message}`, { reason: 'syntax', templateOffset: error.offset });
  }
}
