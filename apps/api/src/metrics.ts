import { Router } from 'express';
import { Gauge, Histogram, Registry } from 'prom-client';
import { countExecutionsByStatus } from '@trellis/db';
import type { ApiDeps } from './services/deps';

/** One API instance's Prometheus metrics. */
export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  wsConnections: Gauge;
}

const instances = new WeakMap<ApiDeps, ApiMetrics>();

/** The metrics of the app built from `deps` (the HTTP app and its WebSocket server share them). */
export function apiMetricsFor(deps: ApiDeps): ApiMetrics {
  let metrics = instances.get(deps);
  if (!metrics) instances.set(deps, (metrics = createApiMetrics(deps)));
  return metrics;
}

function createApiMetrics(deps: ApiDeps): ApiMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'trellis_executions',
    help: 'Executions in Postgres by status (all users)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { status, count } of await countExecutionsByStatus(deps.database.db)) this.set({ status }, count);
    },
  });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'trellis_http_request_duration_seconds',
      help: 'API request latency by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    wsConnections: new Gauge({ name: 'trellis_websocket_connections', help: 'Open WebSocket connections', registers: [registry] }),
  };
}

/** GET /metrics in Prometheus text format: the API's metrics plus any in-process registries (the worker's, under npm start). */
export function metricsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const merged = Registry.merge([apiMetricsFor(deps).registry, ...(deps.metricsRegistries ?? [])]);
    res.type(merged.contentType).send(await merged.metrics());
  });
  return router;
}
