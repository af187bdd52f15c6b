import { parseTemplate, TemplateSyntaxError } from './template';

function syntaxErrorOf(template: string): TemplateSyntaxError {
  try {
    parseTemplate(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(template)} to be rejected`);
}

describe('parseTemplate', () => {
  it('returns plain text as one text segment', () => {
    expect(parseTemplate('Hello there')).toEqual([{ kind: 'text', text: 'Hello there' }]);
  });

  it('returns nothing for an empty template', () => {
    expect(parseTemplate('')).toEqual([]);
  });

  it('splits text and trimmed expressions, recording where each expression starts', () => {
    expect(parseTemplate('Hi {{ input.name }}, you are {{input.age}}!')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'expr', source: 'input.name', offset: 5 },
      { kind: 'text', text: ', you are ' },
      { kind: 'expr', source: 'input.age', offset: 31 },
      { kind: 'text', text: '!' },
    ]);
  });

  it('handles adjacent expressions without text between them', () => {
    expect(parseTemplate('{{a}}{{b}}')).toEqual([
      { kind: 'expr', source: 'a', offset: 2 },
      { kind: 'expr', source: 'b', offset: 7 },
    ]);
  });

  it('treats an escaped \\{{ as literal braces', () => {
    expect(parseTemplate('Use \\{{ name }} to embed')).toEqual([{ kind: 'text', text: 'Use {{ name }} to embed' }]);
  });

  it('rejects an unclosed {{ with its offset', () => {
    const error = syntaxErrorOf('Hi {{ input.name');
    expect(error.message).toContain('unclosed');
    expect(error.offset).toBe(3);
  });

  it('rejects an empty or blank {{ }} with its offset', () => {
    expect(syntaxErrorOf('a {{}}').offset).toBe(2);
    const blank = syntaxErrorOf('ab {{   }}');
    expect(blank.message).toContain('empty');
    expect(blank.offset).toBe(3);
  });
});
