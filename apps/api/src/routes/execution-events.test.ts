import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import type { ExecutionEvent } from '@trellis/db';
import type { FollowOptions } from '../events/execution-feed';
import type { ApiDeps } from '../deps';
import { streamEvents } from './execution-events';

/** A response whose write() reports a full socket buffer while `full` is set. */
class FakeResponse extends EventEmitter {
  written: string[] = [];
  ended = false;
  full = false;
  get writableNeedDrain() {
    return this.full;
  }
  status() {
    return this;
  }
  set() {
    return this;
  }
  flushHeaders() {}
  write(text: string) {
    this.written.push(text);
    return !this.full;
  }
  end() {
    this.ended = true;
  }
}

function fakeDeps(keepAliveMs = 15_000) {
  const follows: Array<{ options: FollowOptions; stopped: boolean }> = [];
  const deps = {
    settings: { sseKeepAliveMs: keepAliveMs },
    hub: {
      onTokens: () => () => undefined,
      follow: (options: FollowOptions) => {
        const entry = { options, stopped: false };
        follows.push(entry);
        return () => (entry.stopped = true);
      },
    },
  } as unknown as ApiDeps;
  return { deps, follows };
}

const event = (seq: number, type = 'node.completed', status: string | null = null): ExecutionEvent =>
  ({
    executionId: 'e1',
    seq,
    key: `k${seq}`,
    type,
    status,
    nodeId: null,
    level: 'info',
    message: 'm',
    data: null,
    createdAt: new Date(0),
  }) as ExecutionEvent;

describe('streamEvents', () => {
  afterEach(() => jest.useRealTimers());

  it('stops following while the socket buffer is full and resumes after the last written seq once it drains', () => {
    const { deps, follows } = fakeDeps();
    const res = new FakeResponse();
    streamEvents(deps, res as unknown as Response, 'e1', 4);
    expect(follows.map((f) => f.options.afterSeq)).toEqual([4]);
    res.full = true;
    follows[0]!.options.onEvents([event(5), event(6)]);
    expect(follows[0]!.stopped).toBe(true);
    res.full = false;
    res.emit('drain');
    expect(follows.map((f) => f.options.afterSeq)).toEqual([4, 6]);
    follows[1]!.options.onEvents([event(7, 'execution.completed', 'completed')]);
    expect(res.ended).toBe(true);
    expect(res.written.join('').match(/^id: \d+$/gm)).toEqual(['id: 5', 'id: 6', 'id: 7']);
  });

  it('writes a keep-alive comment when nothing was written for the interval, and stops on close', () => {
    jest.useFakeTimers();
    const { deps, follows } = fakeDeps(900);
    const res = new FakeResponse();
    streamEvents(deps, res as unknown as Response, 'e1');
    jest.advanceTimersByTime(600);
    expect(res.written).toEqual([]);
    jest.advanceTimersByTime(600);
    expect(res.written).toEqual([': keep-alive\n\n']);
    res.emit('close');
    expect(follows[0]!.stopped).toBe(true);
    jest.advanceTimersByTime(5_000);
    expect(res.written).toHaveLength(1);
  });
});
