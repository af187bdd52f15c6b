import { ConfigInvalidError, ExpressionError } from './errors';
import { contextWith, fakeDeps, runInput } from './test-helpers';
import { transformExecutor } from './transform';

const { deps } = fakeDeps();
const context = contextWith({
  input: {
    items: [
      { price: 2, qty: 3 },
      { price: 5, qty: 1 },
    ],
  },
  nodes: { llm_1: { text: 'hi' } },
});

async function transform(expression: string) {
  return (await transformExecutor(runInput('transform', { expression }, context), deps)).output;
}

describe('transformExecutor', () => {
  it('outputs objects built by the expression', async () => {
    await expect(transform('{"total": $sum(input.items.(price * qty)), "reply": nodes.llm_1.text}')).resolves.toEqual({
      total: 11,
      reply: 'hi',
    });
  });

  it('outputs arrays, strings and numbers', async () => {
    await expect(transform('input.items.price')).resolves.toEqual([2, 5]);
    await expect(transform('$uppercase(nodes.llm_1.text)')).resolves.toBe('HI');
    await expect(transform('$count(input.items)')).resolves.toBe(2);
  });

  it('outputs null when the expression yields nothing', async () => {
    await expect(transform('input.missing')).resolves.toBeNull();
  });

  it('fails with EXPRESSION_ERROR when evaluation fails', async () => {
    await expect(transform('$number("abc") + 1')).rejects.toBeInstanceOf(ExpressionError);
  });

  it('fails with CONFIG_INVALID without an expression', async () => {
    await expect(transformExecutor(runInput('transform', {}, context), deps)).rejects.toBeInstanceOf(ConfigInvalidError);
  });
});
