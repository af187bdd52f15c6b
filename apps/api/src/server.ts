import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import { metricsText } from './metrics';
import { startMetricsServer } from './metrics-server';
import type { ApiDeps } from './deps';
import { attachWebSockets } from './ws/websocket-server';

export interface RunningApi {
  server: Server;
  url: string;
  /** Where /metrics is served apart from the API (METRICS_PORT), if it is. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/** Listens with the API app and its WebSocket endpoints (/ws, /ws/:execution_id) on host:port, and /metrics on METRICS_PORT when set. */
export async function startApiServer(deps: ApiDeps, options: { port: number; host: string }): Promise<RunningApi> {
  await deps.hub.start();
  const server = createServer(createApp(deps));
  const sockets = attachWebSockets(server, deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const metricsPort = deps.settings.metrics?.port;
  const metrics =
    metricsPort === undefined
      ? undefined
      : await startMetricsServer({ port: metricsPort, host: deps.settings.metrics?.host ?? '127.0.0.1', read: () => metricsText(deps) });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    metricsUrl: metrics?.url,
    close: async () => {
      await metrics?.close();
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await deps.hub.stop();
    },
  };
}
