import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { createJsonSchemaAjv, JSON_SCHEMA_DIALECT } from './json-schema-ajv';

export type { ErrorObject as JsonSchemaError } from 'ajv/dist/2020';

/** Something that makes a value unusable as a JSON Schema; `path` is relative to the schema's root. */
export interface JsonSchemaFlaw {
  path: Array<string | number>;
  reason: string;
}

/** A schema ready to validate: `rootDefault` stands in for a missing value (Ajv fills only properties' defaults). */
export interface CompiledJsonSchema {
  validate: ValidateFunction;
  rootDefault?: unknown;
}

/** A compiled schema, or every flaw that stopped it compiling. */
export type JsonSchemaCompilation = ({ ok: true } & CompiledJsonSchema) | { ok: false; flaws: JsonSchemaFlaw[] };

/** Deeper values are refused before Ajv walks them, so compiling cannot exhaust the stack. */
const MAX_NESTING = 64;
/** Compiled schemas kept; a definition version's schema compiles once while it stays in use. */
const CACHE_LIMIT = 500;

const cache = new Map<string, JsonSchemaCompilation>();
// Ajv keeps every compiled function's values in its instance scope: a new instance every CACHE_LIMIT
// compilations lets the old one go once the schemas compiled by it have left the cache.
let ajv = createJsonSchemaAjv();
let compiledByAjv = 0;

/** Compiles `schema` with the platform's Ajv (cached by content); never throws for a bad schema. */
export function compileJsonSchema(schema: unknown): JsonSchemaCompilation {
  const key = createHash('sha256')
    .update(JSON.stringify(schema) ?? 'undefined')
    .digest('base64');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-inserted below: the map's order is least recently used first
    cache.set(key, hit);
    return hit;
  }
  if (++compiledByAjv > CACHE_LIMIT) {
    ajv = createJsonSchemaAjv();
    compiledByAjv = 1;
  }
  const compiled = compileUncached(schema);
  cache.set(key, compiled);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return compiled;
}

function compileUncached(schema: unknown): JsonSchemaCompilation {
  if (typeof schema !== 'boolean' && !isObject(schema)) return failed([], 'a schema must be an object or a boolean');
  if (nestedDeeperThan(schema, MAX_NESTING)) return failed([], `nested deeper than ${MAX_NESTING} levels`);
  if (isObject(schema) && schema.$schema !== undefined && schema.$schema !== JSON_SCHEMA_DIALECT) {
    return failed(['$schema'], `only JSON Schema draft 2020-12 is supported: leave "$schema" out or set it to "${JSON_SCHEMA_DIALECT}"`);
  }
  if (!ajv.validateSchema(schema)) return { ok: false, flaws: metaSchemaFlaws(ajv.errors ?? []) };
  // The root's default is applied here, not by Ajv, whose strict mode refuses it as ignored.
  const { default: rootDefault, ...rest } = isObject(schema) ? schema : {};
  const compilable = isObject(schema) ? rest : schema;
  try {
    return { ok: true, validate: ajv.compile(compilable), ...(rootDefault !== undefined && { rootDefault }) };
  } catch (error) {
    const reason = error instanceof RangeError ? 'its references loop without end' : (error as Error).message;
    return failed([], hasNoKeyword(schema) ? `${reason}; did you mean {"type": "object", "properties": {...}}?` : reason);
  } finally {
    // The compiled function keeps what it needs; Ajv's own cache, keyed by object, would only grow.
    if (isObject(compilable)) ajv.removeSchema(compilable);
  }
}

/** One flaw per place in the schema: the meta-schema reports several alternatives for one bad value. */
function metaSchemaFlaws(errors: ErrorObject[]): JsonSchemaFlaw[] {
  const byPath = new Map<string, JsonSchemaFlaw>();
  for (const error of errors) {
    if (byPath.has(error.instancePath)) continue;
    const allowed = error.keyword === 'enum' ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
    byPath.set(error.instancePath, { path: pointerToPath(error.instancePath), reason: `${error.message ?? 'is invalid'}${allowed}` });
  }
  return [...byPath.values()];
}

/** `/properties/a~1b/items/0` → ['properties', 'a/b', 'items', 0] (digits as numbers, as list indexes). */
export function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}

/** `{"name": "string"}`: an example of the data rather than a schema for it. */
function hasNoKeyword(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const keys = Object.keys(schema);
  return keys.length > 0 && keys.every((key) => !ajv.getKeyword(key));
}

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (levels === 0) return true;
  return Object.values(value).some((child) => nestedDeeperThan(child, levels - 1));
}

function failed(path: Array<string | number>, reason: string): JsonSchemaCompilation {
  return { ok: false, flaws: [{ path, reason }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
