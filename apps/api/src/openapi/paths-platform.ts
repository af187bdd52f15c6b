import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { json, operation } from './operation-kit';
import { Health, Readiness } from './responses';

const tags = ['platform'];

/** Health checks, the API reference itself and (with METRICS_TOKEN) Prometheus metrics on the API port. */
export function platformPaths(options: { metricsOnApiPort: boolean }): ZodOpenApiPathsObject {
  return {
    '/healthz': {
      get: operation('/healthz', { operationId: 'getHealth', tags, public: true, summary: 'The process answers', ok: { 200: json(Health, 'alive') } }),
    },
    '/readyz': {
      get: operation('/readyz', {
        operationId: 'getReadiness',
        tags,
        public: true,
        summary: 'Temporal and Postgres answer within 2 s',
        ok: { 200: json(Readiness, 'ready'), 503: json(Readiness, 'a backing service does not answer') },
      }),
    },
    '/api/v1/openapi.json': {
      get: operation('/api/v1/openapi.json', {
        operationId: 'getOpenApiDocument',
        tags,
        public: true,
        summary: 'This document (OpenAPI 3.1)',
        ok: { 200: json(z.record(z.string(), z.unknown()), 'the document') },
      }),
    },
    '/api/v1/asyncapi.json': {
      get: operation('/api/v1/asyncapi.json', {
        operationId: 'getAsyncApiDocument',
        tags,
        public: true,
        summary: 'The WebSocket channels and their messages (AsyncAPI 3)',
        ok: { 200: json(z.record(z.string(), z.unknown()), 'the document') },
      }),
    },
    '/docs': {
      get: operation('/docs', {
        operationId: 'getDocs',
        tags,
        public: true,
        summary: 'This reference, interactive (Swagger UI): paste a bearer token under Authorize and try any call',
        ok: { 200: { description: 'the page', content: { 'text/html': { schema: z.string() } } } },
      }),
    },
    ...(options.metricsOnApiPort
      ? {
          '/metrics': {
            get: operation('/metrics', {
              operationId: 'getMetrics',
              tags,
              public: true,
              security: [{ metricsToken: [] }],
              summary: 'Prometheus metrics (Authorization: Bearer <METRICS_TOKEN>)',
              errors: [401],
              ok: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } } },
            }),
          },
        }
      : {}),
  };
}
