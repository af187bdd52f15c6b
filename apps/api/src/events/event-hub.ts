import { EventEmitter } from 'node:events';
import {
  EVENTS_CHANNEL,
  parseEventNotification,
  parseTokenDelta,
  TOKENS_CHANNEL,
  type DatabaseHandle,
  type EventRange,
  type TokenDelta,
  type Unlisten,
} from '@trellis/db';
import type { Logger } from 'pino';
import { EventFeeds } from './event-feeds';
import type { FollowOptions } from './execution-feed';

const POLL_MS = 2_000;

/**
 * This process's end of the event channel. Notifications only say "execution X has events up to seq N";
 * the followers of all executions share one reader (EventFeeds), so a lost notification delays an event
 * but never loses it, and a thousand followers cost one query per batch.
 */
export class EventHub {
  private feeds?: EventFeeds;
  private readonly ranges = new EventEmitter();
  private readonly tokens = new EventEmitter();
  private unlisten?: Unlisten;
  private unlistenTokens?: Unlisten;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: Logger,
    private readonly options: { pollMs?: number } = {},
  ) {
    this.ranges.setMaxListeners(0);
    this.tokens.setMaxListeners(0);
  }

  /** Starts listening; calling it again is a no-op. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, (payload) => this.receive(payload));
    this.unlistenTokens = await this.database.listen(TOKENS_CHANNEL, (payload) => {
      const delta = parseTokenDelta(payload);
      if (!delta) return this.log.warn({ bytes: payload.length }, 'malformed token notification');
      this.tokens.emit(delta.execution_id, delta);
    });
  }

  /**
   * Replays stored events after `afterSeq`, then delivers new ones in seq order as they are committed,
   * each exactly once, until the terminal event (then `onEnd`). Returns the function that stops following.
   */
  follow(options: FollowOptions): () => void {
    this.feeds ??= new EventFeeds({ db: this.database.db, log: this.log, pollMs: this.options.pollMs ?? POLL_MS });
    return this.feeds.follow(options);
  }

  /** Calls `onRange` for every announcement, of every execution. */
  onAny(onRange: (range: EventRange) => void): () => void {
    this.ranges.on('range', onRange);
    return () => this.ranges.off('range', onRange);
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
    this.feeds?.close();
    this.feeds = undefined;
    this.ranges.removeAllListeners();
    this.tokens.removeAllListeners();
  }

  private receive(payload: string): void {
    const { ranges, malformed } = parseEventNotification(payload);
    if (malformed > 0) this.log.warn({ payload: payload.slice(0, 200), malformed }, 'malformed event notification');
    for (const range of ranges) {
      this.feeds?.notify(range.executionId, range.lastSeq);
      this.ranges.emit('range', range);
    }
  }
}
