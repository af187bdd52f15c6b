import type { ExecutionEvent } from '@trellis/db';
import pino from 'pino';
import { ExecutionFeed } from './execution-feed';

const event = (seq: number, type = 'node.progress', status: string | null = null): ExecutionEvent => ({
  executionId: 'e',
  seq,
  key: `k${seq}`,
  type,
  status,
  nodeId: null,
  level: 'info',
  message: `event ${seq}`,
  data: null,
  createdAt: new Date(0),
});
const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));

function follower(feed: ExecutionFeed, afterSeq: number) {
  const got = { batches: [] as number[][], ends: 0 };
  const stop = feed.add({
    executionId: 'e',
    afterSeq,
    onEvents: (events) => got.batches.push(events.map((e) => e.seq)),
    onEnd: () => got.ends++,
  });
  return { got, stop };
}

describe('ExecutionFeed', () => {
  const log = pino({ level: 'silent' });

  it('reads after the lowest seq of its followers and gives each only what follows its own, as one batch', () => {
    const feed = new ExecutionFeed('e', log, () => {});
    const behind = follower(feed, 2);
    const ahead = follower(feed, 4);
    const read = feed.startRead()!;
    expect(read.afterSeq).toBe(2);
    feed.deliver(read, page(3, 6));
    expect(behind.got.batches).toEqual([[3, 4, 5, 6]]);
    expect(ahead.got.batches).toEqual([[5, 6]]);
    feed.deliver(feed.startRead()!, page(5, 7)); // overlaps what they have
    expect(behind.got.batches.at(-1)).toEqual([7]);
    expect(ahead.got.batches.at(-1)).toEqual([7]);
  });

  it('leaves a follower that joined after the read started to the next read', () => {
    const feed = new ExecutionFeed('e', log, () => {});
    follower(feed, 5);
    const read = feed.startRead()!;
    const late = follower(feed, 0);
    feed.deliver(read, page(6, 8));
    expect(late.got.batches).toEqual([]);
    expect(feed.startRead()!.afterSeq).toBe(0);
  });

  it('ends a follower at the terminal event, once, and goes idle when the last one leaves', () => {
    let idle = 0;
    const feed = new ExecutionFeed('e', log, () => idle++);
    const a = follower(feed, 0);
    const b = follower(feed, 0);
    const read = feed.startRead()!;
    b.stop();
    feed.deliver(read, [event(1), event(2, 'execution.completed', 'completed'), event(3)]);
    expect(a.got).toEqual({ batches: [[1, 2]], ends: 1 });
    expect(b.got).toEqual({ batches: [], ends: 0 });
    expect(idle).toBe(1);
    expect(feed.startRead()).toBeUndefined();
  });

  it('keeps delivering to the others when one follower throws', () => {
    const feed = new ExecutionFeed('e', log, () => {});
    feed.add({
      executionId: 'e',
      afterSeq: 0,
      onEvents: () => {
        throw new Error('socket gone');
      },
    });
    const ok = follower(feed, 0);
    feed.deliver(feed.startRead()!, page(1, 2));
    expect(ok.got.batches).toEqual([[1, 2]]);
  });
});
