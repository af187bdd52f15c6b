import { TERMINAL_STATUSES, type ExecutionStatus } from '@trellis/definition';
import type { ExecutionEvent } from '@trellis/db';
import type { Logger } from 'pino';

export interface FollowOptions {
  executionId: string;
  /** Deliver events with seq greater than this (0 for all). */
  afterSeq: number;
  /** Consecutive events in seq order (what one read found), so a socket can send them in one write. */
  onEvents: (events: ExecutionEvent[]) => void;
  /** Called once after the terminal event was delivered. */
  onEnd?: () => void;
}

interface Follower {
  lastSeq: number;
  options: FollowOptions;
}

/** The followers a read is for, and the seq it reads after (the lowest of theirs). */
export interface FeedRead {
  afterSeq: number;
  audience: readonly Follower[];
}

/** True for the event that ends an execution (completed, failed, stopped, cancelled, ...). */
export function isTerminalEvent(event: ExecutionEvent): boolean {
  return event.type.startsWith('execution.') && TERMINAL_STATUSES.has(event.status as ExecutionStatus);
}

/**
 * This process's followers of one execution. Reads are made for all of them at once (see EventFeeds); each
 * follower gets each event after its own `afterSeq` once, in seq order, through the terminal event.
 */
export class ExecutionFeed {
  private readonly followers = new Set<Follower>();

  constructor(
    readonly executionId: string,
    private readonly log: Logger,
    /** Called when the last follower has left. */
    private readonly onIdle: () => void,
  ) {}

  /** Adds a follower; returns the function that removes it. The caller then asks for a read. */
  add(options: FollowOptions): () => void {
    const follower: Follower = { lastSeq: options.afterSeq, options };
    this.followers.add(follower);
    return () => this.remove(follower);
  }

  /** True when some follower lacks events up to `lastSeq`. */
  behind(lastSeq: number): boolean {
    for (const follower of this.followers) if (follower.lastSeq < lastSeq) return true;
    return false;
  }

  /**
   * The followers present now and where to read from; undefined without followers. Followers that join
   * later wait for the next read: its page may start after their seq.
   */
  startRead(): FeedRead | undefined {
    if (this.followers.size === 0) return undefined;
    const audience = [...this.followers];
    let afterSeq = audience[0]!.lastSeq;
    for (const follower of audience) afterSeq = Math.min(afterSeq, follower.lastSeq);
    return { afterSeq, audience };
  }

  /** Hands a read's page (every event after `read.afterSeq`, up to a limit) to the followers it was for. */
  deliver(read: FeedRead, page: ExecutionEvent[]): void {
    if (page.length > 0) for (const follower of read.audience) this.deliverTo(follower, page);
  }

  /** Drops every follower without ending them (the hub is stopping). */
  close(): void {
    this.followers.clear();
  }

  private remove(follower: Follower): void {
    if (this.followers.delete(follower) && this.followers.size === 0) this.onIdle();
  }

  /** Gives the follower the page's events after its seq, up to and including a terminal event. */
  private deliverTo(follower: Follower, page: ExecutionEvent[]): void {
    if (!this.followers.has(follower)) return;
    let start = 0;
    while (start < page.length && page[start]!.seq <= follower.lastSeq) start++;
    let end = start;
    while (end < page.length && !isTerminalEvent(page[end]!)) end++;
    const ended = end < page.length;
    if (ended) end++;
    if (start === end) return;
    // Followers level with each other share the page itself.
    const events = start === 0 && end === page.length ? page : page.slice(start, end);
    follower.lastSeq = events.at(-1)!.seq;
    try {
      follower.options.onEvents(events);
    } catch (error) {
      this.log.warn({ err: error, executionId: this.executionId }, 'event follower threw');
    }
    if (ended) {
      this.remove(follower);
      follower.options.onEnd?.();
    }
  }
}
