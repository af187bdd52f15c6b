import type { CompiledJsonSchema } from '@trellis/definition';
import type { SchemaProblem } from './errors';
import { schemaProblems } from './json-schema-problems';
import { toPlainData } from './plain-data';

/** Result of validation: a copy of the value with defaults filled in, and every problem found. */
export interface SchemaValidation {
  value: unknown;
  problems: SchemaProblem[];
}

/**
 * Validates `value` with a compiled schema (see readSchema) without touching `value`. Missing properties
 * take their `default`, and so does a missing value when the schema's root has one.
 */
export function validateJsonSchema({ validate, rootDefault }: CompiledJsonSchema, value: unknown): SchemaValidation {
  // A copy of plain JSON data: `__proto__` keys are dropped, and the defaults Ajv fills in land in the copy.
  const data = toPlainData(value === undefined ? rootDefault : value);
  if (data === undefined) return { value: undefined, problems: [{ path: '$', message: 'is missing' }] };
  const problems = validate(data) ? [] : schemaProblems(validate.errors ?? [], data);
  return { value: data, problems };
}
