import { ExpressionError } from './errors';
import { compileExpression, evaluateExpression } from './expressions';
import { contextWith } from './test-helpers';

const evaluate = (source: string) => evaluateExpression(source, contextWith({ input: { text: 'Order 12, order 345' } }));

describe('regexes in expressions', () => {
  it('run in linear time: nested quantifiers on a non-matching input end at once', async () => {
    const started = Date.now();
    await expect(evaluate(`$match("${'a'.repeat(28)}!", /(a+)+$/)`)).resolves.toBeUndefined();
    await expect(evaluate(`$contains("${'a'.repeat(5000)}!", /^(a|aa)*$/)`)).resolves.toBe(false);
    await expect(evaluate(`$replace("${'x'.repeat(5000)}", /(x+x+)+y/, "-")`)).resolves.toBe('x'.repeat(5000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keep JSONata semantics for $match, $replace, $split and $contains', async () => {
    await expect(evaluate('$match(input.text, /(\\d+)/).groups')).resolves.toEqual(['12', '345']);
    await expect(evaluate('$match(input.text, /order (\\d+)/i).index')).resolves.toEqual([0, 10]);
    await expect(evaluate('$replace(input.text, /(\\d+)/, "#$1")')).resolves.toBe('Order #12, order #345');
    await expect(evaluate('$split(input.text, /,\\s*/)')).resolves.toEqual(['Order 12', 'order 345']);
    await expect(evaluate('$contains(input.text, /ORDER/i)')).resolves.toBe(true);
    await expect(evaluate('$match("a\\nb", /^b$/m).match')).resolves.toBe('b');
    await expect(evaluate('$match("héllo", /\\u00e9/).index')).resolves.toBe(1);
  });

  it('refuses backreferences and lookahead when the expression compiles, as a syntax problem', () => {
    for (const source of ['$match(input.text, /(a)\\1/)', '$replace(input.text, /a(?=b)/, "")']) {
      let thrown: unknown;
      try {
        compileExpression(source);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ExpressionError);
      expect((thrown as ExpressionError).details).toMatchObject({ reason: 'syntax', jsonataCode: 'TRELLIS_REGEX' });
      expect((thrown as ExpressionError).message).toMatch(/cannot run in linear time/);
    }
  });

  it('refuses an unsupported regex built at run time through $eval', async () => {
    await expect(evaluate('$eval("$match(\\"aa\\", /(a)\\\\1/)")')).rejects.toMatchObject({
      code: 'EXPRESSION_ERROR',
      details: { reason: 'syntax' },
    });
  });
});
