import { compileJsonSchema, type JsonSchemaFlaw } from './json-schema-compiler';

export type { JsonSchemaFlaw } from './json-schema-compiler';

/**
 * Lists why `schema` cannot be used as a JSON Schema (draft 2020-12): what Ajv's meta-schema refuses, and
 * what stops it compiling (an unknown keyword or format, an unresolvable `$ref`, a pattern RE2 cannot run).
 */
export function jsonSchemaFlaws(schema: unknown): JsonSchemaFlaw[] {
  const compiled = compileJsonSchema(schema);
  return compiled.ok ? [] : compiled.flaws;
}
