import { ExpressionError } from './errors';
import { evaluateExpression } from './expressions';
import { contextWith } from './test-helpers';

async function failure(source: string, options?: { timeoutMs?: number; maxDepth?: number }) {
  const started = Date.now();
  const error = await evaluateExpression(source, contextWith(), options).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ExpressionError);
  return { error: error as ExpressionError, ms: Date.now() - started };
}

describe('expression budgets', () => {
  it('ends a tail-recursive infinite loop with reason timeout once the time budget is spent', async () => {
    const { error, ms } = await failure('($f := function($x){$f($x)}; $f(1))', { timeoutMs: 200 });
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.details).toMatchObject({ reason: 'timeout', jsonataCode: 'D1012' });
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(30_000);
  });

  it('uses a one-second time budget by default', async () => {
    const { error, ms } = await failure('($f := function($x){$f($x + 1)}; $f(1))');
    expect(error.details.reason).toBe('timeout');
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(30_000);
  });

  it('ends runaway non-tail recursion with reason depth', async () => {
    // A generous time budget, so a loaded machine cannot hit it before the depth limit.
    const { error } = await failure('($f := function($x){1 + $f($x)}; $f(1))', { timeoutMs: 60_000 });
    expect(error.details).toMatchObject({ reason: 'depth', jsonataCode: 'D1011' });
  });

  it('ends a loop hidden in $eval with reason timeout', async () => {
    const { error } = await failure('$eval("($f := function($x){$f($x)}; $f(1))")', { timeoutMs: 100 });
    expect(error.details).toMatchObject({ reason: 'timeout', jsonataCode: 'D3121', innerJsonataCode: 'D1012' });
  });

  it('ends a loop driven by a higher-order function with reason timeout', async () => {
    const { error } = await failure('$map([1..10000000], function($v){ [1..1000] })', { timeoutMs: 100 });
    expect(error.details.reason).toBe('timeout');
  });

  it('allows ordinary recursion well within the default depth', async () => {
    const factorial = '($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(150))';
    await expect(evaluateExpression(factorial, contextWith())).resolves.toBeGreaterThan(1e200);
  });

  it('honours a smaller depth limit', async () => {
    const factorial = '($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(50))';
    const { error } = await failure(factorial, { maxDepth: 100 });
    expect(error.details.reason).toBe('depth');
  });
});
