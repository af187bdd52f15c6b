import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Test support: a real HTTP server on 127.0.0.1, so fetch, headers, status codes, streams and aborts are the real thing.

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface SeenRequest {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Resolves when the connection closes (for whatever reason). */
  closed: Promise<void>;
}

export interface LoopbackServer {
  server: Server;
  /** e.g. http://127.0.0.1:1234/v1/ */
  baseUrl: string;
  seen: SeenRequest[];
  handler: Handler;
  close(): Promise<void>;
}

/** Starts a server whose `handler` tests set per case. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const loopback: LoopbackServer = {
    server: createServer((req, res) => {
      const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        loopback.seen.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(body), closed });
        loopback.handler(req, res, body);
      });
    }),
    baseUrl: '',
    seen: [],
    handler: () => undefined,
    close: async () => {
      loopback.server.closeAllConnections();
      await new Promise((resolve) => loopback.server.close(resolve));
    },
  };
  await new Promise<void>((resolve) => loopback.server.listen(0, '127.0.0.1', resolve));
  loopback.baseUrl = `http://127.0.0.1:${(loopback.server.address() as AddressInfo).port}/v1/`;
  return loopback;
}

/** Answers with one JSON (or raw text) body. */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

/** Raw text/event-stream frames, written `gapMs` apart; `then: 'hang'` keeps the connection open after them. */
export function streamFrames(frames: string[], options: { gapMs?: number; then?: 'end' | 'hang' } = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const write = async () => {
      for (const frame of frames) {
        if (res.destroyed) return;
        res.write(frame);
        if (options.gapMs) await new Promise((resolve) => setTimeout(resolve, options.gapMs));
      }
      if (options.then !== 'hang') res.end();
    };
    void write();
  };
}

/** One SSE frame: `data: <json>` with an optional event name. */
export function frame(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}
