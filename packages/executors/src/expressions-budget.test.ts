import { ExpressionLimitError } from './errors';
import { evaluateExpression, type ExpressionOptions } from './expressions';
import { renderTemplate } from './template';
import { contextWith } from './test-helpers';

async function limitHit(source: string, options?: ExpressionOptions) {
  const started = Date.now();
  const error = await evaluateExpression(source, contextWith(), options).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ExpressionLimitError);
  return { error: error as ExpressionLimitError, ms: Date.now() - started };
}

describe('expression limits in the evaluating thread', () => {
  it('ends a tail-recursive infinite loop with EXPRESSION_LIMIT time once the time budget is spent', async () => {
    const { error, ms } = await limitHit('($f := function($x){$f($x)}; $f(1))', { timeoutMs: 200 });
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({ limit: 'time', max: 200 });
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(30_000);
  });

  it('uses a one-second time budget by default', async () => {
    const { error, ms } = await limitHit('($f := function($x){$f($x + 1)}; $f(1))');
    expect(error.details).toEqual({ limit: 'time', max: 1000 });
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(30_000);
  });

  it('ends runaway non-tail recursion with limit depth', async () => {
    // A generous time budget, so a loaded machine cannot hit it before the depth limit.
    const { error } = await limitHit('($f := function($x){1 + $f($x)}; $f(1))', { timeoutMs: 60_000 });
    expect(error.details).toEqual({ limit: 'depth', max: 2000 });
  });

  it('ends a loop hidden in $eval with limit time', async () => {
    const { error } = await limitHit('$eval("($f := function($x){$f($x)}; $f(1))")', { timeoutMs: 100 });
    expect(error.details.limit).toBe('time');
  });

  it('ends a loop driven by a higher-order function with limit time', async () => {
    const { error } = await limitHit('$map([1..100000], function($v){ [1..1000] })', { timeoutMs: 100 });
    expect(error.details.limit).toBe('time');
  });

  it('allows ordinary recursion well within the default depth', async () => {
    const factorial = '($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(150))';
    await expect(evaluateExpression(factorial, contextWith())).resolves.toBeGreaterThan(1e200);
  });

  it('honours a smaller depth limit', async () => {
    const factorial = '($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(50))';
    const { error } = await limitHit(factorial, { maxDepth: 100 });
    expect(error.details).toEqual({ limit: 'depth', max: 100 });
  });

  it('refuses a range past the sequence limit before allocating it, even inside one built-in call', async () => {
    for (const source of ['$string([1..10000000])', '$map([1..30], function($v){[1..10000000]})']) {
      const { error, ms } = await limitHit(source);
      expect(error.details).toEqual({ limit: 'sequence', max: 1_000_000 });
      expect(ms).toBeLessThan(500);
    }
  });

  it('refuses any step yielding a sequence past the limit', async () => {
    const { error } = await limitHit('$map([1..200], function($v){$v})', { maxSequence: 100 });
    expect(error.details).toEqual({ limit: 'sequence', max: 100 });
  });

  it('refuses $pad a width past the string limit before it allocates', async () => {
    const { error, ms } = await limitHit('$pad("x", 50000000)');
    expect(error.details).toEqual({ limit: 'string', max: 4_194_304 });
    expect(ms).toBeLessThan(500);
    await expect(limitHit('"x" ~> $pad(-5000000, "y")')).resolves.toMatchObject({ error: { details: { limit: 'string' } } });
  });

  it('refuses any step yielding a string past the limit', async () => {
    const { error } = await limitHit('$join($map([1..20], function($v){"0123456789"}))', { maxStringLength: 100 });
    expect(error.details).toEqual({ limit: 'string', max: 100 });
  });

  it('refuses a result larger than the output limit as JSON', async () => {
    const { error } = await limitHit('$map([1..100], function($v){"ééééé"})', { maxOutputBytes: 1000 });
    expect(error.details).toEqual({ limit: 'output', max: 1000 });
    await expect(evaluateExpression('$map([1..10], function($v){"ééééé"})', contextWith(), { maxOutputBytes: 1000 })).resolves.toHaveLength(
      10,
    );
  });

  it('limits a rendered template to the string limit', async () => {
    const rendered = renderTemplate('{{ $pad("", 60, "a") }}{{ $pad("", 60, "b") }}', contextWith(), { maxStringLength: 100 });
    await expect(rendered).rejects.toMatchObject({ code: 'EXPRESSION_LIMIT', details: { limit: 'string', max: 100 } });
  });
});
