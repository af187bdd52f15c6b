/**
 * A pattern matching the concrete paths of a route template, with its parameters written the Express way
 * (`/executions/:id`) or the OpenAPI way (`/executions/{id}`); a trailing slash and letter case are ignored, as
 * Express ignores them.
 */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/:\w+|\{\w+\}/g, '[^/]+')}/?$`, 'i');
}
