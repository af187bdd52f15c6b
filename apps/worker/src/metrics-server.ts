import { createServer } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { workerMetrics } from './metrics';

/**
 * The standalone worker's GET /metrics on METRICS_PORT: its node and LLM metrics, process metrics (prom-client's
 * defaults) and the Temporal SDK runtime's metrics forwarded from `runtimeMetricsUrl`.
 */
export async function startWorkerMetricsServer(options: {
  port: number;
  host: string;
  runtimeMetricsUrl?: string;
}): Promise<{ url: string; close(): Promise<void> }> {
  const processMetrics = new Registry();
  collectDefaultMetrics({ register: processMetrics });
  const registry = Registry.merge([workerMetrics, processMetrics]);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    Promise.all([registry.metrics(), options.runtimeMetricsUrl ? readRuntimeMetrics(options.runtimeMetricsUrl) : '']).then(
      ([own, runtime]) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(`${own}\n${runtime}`),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host}:${port}/metrics`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The SDK exporter's text; empty when it does not answer within 2 s (the worker's own metrics are still served). */
async function readRuntimeMetrics(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}
