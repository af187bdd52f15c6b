import WebSocket from 'ws';
import { TrellisApiError } from './errors';
import { executionStatusOf } from './event-status';
import { TERMINAL_STATUSES, type ExecutionEvent } from './types';

export interface FollowOptions {
  url: string;
  token: string;
  /** Receive events after this seq (0: from the start). */
  since?: number;
  onEvent?: (event: ExecutionEvent) => void;
  signal?: AbortSignal;
  /** Give up after this many reconnects in a row without progress. */
  maxReconnects?: number;
}

const isTerminal = (event: ExecutionEvent) => {
  const status = executionStatusOf(event);
  return !!status && TERMINAL_STATUSES.has(status);
};

/** Follows one execution's events until the terminal one, resuming from the last seq after a dropped connection. */
export function followExecution(options: FollowOptions): Promise<ExecutionEvent[]> {
  const events: ExecutionEvent[] = [];
  let lastSeq = options.since ?? 0;
  let failures = 0;
  return new Promise((resolve, reject) => {
    const connect = () => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const socket = new WebSocket(`${options.url}?since=${lastSeq}`, ['bearer', options.token]);
      let done = false;
      const abort = () => socket.terminate();
      options.signal?.addEventListener('abort', abort, { once: true });
      socket.on('unexpected-response', (_req, res) => {
        done = true;
        reject(new TrellisApiError(res.statusCode ?? 0, 'WS_REJECTED', `WebSocket upgrade refused with ${res.statusCode}`));
      });
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as ExecutionEvent;
        if (typeof message.seq !== 'number' || message.seq <= lastSeq) return; // hello, tokens, or a repeat
        lastSeq = message.seq;
        failures = 0;
        events.push(message);
        options.onEvent?.(message);
        if (isTerminal(message)) {
          done = true;
          options.signal?.removeEventListener('abort', abort);
          socket.close(1000);
          resolve(events);
        }
      });
      socket.on('error', () => undefined); // 'close' follows and decides
      socket.on('close', () => {
        options.signal?.removeEventListener('abort', abort);
        if (done) return;
        if (options.signal?.aborted) return reject(options.signal.reason);
        if (++failures > (options.maxReconnects ?? 10)) return reject(new Error(`lost the event stream after ${failures - 1} reconnects`));
        setTimeout(connect, Math.min(100 * 2 ** failures, 5_000));
      });
    };
    connect();
  });
}
