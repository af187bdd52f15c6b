import { isRecord } from './validate-shape';

/** Something that makes a value implausible as a JSON Schema; `path` is relative to the schema's root. */
export interface JsonSchemaFlaw {
  path: Array<string | number>;
  reason: string;
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Keywords whose value is a map of subschemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keywords whose value is one subschema (`items` may also be a draft-07 tuple list). */
const SCHEMA_SINGLES = [
  'items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains',
  'propertyNames', 'unevaluatedProperties', 'unevaluatedItems',
];

/** Keywords (besides the subschema ones above) that mark an object as meant to be a schema. */
const OTHER_KEYWORDS = [
  '$schema', '$id', '$ref', '$comment', '$anchor', 'title', 'description', 'default', 'examples',
  'type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems',
  'required', 'minProperties', 'maxProperties', 'dependentRequired', 'nullable', 'readOnly', 'writeOnly',
  'deprecated', 'contentMediaType', 'contentEncoding',
];

/** Deeper schemas are rejected rather than walked, so the check cannot exhaust the stack. */
const MAX_PATH_LENGTH = 64;

const KEYWORDS = new Set([...SCHEMA_MAPS, ...SCHEMA_LISTS, ...SCHEMA_SINGLES, ...OTHER_KEYWORDS]);

/**
 * Lists what makes `schema` implausible as a JSON Schema: bad `type`/`required`/`enum` values, non-schema
 * subschemas, or a non-empty object with no JSON Schema keyword at all (e.g. `{"name": "string"}`).
 * A plausibility check, not a meta-schema validation.
 */
export function jsonSchemaFlaws(schema: unknown, path: Array<string | number> = []): JsonSchemaFlaw[] {
  if (typeof schema === 'boolean') return [];
  if (!isRecord(schema)) return [{ path, reason: 'a schema must be an object or a boolean' }];
  if (path.length > MAX_PATH_LENGTH) return [{ path, reason: `nested deeper than ${MAX_PATH_LENGTH} keys` }];
  const keys = Object.keys(schema);
  if (keys.length > 0 && !keys.some((key) => KEYWORDS.has(key))) {
    const hint = 'did you mean {"type": "object", "properties": {...}}?';
    const reason = `no JSON Schema keywords (found ${keys.join(', ')}); ${hint}`;
    return [{ path, reason }];
  }
  const flaws: JsonSchemaFlaw[] = [];
  const { type, required } = schema;
  if (type !== undefined && !isTypeName(type) && !(Array.isArray(type) && type.length > 0 && type.every(isTypeName))) {
    const reason = `"type" must be one of ${[...TYPES].join(', ')}, or a list of them`;
    flaws.push({ path: [...path, 'type'], reason });
  }
  if (required !== undefined && !(Array.isArray(required) && required.every((name) => typeof name === 'string'))) {
    flaws.push({ path: [...path, 'required'], reason: '"required" must be a list of property names' });
  }
  if (schema.enum !== undefined && !Array.isArray(schema.enum)) {
    flaws.push({ path: [...path, 'enum'], reason: '"enum" must be a list' });
  }
  for (const key of SCHEMA_MAPS) flaws.push(...mapFlaws(schema[key], [...path, key]));
  for (const key of SCHEMA_LISTS) flaws.push(...listFlaws(schema[key], [...path, key]));
  for (const key of SCHEMA_SINGLES) {
    const value = schema[key];
    if (key === 'items' && Array.isArray(value)) flaws.push(...listFlaws(value, [...path, key]));
    else if (value !== undefined) flaws.push(...jsonSchemaFlaws(value, [...path, key]));
  }
  return flaws;
}

function mapFlaws(value: unknown, path: Array<string | number>): JsonSchemaFlaw[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ path, reason: `"${path[path.length - 1]}" must be an object of schemas` }];
  return Object.entries(value).flatMap(([name, sub]) => jsonSchemaFlaws(sub, [...path, name]));
}

function listFlaws(value: unknown, path: Array<string | number>): JsonSchemaFlaw[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [{ path, reason: `"${path[path.length - 1]}" must be a list of schemas` }];
  return value.flatMap((sub, i) => jsonSchemaFlaws(sub, [...path, i]));
}

function isTypeName(value: unknown): boolean {
  return typeof value === 'string' && TYPES.has(value);
}
