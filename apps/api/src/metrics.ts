import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { LIVE_STATUSES } from '@trellis/definition';
import { countLiveExecutionsByStatus, countOpenHumanWaits } from '@trellis/db';
import type { ApiDeps } from './deps';

/** One API instance's Prometheus metrics. */
export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  wsConnections: Gauge;
}

/** The live-execution gauge is read from Postgres at most this often, whatever the scrape rate. */
const LIVE_COUNTS_MAX_AGE_MS = 15_000;

const instances = new WeakMap<ApiDeps, ApiMetrics>();

/** The metrics of the app built from `deps` (the HTTP app and its WebSocket server share them). */
export function apiMetricsFor(deps: ApiDeps): ApiMetrics {
  let metrics = instances.get(deps);
  if (!metrics) instances.set(deps, (metrics = createApiMetrics(deps)));
  return metrics;
}

let processRegistry: Registry | undefined;

/** This process's CPU, memory, event-loop and GC metrics (prom-client's defaults), collected once per process. */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

function createApiMetrics(deps: ApiDeps): ApiMetrics {
  const registry = new Registry();
  const liveCounts = cachedRead(() => countLiveExecutionsByStatus(deps.database.db), LIVE_COUNTS_MAX_AGE_MS);
  new Gauge({
    name: 'trellis_live_executions',
    help: `Pending, running, waiting and paused executions in Postgres by status (all users; read at most every ${LIVE_COUNTS_MAX_AGE_MS / 1000} s)`,
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await liveCounts();
      this.reset();
      for (const status of LIVE_STATUSES) this.set({ status }, counts.find((c) => c.status === status)?.count ?? 0);
    },
  });
  const openWaits = cachedRead(async () => [await countOpenHumanWaits(deps.database.db)], LIVE_COUNTS_MAX_AGE_MS);
  new Gauge({
    name: 'trellis_human_waits_open',
    help: `Human nodes waiting for an answer, not past their deadline (all users; read at most every ${LIVE_COUNTS_MAX_AGE_MS / 1000} s)`,
    registers: [registry],
    async collect() {
      this.set((await openWaits())[0] ?? 0);
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

/** `read()`'s last value, refreshed when older than `maxAgeMs` (one refresh at a time; a failed one keeps the old value). */
function cachedRead<T>(read: () => Promise<T[]>, maxAgeMs: number): () => Promise<T[]> {
  let value: T[] = [];
  let readAt = -Infinity;
  let refreshing: Promise<void> | undefined;
  return async () => {
    if (Date.now() - readAt > maxAgeMs) {
      refreshing ??= read()
        .then((fresh) => {
          value = fresh;
          readAt = Date.now();
        })
        .catch(() => undefined)
        .finally(() => (refreshing = undefined));
      await refreshing;
    }
    return value;
  };
}

/** Everything this process serves on /metrics: the API's, the process's, in-process registries and forwarded endpoints. */
export async function metricsText(deps: ApiDeps): Promise<{ contentType: string; text: string }> {
  const merged = Registry.merge([apiMetricsFor(deps).registry, processMetrics(), ...(deps.metricsRegistries ?? [])]);
  const forwarded = await Promise.all((deps.metricsForward ?? []).map(readForwardedMetrics));
  return { contentType: merged.contentType, text: [await merged.metrics(), ...forwarded].join('\n') };
}

/** Another exporter's Prometheus text (e.g. the Temporal SDK runtime's); empty when it does not answer within 2 s. */
export async function readForwardedMetrics(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}
