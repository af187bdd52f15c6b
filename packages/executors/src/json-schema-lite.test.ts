import { JsonSchemaLite, validateJsonSchema } from './json-schema-lite';

describe('validateJsonSchema', () => {
  const person: JsonSchemaLite = {
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
    const { value, problems } = validateJsonSchema(person, { name: 'Ada', age: 36 });
    expect(problems).toEqual([]);
    expect(value).toEqual({ name: 'Ada', age: 36, role: 'user', address: { city: 'Amsterdam', country: 'NL' } });
  });

  it('fills defaults inside objects that were given', () => {
    const { value } = validateJsonSchema(person, { name: 'Ada', address: { city: 'Utrecht' } });
    expect(value).toMatchObject({ address: { city: 'Utrecht', country: 'NL' } });
  });

  it('does not change the value it was given', () => {
    const input = { name: 'Ada', address: { city: 'Utrecht' } };
    validateJsonSchema(person, input);
    expect(input).toEqual({ name: 'Ada', address: { city: 'Utrecht' } });
  });

  it('reports every problem with its JSON path', () => {
    const { problems } = validateJsonSchema(person, {
      age: 1.5,
      role: 'root',
      tags: ['ok', 7],
      address: { country: 3 },
      extra: true,
      'odd key': 1,
    });
    expect(problems).toEqual([
      { path: '$.age', message: 'must be integer, not number' },
      { path: '$.role', message: 'must be one of ["admin","user"]' },
      { path: '$.tags[1]', message: 'must be string, not number' },
      { path: '$.address.country', message: 'must be string, not number' },
      { path: '$.address.city', message: 'is required' },
      { path: '$.name', message: 'is required' },
      { path: '$.extra', message: 'is not allowed' },
      { path: '$["odd key"]', message: 'is not allowed' },
    ]);
  });

  it('checks numeric bounds and string lengths in code points', () => {
    expect(validateJsonSchema(person, { name: '', age: -1 }).problems).toEqual([
      { path: '$.name', message: 'must have at least 1 characters' },
      { path: '$.age', message: 'must be >= 0' },
    ]);
    expect(validateJsonSchema(person, { name: '😀😀😀😀😀', age: 151 }).problems).toEqual([
      { path: '$.age', message: 'must be <= 150' },
    ]);
    expect(validateJsonSchema(person, { name: 'abcdef' }).problems).toEqual([
      { path: '$.name', message: 'must have at most 5 characters' },
    ]);
  });

  it('accepts a list of types', () => {
    const schema: JsonSchemaLite = { type: ['string', 'null'] };
    expect(validateJsonSchema(schema, null).problems).toEqual([]);
    expect(validateJsonSchema(schema, 'x').problems).toEqual([]);
    expect(validateJsonSchema(schema, 1).problems).toEqual([{ path: '$', message: 'must be string or null, not number' }]);
  });

  it('tells objects, arrays and null apart', () => {
    expect(validateJsonSchema({ type: 'object' }, []).problems).toEqual([{ path: '$', message: 'must be object, not array' }]);
    expect(validateJsonSchema({ type: 'object' }, null).problems).toEqual([{ path: '$', message: 'must be object, not null' }]);
    expect(validateJsonSchema({ type: 'array' }, {}).problems).toEqual([{ path: '$', message: 'must be array, not object' }]);
  });

  it('uses a top-level default when the value is missing, and reports a missing value otherwise', () => {
    expect(validateJsonSchema({ type: 'object', default: { a: 1 } }, undefined)).toEqual({ value: { a: 1 }, problems: [] });
    expect(validateJsonSchema({ type: 'object' }, undefined).problems).toEqual([{ path: '$', message: 'is missing' }]);
  });

  it('compares enum members structurally', () => {
    const schema: JsonSchemaLite = { enum: [{ a: [1, 2] }, 'x'] };
    expect(validateJsonSchema(schema, { a: [1, 2] }).problems).toEqual([]);
    expect(validateJsonSchema(schema, { a: [2, 1] }).problems).toHaveLength(1);
  });

  it('validates additional properties against a schema when one is given', () => {
    const schema: JsonSchemaLite = { type: 'object', additionalProperties: { type: 'number' } };
    expect(validateJsonSchema(schema, { a: 1, b: 'x' }).problems).toEqual([{ path: '$.b', message: 'must be number, not string' }]);
  });

  it('treats constructor and __proto__ as ordinary property names', () => {
    const schema: JsonSchemaLite = { type: 'object', properties: { constructor: { type: 'string' as const } }, required: ['constructor'] };
    expect(validateJsonSchema(schema, {}).problems).toEqual([{ path: '$.constructor', message: 'is required' }]);
    const { value } = validateJsonSchema({ type: 'object' }, JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'));
    expect(value).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JsonSchemaLite', () => {
  it('accepts supported keywords and ignores unknown ones', () => {
    expect(JsonSchemaLite.safeParse({ $schema: 'x', title: 't', type: 'object', properties: { a: { type: 'string' } } }).success).toBe(true);
  });

  it('rejects misspelt types and malformed keywords', () => {
    expect(JsonSchemaLite.safeParse({ type: 'strnig' }).success).toBe(false);
    expect(JsonSchemaLite.safeParse({ required: 'name' }).success).toBe(false);
    expect(JsonSchemaLite.safeParse({ properties: { a: { minLength: -1 } } }).success).toBe(false);
  });
});
