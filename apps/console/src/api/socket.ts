// WebSockets to the API with the token as the `bearer` subprotocol, reconnecting with backoff.
import { currentToken, signOut } from './session';

export interface LiveSocketOptions {
  /** Path and query for each (re)connect, e.g. `/ws/<id>?since=<last seq>`; read again on every attempt. */
  path: () => string;
  onMessage: (message: unknown) => void;
  onStateChange?: (state: LiveState) => void;
  /** Stop reconnecting once this returns true (e.g. the run ended). */
  done?: () => boolean;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Opens a socket that reconnects on its own until closed; returns the function that closes it. */
export function openLiveSocket(options: LiveSocketOptions): () => void {
  let socket: WebSocket | undefined;
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let opened = false;

  const connect = () => {
    const token = currentToken();
    if (closed || !token) return;
    options.onStateChange?.(failures === 0 ? 'connecting' : 'reconnecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    opened = false;
    socket = new WebSocket(`${scheme}://${location.host}${options.path()}`, ['bearer', token]);
    socket.onopen = () => {
      opened = true;
      failures = 0;
      options.onStateChange?.('live');
    };
    socket.onmessage = (event) => {
      try {
        options.onMessage(JSON.parse(String(event.data)) as unknown);
      } catch {
        // not JSON: nothing the console understands
      }
    };
    socket.onclose = () => {
      socket = undefined;
      if (closed) return;
      if (options.done?.()) return options.onStateChange?.('closed');
      if (!opened) failures += 1;
      // A refused upgrade (e.g. 401 after the token expired) looks like a failed open; check the token by REST.
      if (!opened && failures >= 3) void checkToken(token);
      options.onStateChange?.('reconnecting');
      timer = setTimeout(connect, Math.min(250 * 2 ** failures, 5_000));
    };
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    const open = socket;
    socket = undefined;
    if (!open) return;
    open.onclose = null;
    open.onmessage = null;
    // Closing while still connecting makes the browser log an error: close it once it opens instead.
    if (open.readyState === WebSocket.CONNECTING) open.onopen = () => open.close(1000);
    else if (open.readyState === WebSocket.OPEN) open.close(1000);
  };
}

async function checkToken(token: string): Promise<void> {
  const res = await fetch('/api/v1/workflows?size=1', { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  if (res?.status === 401) signOut('Your session ended: the token is no longer accepted. Sign in again.');
}
