import WebSocket from 'ws';
import type { BenchStack } from './stack';

/** The API's WebSocket URL for `path` (e.g. `/ws/<id>?since=0`). */
export const wsUrl = (stack: BenchStack, path: string) => `${stack.apiUrl.replace(/^http/, 'ws')}${path}`;

/** Opens a socket with its message handler attached first: a replay can arrive in the same read as the 101. */
export function openSocket(url: string, token: string, onMessage: (data: WebSocket.RawData) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    ws.on('message', onMessage);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
