import { listEventsAfter, type Database, type ExecutionEvent } from '@trellis/db';
import type { Logger } from 'pino';
import { ExecutionFeed, type FeedRead, type FollowOptions } from './execution-feed';

/** Events per execution per read; a fuller page is read on at once. */
const PAGE = 200;
/** Executions per query; the rest wait for the next one. */
const MAX_EXECUTIONS_PER_READ = 500;

/**
 * Every execution this process follows, read together: one query serves all the feeds that need events
 * (announced, joined, or polled), however many executions and followers there are. Reads run one at a
 * time; what asks for a read meanwhile goes into the next one. A slow poll covers lost notifications.
 */
export class EventFeeds {
  private readonly feeds = new Map<string, ExecutionFeed>();
  private readonly pending = new Set<ExecutionFeed>();
  private readonly poll: NodeJS.Timeout;
  private reading = false;

  constructor(private readonly deps: { db: Database; log: Logger; pollMs: number }) {
    this.poll = setInterval(() => {
      for (const feed of this.feeds.values()) this.pending.add(feed);
      void this.read();
    }, deps.pollMs);
    this.poll.unref();
  }

  /** Replay after `afterSeq`, then live events until the terminal one; returns the function that stops. */
  follow(options: FollowOptions): () => void {
    const { executionId } = options;
    let feed = this.feeds.get(executionId);
    if (!feed) {
      const created = new ExecutionFeed(executionId, this.deps.log, () => {
        if (this.feeds.get(executionId) === created) this.feeds.delete(executionId);
      });
      this.feeds.set(executionId, (feed = created));
    }
    const stop = feed.add(options);
    this.request(feed);
    return stop;
  }

  /** Events up to `lastSeq` of the execution were committed. */
  notify(executionId: string, lastSeq: number): void {
    const feed = this.feeds.get(executionId);
    if (feed?.behind(lastSeq)) this.request(feed);
  }

  close(): void {
    clearInterval(this.poll);
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
    this.pending.clear();
  }

  private request(feed: ExecutionFeed): void {
    this.pending.add(feed);
    void this.read();
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (this.pending.size > 0) {
        const reads: Array<{ feed: ExecutionFeed; read: FeedRead }> = [];
        for (const feed of this.pending) {
          this.pending.delete(feed);
          const read = feed.startRead();
          if (read) reads.push({ feed, read });
          if (reads.length === MAX_EXECUTIONS_PER_READ) break;
        }
        if (reads.length === 0) continue;
        const events = await listEventsAfter(
          this.deps.db,
          reads.map(({ feed, read }) => ({ executionId: feed.executionId, afterSeq: read.afterSeq })),
          PAGE,
        );
        const pages = groupByExecution(events);
        for (const { feed, read } of reads) {
          const page = pages.get(feed.executionId) ?? [];
          feed.deliver(read, page);
          if (page.length === PAGE) this.pending.add(feed);
        }
      }
    } catch (error) {
      // Postgres unreachable: the poll asks again.
      this.deps.log.debug({ err: error }, 'event read failed; the poll retries');
    } finally {
      this.reading = false;
    }
  }
}

function groupByExecution(events: ExecutionEvent[]): Map<string, ExecutionEvent[]> {
  const pages = new Map<string, ExecutionEvent[]>();
  for (const event of events) {
    const page = pages.get(event.executionId);
    if (page) page.push(event);
    else pages.set(event.executionId, [event]);
  }
  return pages;
}
