import { ExpressionError } from './errors';
import { renderTemplate } from './template';
import { contextWith } from './test-helpers';

const context = contextWith({ input: { name: 'Ada', tags: ['a', 'b'], age: 36, profile: { lang: 'en' }, none: null } });

describe('renderTemplate', () => {
  it('returns text without expressions unchanged', async () => {
    await expect(renderTemplate('plain text', context)).resolves.toBe('plain text');
  });

  it('inserts strings as they are', async () => {
    await expect(renderTemplate('Hello {{ input.name }}!', context)).resolves.toBe('Hello Ada!');
  });

  it('renders undefined as an empty string', async () => {
    await expect(renderTemplate('[{{ input.missing }}]', context)).resolves.toBe('[]');
  });

  it('renders numbers, booleans, null, arrays and objects as JSON', async () => {
    await expect(renderTemplate('{{input.age}} {{input.age > 1}} {{input.none}} {{input.tags}} {{input.profile}}', context)).resolves.toBe(
      '36 true null ["a","b"] {"lang":"en"}',
    );
  });

  it('keeps an escaped \\{{ as literal braces', async () => {
    await expect(renderTemplate('\\{{ input.name }} is {{ input.name }}', context)).resolves.toBe('{{ input.name }} is Ada');
  });

  it('fails with EXPRESSION_ERROR naming the offset of an unclosed {{', async () => {
    const error = await renderTemplate('Hi {{ input.name', context).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).details).toMatchObject({ reason: 'syntax', templateOffset: 3 });
  });

  it('fails with EXPRESSION_ERROR naming the failing expression and where it sits in the template', async () => {
    const error = await renderTemplate('Hi {{ input.name + 1 }}', context).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toContain('{{ input.name + 1 }}');
    expect((error as ExpressionError).details).toMatchObject({
      reason: 'runtime',
      jsonataCode: 'T2001',
      expression: 'input.name + 1',
      templateOffset: 5,
    });
  });
});
