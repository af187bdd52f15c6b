import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { definitionJsonSchema } from '@trellis/definition';
import { ExecutionEventMessage, TokenMessage } from '../events/event-messages';
import type { ApiRoute } from '../routing/api-route';

export interface DocumentOptions {
  /** /metrics is served on the API port (METRICS_TOKEN set). */
  metricsOnApiPort: boolean;
}

const DESCRIPTION = `Temporal-orchestrated AI workflows: save a workflow (a graph of typed nodes), start executions of it, follow
their events, and pause, resume, stop or cancel them. Every /api/v1 call but the answer links takes a bearer JWT.
Errors answer \`{"error": {"code", "message", "details"}}\` (the test-session routes answer their 4xx as \`{status, error,
message, code}\`). Live events also come over WebSocket: see /api/v1/asyncapi.json.`;

/** Each route's operation under its path and method. */
function pathsOf(routes: readonly ApiRoute[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const { path, method } = route.spec;
    if (paths[path]?.[method]) throw new Error(`${method.toUpperCase()} ${path} is declared twice`);
    paths[path] = { ...paths[path], [method]: route.operation() };
  }
  return paths;
}

/** The OpenAPI 3.1 document of the routes, built from the same zod schemas they validate requests with. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], options: DocumentOptions): Record<string, unknown> {
  const document = createDocument(
    {
      openapi: '3.1.0',
      info: { title: 'Trellis API', version: '1.0.0', description: DESCRIPTION },
      security: [{ bearer: [] }],
      tags: [
        { name: 'workflows' },
        { name: 'executions' },
        { name: 'human nodes', description: 'Waits of human nodes and how to answer them' },
        { name: 'test sessions', description: 'Chat-style tests of a saved workflow (camelCase fields; see docs/test-sessions.md)' },
        { name: 'Coze-compatible run history', description: "A workflow's runs in the Coze-compatible record shape (times in Unix ms)" },
        {
          name: 'the /execute compatibility API',
          description: 'Run an inline definition; reads and controls behave as the /executions routes',
        },
        { name: 'platform' },
      ],
      paths: pathsOf(routes),
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          ...(options.metricsOnApiPort ? { metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' } } : {}),
        },
        schemas: { ExecutionEvent: ExecutionEventMessage, TokenMessage },
      },
    },
    { allowEmptySchema: { custom: true } },
  ) as unknown as Record<string, unknown> & { components: { schemas: Record<string, unknown> } };
  Object.assign(document.components.schemas, definitionSchemas());
  return document;
}

/** The workflow definition's JSON Schema as components: its $defs become siblings, its refs point at them. */
function definitionSchemas(): Record<string, unknown> {
  const { $defs = {}, $schema: _, ...definition } = definitionJsonSchema() as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const text = JSON.stringify({ WorkflowDefinition: definition, ...$defs }).replaceAll('"#/$defs/', '"#/components/schemas/');
  return JSON.parse(text) as Record<string, unknown>;
}
