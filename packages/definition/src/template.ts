/** A piece of a prompt template: literal text, or a `{{ expr }}` JSONata expression. */
export type TemplateSegment = { kind: 'text'; text: string } | { kind: 'expr'; source: string; offset: number };

/** Thrown when a template has an unclosed or empty `{{ }}`; `offset` is the character position. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Splits a template into text and expression segments; `{{` inside text can be written as `\{{`. */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!template.startsWith('{{', i)) {
      text += template[i];
      i += 1;
      continue;
    }
    const close = template.indexOf('}}', i + 2);
    if (close === -1) throw new TemplateSyntaxError(`unclosed "{{" at ${i}`, i);
    const source = template.slice(i + 2, close).trim();
    if (source.length === 0) throw new TemplateSyntaxError(`empty "{{ }}" at ${i}`, i);
    if (text) segments.push({ kind: 'text', text });
    text = '';
    segments.push({ kind: 'expr', source, offset: i + 2 });
    i = close + 2;
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}
