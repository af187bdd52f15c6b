import { createParser } from 'eventsource-parser';

/** One Server-Sent Event: `event` is undefined when the server named none (the spec's "message"). */
export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Splits a text/event-stream body into events as bytes arrive (eventsource-parser: the WHATWG rules, with
 * LF, CR or CRLF line ends, multi-line `data` and `:` comments); `onChunk` is called for every chunk read.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, onChunk?: () => void): AsyncGenerator<SseEvent> {
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: ({ event, data }) => events.push(event === undefined ? { data } : { event, data }) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk?.();
      parser.feed(decoder.decode(value, { stream: true }));
      yield* events.splice(0);
    }
    parser.feed(`${decoder.decode()}\n\n`); // an event not followed by a blank line still counts
    yield* events.splice(0);
  } finally {
    reader.releaseLock();
  }
}
