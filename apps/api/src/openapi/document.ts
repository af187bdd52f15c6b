import { createDocument } from 'zod-openapi';
import { definitionJsonSchema } from '@trellis/core';
import { ExecutionEventMessage, TokenMessage } from '../events/event-messages';
import { executeCompatPaths } from './paths-execute-compat';
import { executionPaths } from './paths-executions';
import { humanPaths } from './paths-human';
import { platformPaths } from './paths-platform';
import { rerunPaths } from './paths-reruns';
import { bulkPaths } from './paths-bulk';
import { runHistoryPaths } from './paths-run-history';
import { testSessionPaths } from './paths-test-sessions';
import { workflowPaths } from './paths-workflows';

export interface DocumentOptions {
  /** /metrics is served on the API port (METRICS_TOKEN set). */
  metricsOnApiPort: boolean;
}

const DESCRIPTION = `Temporal-orchestrated AI workflows: save a workflow (a graph of typed nodes), start executions of it, follow
their events, and pause, resume, stop or cancel them. Every /api/v1 call but the answer links takes a bearer JWT.
Errors answer \`{"error": {"code", "message", "details"}}\` (the test-session routes answer their 4xx as \`{status, error,
message, code}\`). Live events also come over WebSocket: see /api/v1/asyncapi.json.`;

/** The OpenAPI 3.1 document, built from the same zod schemas the routes validate requests with. */
export function openApiDocument(options: DocumentOptions): Record<string, unknown> {
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
        { name: 'the /execute compatibility API', description: 'Run an inline definition; reads and controls behave as the /executions routes' },
        { name: 'platform' },
      ],
      paths: {
        ...workflowPaths,
        ...runHistoryPaths,
        ...executionPaths,
        ...humanPaths,
        ...rerunPaths,
        ...bulkPaths,
        ...executeCompatPaths,
        ...testSessionPaths,
        ...platformPaths(options),
      },
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

/** Every documented operation's method, path and summary. */
export function documentedOperations(options: DocumentOptions): Array<{ method: string; path: string; summary: string }> {
  const paths = openApiDocument(options).paths as Record<string, Record<string, { summary: string }>>;
  return Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, summary: op.summary })));
}
