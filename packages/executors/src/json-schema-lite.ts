import { z } from 'zod';
import type { SchemaProblem } from './errors';
import { toExpressionData, toPlainData } from './plain-data';

const JSON_TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** The JSON Schema keywords input nodes understand; other keywords (title, format, ...) are ignored. */
export interface JsonSchemaLite {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchemaLite>;
  required?: string[];
  /** Filled in when an object property (or the whole value) is missing. */
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchemaLite;
  additionalProperties?: boolean | JsonSchemaLite;
}

const JsonTypeName = z.enum(JSON_TYPES);

/** Checks that a schema uses the supported keywords correctly; other keywords pass through untouched. */
export const JsonSchemaLite: z.ZodType<JsonSchemaLite> = z.lazy(() =>
  z.looseObject({
    type: z.union([JsonTypeName, z.array(JsonTypeName).min(1)]).optional(),
    properties: z.record(z.string(), JsonSchemaLite).optional(),
    required: z.array(z.string()).optional(),
    default: z.unknown().optional(),
    enum: z.array(z.unknown()).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
    items: JsonSchemaLite.optional(),
    additionalProperties: z.union([z.boolean(), JsonSchemaLite]).optional(),
  }),
);

/** Result of validation: a copy of the value with defaults filled in, and every problem found. */
export interface SchemaValidation {
  value: unknown;
  problems: SchemaProblem[];
}

/** Validates `value` against `schema` without touching `value`; problems carry paths like `$.items[2].name`. */
export function validateJsonSchema(schema: JsonSchemaLite, value: unknown): SchemaValidation {
  const problems: SchemaProblem[] = [];
  // Work on a null-prototype copy, so keys like `constructor` or `__proto__` are just keys.
  const checked = check(schema, toExpressionData(value), '$', problems);
  return { value: toPlainData(checked), problems };
}

type Data = Record<string, unknown>;

function check(schema: JsonSchemaLite, value: unknown, path: string, problems: SchemaProblem[]): unknown {
  if (value === undefined && schema.default !== undefined) value = toExpressionData(schema.default);
  if (value === undefined) {
    problems.push({ path, message: 'is missing' });
    return value;
  }
  const types = schema.type === undefined ? undefined : ([] as JsonType[]).concat(schema.type);
  if (types && !types.some((type) => hasType(value, type))) {
    problems.push({ path, message: `must be ${types.join(' or ')}, not ${typeOf(value)}` });
    return value;
  }
  if (schema.enum && !schema.enum.some((allowed) => deepEqual(allowed, value))) {
    problems.push({ path, message: `must be one of ${JSON.stringify(schema.enum)}` });
  }
  if (typeof value === 'number') checkNumber(schema, value, path, problems);
  if (typeof value === 'string') checkString(schema, value, path, problems);
  if (Array.isArray(value) && schema.items) {
    for (let index = 0; index < value.length; index++) {
      value[index] = check(schema.items, value[index], `${path}[${index}]`, problems);
    }
  }
  if (typeOf(value) === 'object') checkObject(schema, value as Data, path, problems);
  return value;
}

function checkNumber(schema: JsonSchemaLite, value: number, path: string, problems: SchemaProblem[]): void {
  if (schema.minimum !== undefined && value < schema.minimum) problems.push({ path, message: `must be >= ${schema.minimum}` });
  if (schema.maximum !== undefined && value > schema.maximum) problems.push({ path, message: `must be <= ${schema.maximum}` });
}

function checkString(schema: JsonSchemaLite, value: string, path: string, problems: SchemaProblem[]): void {
  const length = [...value].length; // JSON Schema counts code points, not UTF-16 units
  if (schema.minLength !== undefined && length < schema.minLength) {
    problems.push({ path, message: `must have at least ${schema.minLength} characters` });
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    problems.push({ path, message: `must have at most ${schema.maxLength} characters` });
  }
}

function checkObject(schema: JsonSchemaLite, value: Data, path: string, problems: SchemaProblem[]): void {
  const properties = schema.properties ?? {};
  for (const [key, propertySchema] of Object.entries(properties)) {
    const present = value[key] !== undefined || propertySchema.default !== undefined;
    if (present) value[key] = check(propertySchema, value[key], childPath(path, key), problems);
  }
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) problems.push({ path: childPath(path, key), message: 'is required' });
  }
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === true) return;
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(properties, key)) continue;
    if (extra === false) problems.push({ path: childPath(path, key), message: 'is not allowed' });
    else value[key] = check(extra, value[key], childPath(path, key), problems);
  }
}

function hasType(value: unknown, type: JsonType): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeOf(value) === type;
}

function typeOf(value: unknown): Exclude<JsonType, 'integer'> {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Exclude<JsonType, 'integer' | 'null' | 'array'>;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeOf(a) !== typeOf(b) || typeof a !== 'object' || a === null) return false;
  const aKeys = Object.keys(a);
  const bData = b as Data;
  if (aKeys.length !== Object.keys(bData).length) return false;
  return aKeys.every((key) => Object.hasOwn(bData, key) && deepEqual((a as Data)[key], bData[key]));
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
