import { readSse, SseLineParser } from './sse-parser';

function feed(...pieces: string[]) {
  const parser = new SseLineParser();
  return pieces.flatMap((piece) => parser.push(piece));
}

describe('SseLineParser', () => {
  it('yields one event per blank-line-terminated block, with its event name', () => {
    expect(feed('event: ping\ndata: {}\n\ndata: hello\n\n')).toEqual([{ event: 'ping', data: '{}' }, { data: 'hello' }]);
  });

  it('joins multi-line data with newlines and strips only one leading space', () => {
    expect(feed('data:  a\ndata:b\n\n')).toEqual([{ data: ' a\nb' }]);
  });

  it('accepts CRLF and CR line ends, including a CRLF split across pushes', () => {
    expect(feed('data: a\r', '\n\r\ndata: b\r\r\n')).toEqual([{ data: 'a' }, { data: 'b' }]);
  });

  it('ignores comments, unknown fields and blocks without data', () => {
    expect(feed(': keep-alive\n\nid: 3\nretry: 10\n\nevent: x\n\ndata: y\n\n')).toEqual([{ data: 'y' }]);
  });

  it('holds an unfinished event until its blank line arrives', () => {
    const parser = new SseLineParser();
    expect(parser.push('data: {"a"')).toEqual([]);
    expect(parser.push(': 1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ data: '{"a": 1}' }]);
  });
});

describe('readSse', () => {
  function body(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
  }

  it('decodes UTF-8 split inside a character and reports every chunk', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    let chunks = 0;
    const events = [];
    for await (const event of readSse(body(bytes.slice(0, 8), bytes.slice(8, 15), bytes.slice(15)), () => chunks++)) events.push(event);
    expect(events).toEqual([{ data: 'héllo ✓' }]);
    expect(chunks).toBe(3);
  });

  it('delivers a last event that lacks its final blank line', async () => {
    const events = [];
    for await (const event of readSse(body(new TextEncoder().encode('data: [DONE]')))) events.push(event);
    expect(events).toEqual([{ data: '[DONE]' }]);
  });
});
