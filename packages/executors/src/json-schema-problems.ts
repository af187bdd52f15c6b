import type { JsonSchemaError } from '@trellis/definition';
import type { SchemaProblem } from './errors';

/**
 * Ajv's errors in the shape INPUT_INVALID and OUTPUT_INVALID report: a path like `$.items[2].name` to the
 * value at fault (a missing or unexpected property is named in the path) and a message about it.
 * `data` is the value Ajv validated, read to tell array indexes from property names.
 */
export function schemaProblems(errors: JsonSchemaError[], data: unknown): SchemaProblem[] {
  return errors.map((error) => {
    const { path, value } = locate(data, error.instancePath);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        return { path: childPath(path, String(params.missingProperty)), message: 'is required' };
      case 'additionalProperties':
        return { path: childPath(path, String(params.additionalProperty)), message: 'is not allowed' };
      case 'unevaluatedProperties':
        return { path: childPath(path, String(params.unevaluatedProperty)), message: 'is not allowed' };
      case 'type':
        return { path, message: `must be ${([] as unknown[]).concat(params.type).join(' or ')}, not ${typeOf(value)}` };
      case 'enum':
        return { path, message: `must be one of ${JSON.stringify(params.allowedValues)}` };
      case 'const':
        return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
      case 'minLength':
        return { path, message: `must have at least ${String(params.limit)} characters` };
      case 'maxLength':
        return { path, message: `must have at most ${String(params.limit)} characters` };
      default:
        return { path, message: error.message ?? `fails "${error.keyword}"` };
    }
  });
}

/** Follows a JSON Pointer into `data`, building the `$`-path on the way. */
function locate(data: unknown, pointer: string): { path: string; value: unknown } {
  let path = '$';
  let value = data;
  if (pointer === '') return { path, value };
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(value) ? `${path}[${key}]` : childPath(path, key);
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return { path, value };
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
