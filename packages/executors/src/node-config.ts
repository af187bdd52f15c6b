import { compileJsonSchema, type CompiledJsonSchema, type NodeDefinition } from '@trellis/definition';
import type { z } from 'zod';
import { ConfigInvalidError } from './errors';

/** Parses a node's config with its type's schema; throws ConfigInvalidError listing every issue. */
export function readConfig<T>(schema: z.ZodType<T>, node: NodeDefinition): T {
  const parsed = schema.safeParse(node.config);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((issue) => `${issue.path || '(config)'}: ${issue.message}`).join('; ');
  throw new ConfigInvalidError(`node "${node.id}" has an invalid ${node.type} config: ${summary}`, { issues });
}

/** Compiles a JSON schema from a node's config (`field` names it); throws ConfigInvalidError when it cannot be used. */
export function readSchema(schema: unknown, field: string): CompiledJsonSchema {
  const compiled = compileJsonSchema(schema);
  if (compiled.ok) return compiled;
  const issues = compiled.flaws.map((flaw) => ({ path: [field, ...flaw.path].join('.'), message: flaw.reason }));
  throw new ConfigInvalidError(`${field} is not a usable JSON schema: ${issues[0]?.path}: ${issues[0]?.message}`, { issues });
}
