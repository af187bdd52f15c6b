import WebSocket from 'ws';

export interface Reply {
  status: number;
  body: { error?: { code: string; message: string; details?: unknown }; [key: string]: unknown };
  headers: Headers;
  ms: number;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with Content-Type application/json. */
  raw?: string;
  headers?: Record<string, string>;
}

/** One real HTTP request over loopback; the body is parsed as JSON when it is JSON. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const started = Date.now();
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const res = await fetch(`${baseUrl}${path}`, {
    method: method.toUpperCase(),
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  let parsed: Reply['body'];
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers, ms: Date.now() - started };
}

/** The HTTP status a WebSocket upgrade gets: 101 when the socket opens (it is closed again), else the refusal's. */
export function upgradeStatus(wsUrl: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

/** Polls until `read` satisfies `done`; returns the last value. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
