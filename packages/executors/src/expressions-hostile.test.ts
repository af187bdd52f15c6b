import { ExpressionError } from './errors';
import { evaluateExpression } from './expressions';
import { renderTemplate } from './template';
import { contextWith } from './test-helpers';

// What a hostile definition author can try. Each attempt must end as undefined or EXPRESSION_ERROR,
// never reaching `process`, a JS function, or a prototype. The canary records any code that did run.
const canary = globalThis as { trellisPwned?: unknown };

function hostileContext() {
  return contextWith({
    input: JSON.parse('{"name": "x", "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
    variables: { leak: () => (canary.trellisPwned = process), nested: { fn: () => process } },
  });
}

async function outcome(source: string): Promise<{ value: unknown } | { error: ExpressionError }> {
  try {
    return { value: await evaluateExpression(source, hostileContext()) };
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return { error: error as ExpressionError };
  }
}

afterEach(() => {
  expect(canary.trellisPwned).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('hostile expressions', () => {
  it.each([
    `constructor.constructor('return process')()`,
    `constructor.constructor("globalThis.trellisPwned = true")()`,
    `$string.constructor`,
    `$string.constructor.constructor("return process")()`,
    `$$.constructor.constructor("return process")()`,
    `$$.constructor.constructor("globalThis.trellisPwned = true")()`,
    '`constructor`.`constructor`("return process")()',
    '$$.`constructor`.`constructor`("globalThis.trellisPwned = true")()',
    `$lookup($$, "constructor")`,
    `$$.__proto__`,
    `$lookup($$, "__proto__")`,
    `input.name.constructor`,
    `$spread([$string]).implementation`,
    `$eval("constructor" & ".constructor(" & '"return process"' & ")()")`,
    `$eval("$$.constructor.constructor(\\"globalThis.trellisPwned = true\\")()")`,
    `$eval("$string.constructor")`,
  ])('%s yields nothing', async (source) => {
    expect(await outcome(source)).toEqual({ value: undefined });
  });

  it.each([
    `$lookup($lookup($$, "constructor"), "constructor")("return process")()`,
    `$spread([$string]).implementation.constructor("return process")()`,
  ])('%s fails as a call of a non-function', async (source) => {
    const result = await outcome(source);
    expect('error' in result && result.error.details).toMatchObject({ reason: 'runtime', jsonataCode: 'T1006' });
  });

  it('finds no functions in the context, so data cannot hand the author a way out', async () => {
    await expect(outcome('variables.leak')).resolves.toEqual({ value: undefined });
    const called = await outcome('variables.leak()');
    expect('error' in called && called.error.details).toMatchObject({ jsonataCode: 'T1006' });
    const nested = await outcome('variables.nested.fn()');
    expect('error' in nested && nested.error.details).toMatchObject({ jsonataCode: 'T1006' });
  });

  it('returns no functions, even built-ins smuggled out through $spread', async () => {
    const result = await outcome('$spread([$string])');
    expect(JSON.stringify(result)).not.toContain('implementation":{');
    expect(containsFunction(result)).toBe(false);
  });

  it('refuses a transform with a rebound $clone, which could rewrite built-ins for other evaluations', async () => {
    const attacks = [
      `($clone := function($x){$x}; {"f": $string} ~> |f|{"implementation": function($s){"pwned"}}|)`,
      `(function($clone){ {"f": $string} ~> |f|{"implementation": function($s){"pwned"}}| })(function($x){$x})`,
      `$eval("($clone := function($x){$x}; {'f': $string} ~> |f|{'implementation': function($s){'pwned'}}|)")`,
      `($t := |f|{"implementation": function($s){"pwned"}}|; $clone := function($x){$x}; {"f": $string} ~> $t)`,
    ];
    for (const attack of attacks) {
      const result = await outcome(attack);
      expect('error' in result && result.error.details).toMatchObject({ reason: 'forbidden' });
    }
    await expect(evaluateExpression('$string(42)', contextWith())).resolves.toBe('42');
  });

  it('still runs ordinary transforms that use the built-in $clone', async () => {
    const result = await evaluateExpression('input ~> |$|{"b": 2}, ["name"]|', contextWith({ input: { name: 'x', a: 1 } }));
    expect(result).toEqual({ a: 1, b: 2 });
  });

  it('keeps __proto__ payloads in input data from polluting anything', async () => {
    for (const source of ['input', '$merge([input, {"a": 1}])', 'input ~> |$|{"b": 1}|', '$spread(input)', '**']) {
      const result = await outcome(source);
      expect('value' in result).toBe(true);
      expect(hasOwnProtoKeyOrForeignPrototype((result as { value: unknown }).value)).toBe(false);
    }
    await expect(outcome('input.__proto__.polluted')).resolves.toEqual({ value: 'yes' }); // plain data, readable
  });

  it('keeps __proto__ keys built by the expression out of its result', async () => {
    for (const source of [
      '{"__proto__": {"polluted": 1}}',
      '$merge([{"__proto__": {"polluted": 1}}, {"a": 1}])',
      '{"a": 1} ~> |$|{"__proto__": {"polluted": 1}}|',
      '{"x": {"__proto__": {"polluted": 1}}}',
    ]) {
      const result = await outcome(source);
      expect('value' in result).toBe(true);
      expect(hasOwnProtoKeyOrForeignPrototype((result as { value: unknown }).value)).toBe(false);
    }
  });

  it('gives templates the same protection', async () => {
    const rendered = await renderTemplate(
      `a{{ $$.constructor.constructor("globalThis.trellisPwned = true")() }}b{{ variables.leak }}c`,
      hostileContext(),
    );
    expect(rendered).toBe('abc');
  });
});

function containsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsFunction);
}

function hasOwnProtoKeyOrForeignPrototype(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  if (Object.getPrototypeOf(value) !== expected || Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some(hasOwnProtoKeyOrForeignPrototype);
}
