import { EventEmitter } from 'node:events';
import { EVENTS_CHANNEL, parseTokenDelta, TOKENS_CHANNEL, type DatabaseHandle, type TokenDelta, type Unlisten } from '@trellis/db';
import type { Logger } from 'pino';

/**
 * Fans Postgres NOTIFYs about new execution events out to this process's followers. Notifications
 * only say "execution X has events up to seq N"; followers read the events themselves, so a lost
 * notification delays an event but never loses it.
 */
export class EventHub {
  private readonly emitter = new EventEmitter();
  private readonly tokens = new EventEmitter();
  private unlisten?: Unlisten;
  private unlistenTokens?: Unlisten;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: Logger,
  ) {
    this.emitter.setMaxListeners(0);
    this.tokens.setMaxListeners(0);
  }

  /** Starts listening; calling it again is a no-op. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, (payload) => {
      const split = payload.lastIndexOf(':');
      const executionId = payload.slice(0, split);
      const seq = Number(payload.slice(split + 1));
      if (!executionId || !Number.isFinite(seq)) return this.log.warn({ payload }, 'malformed event notification');
      this.emitter.emit(executionId, seq);
      this.emitter.emit('*', executionId, seq);
    });
    this.unlistenTokens = await this.database.listen(TOKENS_CHANNEL, (payload) => {
      const delta = parseTokenDelta(payload);
      if (!delta) return this.log.warn({ bytes: payload.length }, 'malformed token notification');
      this.tokens.emit(delta.execution_id, delta);
    });
  }

  /** Calls `onSeq` whenever the execution gets events; returns the unsubscribe function. */
  onExecution(executionId: string, onSeq: (seq: number) => void): () => void {
    this.emitter.on(executionId, onSeq);
    return () => this.emitter.off(executionId, onSeq);
  }

  /** Calls `onSeq` for events of every execution. */
  onAny(onSeq: (executionId: string, seq: number) => void): () => void {
    this.emitter.on('*', onSeq);
    return () => this.emitter.off('*', onSeq);
  }

  /** Calls `onDelta` with live LLM token deltas of the execution (ephemeral: nothing is replayed). */
  onTokens(executionId: string, onDelta: (delta: TokenDelta) => void): () => void {
    this.tokens.on(executionId, onDelta);
    return () => this.tokens.off(executionId, onDelta);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.unlistenTokens?.();
    this.unlisten = undefined;
    this.unlistenTokens = undefined;
    this.emitter.removeAllListeners();
    this.tokens.removeAllListeners();
  }
}
