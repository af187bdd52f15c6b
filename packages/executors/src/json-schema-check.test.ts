import { validateJsonSchema } from './json-schema-check';
import { readSchema } from './node-config';
import { ConfigInvalidError } from './errors';

const check = (schema: unknown, value: unknown) => validateJsonSchema(readSchema(schema, 'schema'), value);
const problemsOf = (schema: unknown, value: unknown) => check(schema, value).problems;

describe('validateJsonSchema', () => {
  const person = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 5 },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      role: { enum: ['admin', 'user'], default: 'user' },
      tags: { type: 'array', items: { type: 'string' } },
      address: {
        type: 'object',
        properties: { country: { type: 'string', default: 'NL' }, city: { type: 'string' } },
        required: ['city'],
        default: { city: 'Amsterdam' },
      },
    },
    required: ['name'],
    additionalProperties: false,
  };

  it('accepts valid data and fills in defaults, recursively', () => {
    const { value, problems } = check(person, { name: 'Ada', age: 36 });
    expect(problems).toEqual([]);
    expect(value).toEqual({ name: 'Ada', age: 36, role: 'user', address: { city: 'Amsterdam', country: 'NL' } });
  });

  it('fills defaults inside objects that were given, and gives each run its own copy of a default', () => {
    expect(check(person, { name: 'Ada', address: { city: 'Utrecht' } }).value).toMatchObject({
      address: { city: 'Utrecht', country: 'NL' },
    });
    const first = check(person, { name: 'Ada' }).value as { address: { city: string } };
    first.address.city = 'changed';
    expect(check(person, { name: 'Bo' }).value).toMatchObject({ address: { city: 'Amsterdam' } });
  });

  it('does not change the value it was given', () => {
    const input = { name: 'Ada', address: { city: 'Utrecht' } };
    check(person, input);
    expect(input).toEqual({ name: 'Ada', address: { city: 'Utrecht' } });
  });

  it('reports every problem with its JSON path', () => {
    const { problems } = check(person, { age: 1.5, role: 'root', tags: ['ok', 7], address: { country: 3 }, extra: true, 'odd key': 1 });
    expect(problems).toEqual([
      { path: '$.name', message: 'is required' },
      { path: '$.extra', message: 'is not allowed' },
      { path: '$["odd key"]', message: 'is not allowed' },
      { path: '$.age', message: 'must be integer, not number' },
      { path: '$.role', message: 'must be one of ["admin","user"]' },
      { path: '$.tags[1]', message: 'must be string, not number' },
      { path: '$.address.city', message: 'is required' },
      { path: '$.address.country', message: 'must be string, not number' },
    ]);
  });

  it('checks numeric bounds and string lengths in code points', () => {
    expect(problemsOf(person, { name: '', age: -1 })).toEqual([
      { path: '$.name', message: 'must have at least 1 characters' },
      { path: '$.age', message: 'must be >= 0' },
    ]);
    expect(problemsOf(person, { name: '😀😀😀😀😀', age: 151 })).toEqual([{ path: '$.age', message: 'must be <= 150' }]);
    expect(problemsOf(person, { name: 'abcdef' })).toEqual([{ path: '$.name', message: 'must have at most 5 characters' }]);
  });

  it('accepts a list of types and tells objects, arrays and null apart', () => {
    expect(problemsOf({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(problemsOf({ type: ['string', 'null'] }, 1)).toEqual([{ path: '$', message: 'must be string or null, not number' }]);
    expect(problemsOf({ type: 'object' }, [])).toEqual([{ path: '$', message: 'must be object, not array' }]);
    expect(problemsOf({ type: 'object' }, null)).toEqual([{ path: '$', message: 'must be object, not null' }]);
    expect(problemsOf({ type: 'array' }, {})).toEqual([{ path: '$', message: 'must be array, not object' }]);
  });

  it('uses a top-level default when the value is missing, and reports a missing value otherwise', () => {
    expect(check({ type: 'object', default: { a: 1 } }, undefined)).toEqual({ value: { a: 1 }, problems: [] });
    expect(problemsOf({ type: 'object' }, undefined)).toEqual([{ path: '$', message: 'is missing' }]);
  });

  it('compares enum members structurally', () => {
    const schema = { enum: [{ a: [1, 2] }, 'x'] };
    expect(problemsOf(schema, { a: [1, 2] })).toEqual([]);
    expect(problemsOf(schema, { a: [2, 1] })).toHaveLength(1);
  });

  it('validates additional properties against a schema when one is given, and refuses them when false', () => {
    expect(problemsOf({ type: 'object', additionalProperties: { type: 'number' } }, { a: 1, b: 'x' })).toEqual([
      { path: '$.b', message: 'must be number, not string' },
    ]);
    expect(problemsOf({ type: 'object', properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 })).toEqual([
      { path: '$.b', message: 'is not allowed' },
    ]);
  });

  it('treats constructor and __proto__ as ordinary property names', () => {
    const schema = { type: 'object', properties: { constructor: { type: 'string' } }, required: ['constructor'] };
    expect(problemsOf(schema, {})).toEqual([{ path: '$.constructor', message: 'is required' }]);
    const { value } = check({ type: 'object' }, JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'));
    expect(value).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('keywords the hand-written subset ignored', () => {
  it('checks pattern, on RE2', () => {
    const schema = { type: 'string', pattern: '^[A-Z]{2}-\\d+$' };
    expect(problemsOf(schema, 'NL-42')).toEqual([]);
    expect(problemsOf(schema, 'nl-42')).toEqual([{ path: '$', message: 'must match pattern "^[A-Z]{2}-\\d+$"' }]);
  });

  it('runs a pattern that backtracks catastrophically in JavaScript in linear time', () => {
    const started = Date.now();
    expect(problemsOf({ type: 'string', pattern: '^(a+)+$' }, `${'a'.repeat(50_000)}!`)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps distinct patterns apart in one schema', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', pattern: '^a' }, b: { type: 'string', pattern: '^b' } } };
    expect(problemsOf(schema, { a: 'a1', b: 'b1' })).toEqual([]);
    expect(problemsOf(schema, { a: 'b1', b: 'a1' }).map((p) => p.path)).toEqual(['$.a', '$.b']);
  });

  it.each([
    ['email', 'ada@example.com', 'not an email'],
    ['date-time', '2026-12-06T15:00:00Z', '2026-13-06T15:00:00Z'],
    ['uri', 'https://example.com/a?b=c', 'not a uri'],
  ])('checks format %s', (format, good, bad) => {
    expect(problemsOf({ type: 'string', format }, good)).toEqual([]);
    expect(problemsOf({ type: 'string', format }, bad)).toEqual([{ path: '$', message: `must match format "${format}"` }]);
  });

  it('checks oneOf: exactly one branch must match', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 10 }] };
    expect(problemsOf(schema, 3)).toEqual([]);
    expect(problemsOf(schema, 10.5)).toEqual([]);
    expect(problemsOf(schema, 12)).toContainEqual({ path: '$', message: 'must match exactly one schema in oneOf' });
  });

  it('follows $ref into $defs, with defaults filled there too', () => {
    const schema = {
      $defs: {
        city: { type: 'object', properties: { name: { type: 'string' }, country: { type: 'string', default: 'NL' } }, required: ['name'] },
      },
      type: 'object',
      properties: { home: { $ref: '#/$defs/city' }, work: { $ref: '#/$defs/city' } },
    };
    expect(check(schema, { home: { name: 'Delft' } }).value).toEqual({ home: { name: 'Delft', country: 'NL' } });
    expect(problemsOf(schema, { home: { name: 'Delft' }, work: {} })).toEqual([{ path: '$.work.name', message: 'is required' }]);
  });

  it('checks const', () => {
    expect(problemsOf({ const: 'yes' }, 'yes')).toEqual([]);
    expect(problemsOf({ const: 'yes' }, 'no')).toEqual([{ path: '$', message: 'must be "yes"' }]);
  });
});

describe('readSchema', () => {
  it('compiles a schema once per content', () => {
    expect(readSchema({ type: 'string', minLength: 2 }, 'schema')).toBe(readSchema({ type: 'string', minLength: 2 }, 'schema'));
  });

  it.each([
    [{ type: 'strnig' }, 'schema.type'],
    [{ required: 'name' }, 'schema.required'],
    [{ properties: { a: { minLength: -1 } } }, 'schema.properties.a.minLength'],
    [{ type: 'string', pattern: '(a)\\1' }, 'schema'],
    [{ type: 'string', format: 'phone' }, 'schema'],
  ])('refuses %j with CONFIG_INVALID at %s', (schema, path) => {
    let thrown: unknown;
    try {
      readSchema(schema, 'schema');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigInvalidError);
    expect((thrown as ConfigInvalidError).details).toMatchObject({ issues: [expect.objectContaining({ path })] });
  });
});
