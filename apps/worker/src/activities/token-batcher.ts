import { splitTokenText, type TokenDelta } from '@trellis/db';

/** Which node attempt the tokens belong to. */
export interface TokenSource {
  execution_id: string;
  node_id: string;
  attempt: number;
}

export interface TokenBatcherOptions {
  /** Sends deltas on (e.g. NOTIFY); called one batch at a time, in order. */
  publish: (deltas: TokenDelta[]) => Promise<void>;
  /** Told about a failed publish; the tokens of that batch are dropped (listeners still get the final text). */
  onError: (error: unknown) => void;
  /** How long deltas gather before they go out together; default 50 ms. */
  intervalMs?: number;
}

export interface TokenBatcher {
  push(delta: string): void;
  /** Sends what is pending and waits until every batch has gone out (or failed). */
  close(): Promise<void>;
}

/**
 * Gathers streamed text into one delta per interval, numbered from 0, and publishes them strictly in
 * order: one publish at a time, so a slow database makes batches bigger, not reordered.
 */
export function createTokenBatcher(source: TokenSource, options: TokenBatcherOptions): TokenBatcher {
  const intervalMs = options.intervalMs ?? 50;
  let pending = '';
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> = Promise.resolve();
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    if (pending === '') return;
    const deltas = splitTokenText(pending, source).map((delta) => ({ ...source, index: index++, delta }));
    pending = '';
    sending = sending.then(() => options.publish(deltas)).catch(options.onError);
  };

  return {
    push(delta) {
      if (closed || delta === '') return;
      pending += delta;
      timer ??= setTimeout(flush, intervalMs);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      flush();
      await sending;
    },
  };
}
