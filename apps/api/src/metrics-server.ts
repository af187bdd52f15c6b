import { createServer } from 'node:http';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves GET /metrics from `read` on a port of its own (METRICS_PORT), apart from the API; anything else is 404. */
export async function startMetricsServer(options: {
  port: number;
  host: string;
  read: () => Promise<{ contentType: string; text: string }>;
}): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    options.read().then(
      ({ contentType, text }) => res.writeHead(200, { 'Content-Type': contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
