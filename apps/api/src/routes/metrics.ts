import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { unauthorized } from '../errors';
import { metricsText } from '../metrics';
import { apiRoute, type ApiRoute } from '../routing/api-route';

/** GET /metrics on the API port: only with METRICS_TOKEN set, and only for `Authorization: Bearer <token>`. */
export const metricsRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tags: ['platform'],
    public: true,
    security: [{ metricsToken: [] }],
    summary: 'Prometheus metrics (Authorization: Bearer <METRICS_TOKEN>)',
    errors: [401],
    ok: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } } },
    handler: async ({ deps, req, res }) => {
      if (!bearerMatches(req, deps.settings.metrics?.token ?? '')) throw unauthorized('metrics need Authorization: Bearer <METRICS_TOKEN>');
      const { contentType, text } = await metricsText(deps);
      res.type(contentType).send(text);
    },
  }),
];

function bearerMatches(req: Request, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return token.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
}
