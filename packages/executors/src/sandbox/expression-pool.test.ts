import { ExpressionError, ExpressionLimitError } from '../errors';
import { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from '../expression-limits';
import { contextWith } from '../test-helpers';
import { createExpressionPool, type ExpressionPool, type ExpressionPoolOptions } from './expression-pool';

jest.setTimeout(60_000);

const context = contextWith({ input: { name: 'Ada', scores: [3, 4, 5] } });
const pools: ExpressionPool[] = [];

function pool(options: Partial<Omit<ExpressionPoolOptions, 'limits'>> & { limits?: Partial<ExpressionLimits> } = {}): ExpressionPool {
  const created = createExpressionPool({
    threads: 2,
    maxHeapMb: 128,
    ...options,
    limits: { ...DEFAULT_EXPRESSION_LIMITS, ...options.limits },
  });
  pools.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe('the expression sandbox pool', () => {
  it('evaluates expressions and renders templates as the evaluating thread would', async () => {
    const sandbox = pool();
    await expect(sandbox.evaluate('{"n": $sum(input.scores), "who": input.name}', context)).resolves.toEqual({ n: 12, who: 'Ada' });
    await expect(sandbox.evaluate('input.missing', context)).resolves.toBeUndefined();
    await expect(sandbox.render('Hi {{ input.name }}, {{ input.scores }}', context)).resolves.toBe('Hi Ada, [3,4,5]');
  });

  it('hands back expression errors with their code and details', async () => {
    const sandbox = pool();
    const runtime = await failure(sandbox.evaluate('$number("abc") + 1', context));
    expect(runtime).toBeInstanceOf(ExpressionError);
    expect(runtime).toMatchObject({ code: 'EXPRESSION_ERROR', retryable: false, details: { reason: 'runtime' } });
    const template = await failure(sandbox.render('x {{ input.name + 1 }}', context));
    expect(template).toMatchObject({ code: 'EXPRESSION_ERROR', details: { expression: 'input.name + 1', templateOffset: 4 } });
    const limit = await failure(sandbox.evaluate('$pad("x", 50000000)', context));
    expect(limit).toBeInstanceOf(ExpressionLimitError);
    expect(limit).toMatchObject({ code: 'EXPRESSION_LIMIT', details: { limit: 'string', max: 4_194_304 } });
  });

  it('kills a thread stuck inside one built-in call at the time limit and replaces it', async () => {
    // $string of ten million numbers is one native call of several seconds: JSONata's own timeout cannot fire in it.
    const sandbox = pool({ maxHeapMb: 1024, limits: { timeoutMs: 200, maxSequence: 10_000_000 } });
    await sandbox.evaluate('1', context);
    const started = Date.now();
    const error = await failure(sandbox.evaluate('$string([1..10000000])', context));
    const ms = Date.now() - started;
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect(error).toMatchObject({ code: 'EXPRESSION_LIMIT', details: { limit: 'time', max: 200 } });
    // Only the kill can end $string with limit time (its own end is the string limit, seconds later).
    expect(ms).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(20_000);
    expect(sandbox.replacedThreads()).toBe(1);
    await expect(sandbox.evaluate('input.name', context)).resolves.toBe('Ada');
  });

  it('keeps serving other evaluations while one thread runs away', async () => {
    const sandbox = pool({ limits: { timeoutMs: 10_000 } });
    await Promise.all([sandbox.evaluate('1', context), sandbox.evaluate('2', context)]);
    let runawayEnded = false;
    const runaway = failure(sandbox.evaluate('($f := function($x){$f($x)}; $f(1))', context)).finally(() => (runawayEnded = true));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => sandbox.evaluate(`$sum(input.scores) + ${i}`, context)));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => 12 + i));
    // All answered by the other thread while the runaway still held its own.
    expect(runawayEnded).toBe(false);
    await expect(runaway).resolves.toMatchObject({ details: { limit: 'time', max: 10_000 } });
  });

  it('fails an evaluation that outgrows its thread heap with limit memory, and replaces the thread', async () => {
    const sandbox = pool({ maxHeapMb: 64, limits: { timeoutMs: 30_000 } });
    const error = await failure(sandbox.evaluate('$map([1..1000000], function($v){[1..100000]})', context));
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect(error).toMatchObject({ code: 'EXPRESSION_LIMIT', details: { limit: 'memory', max: 64 } });
    expect(sandbox.replacedThreads()).toBe(1);
    await expect(sandbox.evaluate('input.scores[1]', context)).resolves.toBe(4);
  });

  it('fails only the evaluation whose context cannot be copied to a thread, and goes on serving', async () => {
    const sandbox = pool();
    const withFunction = contextWith({ variables: { fn: () => 1 } });
    const error = await failure(sandbox.evaluate('1', withFunction));
    expect(error).not.toBeInstanceOf(ExpressionError);
    expect(error.message).toMatch(/cannot send the context/);
    await expect(sandbox.evaluate('input.name', context)).resolves.toBe('Ada');
    expect(sandbox.replacedThreads()).toBe(0);
  });

  it('fails waiting evaluations with a retryable error when closed, and refuses new ones', async () => {
    const sandbox = pool({ threads: 1, limits: { timeoutMs: 2_000 } });
    await sandbox.evaluate('1', context);
    const busy = failure(sandbox.evaluate('($f := function($x){$f($x)}; $f(1))', context));
    const waiting = failure(sandbox.evaluate('2', context));
    await sandbox.close();
    for (const error of [await busy, await waiting, await failure(sandbox.evaluate('3', context))]) {
      expect(error).not.toBeInstanceOf(ExpressionError);
      expect(error.message).toMatch(/closed/);
    }
  });
});
