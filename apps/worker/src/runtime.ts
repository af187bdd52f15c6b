import { createServer } from 'node:net';
import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * Installs the Temporal SDK runtime (once per process, before any connection). With `metrics`, the SDK's own
 * metrics (workflow/activity task latencies, slots, sticky cache, ...) go to a Prometheus exporter on a free
 * loopback port, whose URL is returned for /metrics to forward; without, they are not collected.
 */
export async function installWorkerRuntime(options: {
  metrics: boolean;
  shutdownSignals?: NodeJS.Signals[];
}): Promise<{ metricsUrl?: string }> {
  const port = options.metrics ? await freeLoopbackPort() : undefined;
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    ...(options.shutdownSignals ? { shutdownSignals: options.shutdownSignals } : {}),
    ...(port ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${port}`, useSecondsForDurations: true } } } } : {}),
  });
  return { metricsUrl: port ? `http://127.0.0.1:${port}/metrics` : undefined };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
