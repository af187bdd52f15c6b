import { readSse } from './sse-parser';

function body(...chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function read(...chunks: Array<string | Uint8Array>) {
  const events = [];
  for await (const event of readSse(body(...chunks))) events.push(event);
  return events;
}

describe('readSse', () => {
  it('yields one event per blank-line-terminated block, with its event name', async () => {
    expect(await read('event: ping\ndata: {}\n\ndata: hello\n\n')).toEqual([{ event: 'ping', data: '{}' }, { data: 'hello' }]);
  });

  it('joins multi-line data with newlines and strips only one leading space', async () => {
    expect(await read('data:  a\ndata:b\n\n')).toEqual([{ data: ' a\nb' }]);
  });

  it('accepts CRLF and CR line ends, including a CRLF split across chunks', async () => {
    expect(await read('data: a\r', '\n\r\ndata: b\r\r\n')).toEqual([{ data: 'a' }, { data: 'b' }]);
  });

  it('ignores comments, unknown fields and blocks without data', async () => {
    expect(await read(': keep-alive\n\nid: 3\nretry: 10\n\nevent: x\n\nfoo: 1\ndata: y\n\n')).toEqual([{ data: 'y' }]);
  });

  it('holds an unfinished event until its blank line arrives', async () => {
    expect(await read('data: {"a"', ': 1}\n', '\n')).toEqual([{ data: '{"a": 1}' }]);
  });

  it('yields each event as soon as its chunk is read, before the stream goes on', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const events = readSse(new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) }));
    controller.enqueue(new TextEncoder().encode('data: first\n\n'));
    expect((await events.next()).value).toEqual({ data: 'first' });
    controller.close();
    expect((await events.next()).done).toBe(true);
  });

  it('decodes UTF-8 split inside a character and reports every chunk', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    let chunks = 0;
    const events = [];
    for await (const event of readSse(body(bytes.slice(0, 8), bytes.slice(8, 15), bytes.slice(15)), () => chunks++)) events.push(event);
    expect(events).toEqual([{ data: 'héllo ✓' }]);
    expect(chunks).toBe(3);
  });

  it('delivers a last event that lacks its final blank line', async () => {
    expect(await read('data: [DONE]')).toEqual([{ data: '[DONE]' }]);
  });
});
