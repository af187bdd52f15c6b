/** One Server-Sent Event: `event` is undefined when the server named none (the spec's "message"). */
export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Splits a text/event-stream body into events as bytes arrive, per the WHATWG rules that matter for
 * LLM APIs: LF, CR or CRLF line ends, multi-line `data`, `:` comments, a field's single leading space.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, onChunk?: () => void): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const parser = new SseLineParser();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk?.();
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode() + '\n\n'); // an event not followed by a blank line still counts
  } finally {
    reader.releaseLock();
  }
}

/** The incremental state of the parser; exported for tests that feed it arbitrary splits. */
export class SseLineParser {
  private buffer = '';
  private event: string | undefined;
  private data: string[] = [];
  private sawData = false;

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
      if (char === '\r' && i === this.buffer.length - 1) break;
      const event = this.line(this.buffer.slice(start, i));
      if (event) events.push(event);
      if (char === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') {
      this.data.push(value);
      this.sawData = true;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const event = this.sawData ? { ...(this.event !== undefined && { event: this.event }), data: this.data.join('\n') } : undefined;
    this.event = undefined;
    this.data = [];
    this.sawData = false;
    return event;
  }
}
