import { compileJsonSchema, JsonSchemaFlaw, pointerToPath } from './json-schema-compiler';
import { JSON_SCHEMA_DIALECT } from './json-schema-ajv';

const flawsOf = (schema: unknown): JsonSchemaFlaw[] => {
  const compiled = compileJsonSchema(schema);
  return compiled.ok ? [] : compiled.flaws;
};

describe('compileJsonSchema', () => {
  it('compiles draft 2020-12 schemas, booleans included, once per content', () => {
    const schema = { $schema: JSON_SCHEMA_DIALECT, type: 'object', properties: { a: { type: 'string', format: 'email' } } };
    const first = compileJsonSchema(schema);
    expect(first.ok).toBe(true);
    expect(compileJsonSchema(JSON.parse(JSON.stringify(schema)))).toBe(first);
    expect(compileJsonSchema(true).ok).toBe(true);
  });

  it('keeps the root default apart from what Ajv compiles', () => {
    const compiled = compileJsonSchema({ type: 'object', default: { a: 1 } });
    expect(compiled).toMatchObject({ ok: true, rootDefault: { a: 1 } });
  });

  it('points at each bad place the meta-schema finds, once', () => {
    expect(flawsOf({ type: 'object', properties: { age: { type: 'int' } }, required: 'age' })).toEqual([
      { path: ['properties', 'age', 'type'], reason: expect.stringContaining('must be equal to one of the allowed values ["array"') },
      { path: ['required'], reason: 'must be array' },
    ]);
  });

  it.each([
    ['an unknown keyword', { type: 'string', nullable_: true }, 'unknown keyword: "nullable_"'],
    ['an unknown format', { type: 'string', format: 'phone' }, 'unknown format "phone"'],
    ['a $ref that resolves nowhere', { $ref: '#/$defs/missing' }, "can't resolve reference #/$defs/missing"],
    ['a remote $ref', { $ref: 'https://example.com/schema.json' }, "can't resolve reference"],
    ['a $ref loop', { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }, 'loop without end'],
    ['a backreference RE2 cannot run', { type: 'string', pattern: '(a)\\1' }, 'cannot run in linear time (RE2)'],
    ['a lookahead RE2 cannot run', { patternProperties: { '^(?=x)': {} } }, 'cannot run in linear time (RE2)'],
    ['a pattern that is no regex', { type: 'string', pattern: '(a' }, 'Invalid regular expression'],
    ['a default Ajv would ignore', { anyOf: [{ properties: { a: { default: 1 } } }] }, 'default is ignored'],
  ])('refuses %s', (_what, schema, reason) => {
    expect(flawsOf(schema)).toEqual([{ path: [], reason: expect.stringContaining(reason) }]);
  });

  it('refuses other drafts by their $schema', () => {
    expect(flawsOf({ $schema: 'http://json-schema.org/draft-07/schema#' })).toEqual([
      { path: ['$schema'], reason: expect.stringContaining('draft 2020-12') },
    ]);
  });

  it('suggests the schema form for an example of the data', () => {
    expect(flawsOf({ name: 'string' })).toEqual([{ path: [], reason: expect.stringContaining('did you mean {"type": "object"') }]);
  });

  it('refuses values that are no schema, and nesting too deep to walk', () => {
    expect(flawsOf('string')).toEqual([{ path: [], reason: 'a schema must be an object or a boolean' }]);
    let deep: unknown = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { type: 'array', items: { anyOf: [deep] } };
    expect(flawsOf(deep)).toEqual([{ path: [], reason: expect.stringContaining('nested deeper than') }]);
  });
});

describe('pointerToPath', () => {
  it('unescapes tokens and reads list indexes as numbers', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/properties/a~1b~0c/anyOf/0')).toEqual(['properties', 'a/b~c', 'anyOf', 0]);
  });
});
