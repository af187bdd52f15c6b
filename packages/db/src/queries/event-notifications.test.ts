import { formatEventNotifications, MAX_EVENT_PAYLOAD_BYTES, parseEventNotification, type EventRange } from './event-notifications';

describe('formatEventNotifications', () => {
  it('writes one entry per execution, with the first seq only when the range has more than one event', () => {
    const { payloads } = formatEventNotifications([
      { executionId: 'a', firstSeq: 3, lastSeq: 3 },
      { executionId: 'b:c', firstSeq: 4, lastSeq: 9 },
    ]);
    expect(payloads).toEqual(['a:3 b:c:4-9']);
  });

  it('splits many entries into payloads that each stay under the limit and together hold every entry', () => {
    const ranges: EventRange[] = Array.from({ length: 2_000 }, (_, i) => ({
      executionId: `0b9e2f4c-1d2a-4c8e-9f00-${String(i).padStart(12, '0')}`,
      firstSeq: i,
      lastSeq: i + 5,
    }));
    const { payloads, refused } = formatEventNotifications(ranges);
    expect(refused).toEqual([]);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_EVENT_PAYLOAD_BYTES);
    expect(payloads.flatMap((p) => parseEventNotification(p).ranges)).toEqual(ranges);
  });

  it('fills a payload up to exactly the byte limit, counting multi-byte ids in bytes', () => {
    const { payloads } = formatEventNotifications(
      [
        { executionId: 'é', firstSeq: 1, lastSeq: 1 }, // "é:1" is 4 bytes
        { executionId: 'x', firstSeq: 2, lastSeq: 2 }, // " x:2" 4 more
        { executionId: 'y', firstSeq: 3, lastSeq: 3 },
      ],
      8,
    );
    expect(payloads).toEqual(['é:1 x:2', 'y:3']);
  });

  it('refuses an id that cannot be announced: longer than a payload, or containing whitespace', () => {
    const long = { executionId: 'x'.repeat(MAX_EVENT_PAYLOAD_BYTES), firstSeq: 1, lastSeq: 1 };
    const spaced = { executionId: 'a b', firstSeq: 1, lastSeq: 1 };
    const { payloads, refused } = formatEventNotifications([long, { executionId: 'ok', firstSeq: 2, lastSeq: 2 }, spaced]);
    expect(payloads).toEqual(['ok:2']);
    expect(refused).toEqual([long, spaced]);
  });
});

describe('parseEventNotification', () => {
  it('reads a one-event entry <id>:<seq> as a range of one, ids with colons included', () => {
    expect(parseEventNotification('exec-1:7')).toEqual({ ranges: [{ executionId: 'exec-1', firstSeq: 7, lastSeq: 7 }], malformed: 0 });
    expect(parseEventNotification('a:b:12').ranges).toEqual([{ executionId: 'a:b', firstSeq: 12, lastSeq: 12 }]);
  });

  it('reads several entries with and without a first seq', () => {
    expect(parseEventNotification('a:1-4 b:2:9 c:3-3').ranges).toEqual([
      { executionId: 'a', firstSeq: 1, lastSeq: 4 },
      { executionId: 'b:2', firstSeq: 9, lastSeq: 9 },
      { executionId: 'c', firstSeq: 3, lastSeq: 3 },
    ]);
  });

  it('skips and counts malformed entries, keeping the good ones', () => {
    expect(parseEventNotification('a:x b:5 :3 c:9-2 d c:99999999999999999999')).toEqual({
      ranges: [{ executionId: 'b', firstSeq: 5, lastSeq: 5 }],
      malformed: 5,
    });
    expect(parseEventNotification('')).toEqual({ ranges: [], malformed: 0 });
  });
});
