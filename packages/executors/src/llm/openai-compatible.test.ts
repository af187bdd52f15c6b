import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeExecutionError } from '../errors';
import { frame, reply, startLoopbackServer, streamFrames, type LoopbackServer } from './loopback-server';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmRequest } from './provider';

let loopback: LoopbackServer;

beforeEach(async () => {
  loopback = await startLoopbackServer();
});

afterEach(() => loopback.close());

const API_KEY = 'sk-test-secret-123';

function provider(timeoutMs?: number) {
  return createOpenAiCompatibleProvider({ name: 'local', baseUrl: loopback.baseUrl, apiKey: API_KEY, defaultModel: 'gpt-test', timeoutMs });
}

function request(fields: Partial<LlmRequest> = {}): LlmRequest {
  return { messages: [{ role: 'user', content: 'Hello' }], signal: new AbortController().signal, ...fields };
}

async function failure(promise: Promise<unknown>): Promise<NodeExecutionError> {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(NodeExecutionError);
  expect((error as Error).message).not.toContain(API_KEY);
  expect(JSON.stringify((error as NodeExecutionError).details)).not.toContain(API_KEY);
  return error as NodeExecutionError;
}

const completion = {
  id: 'chatcmpl-1',
  model: 'gpt-test-2024',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi there' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
};

describe('OpenAI-compatible provider', () => {
  it('posts a chat completion request and returns the text, model and usage', async () => {
    loopback.handler = reply(200, completion);
    const response = await provider().complete(request({ temperature: 0.5, max_tokens: 20, stop: ['\n'], response_format: 'json' }));
    expect(response).toEqual({
      text: 'Hi there',
      model: 'gpt-test-2024',
      provider: 'local',
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    });
    expect(loopback.seen[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(loopback.seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(loopback.seen[0]!.body).toEqual({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: false,
      temperature: 0.5,
      max_tokens: 20,
      stop: ['\n'],
      response_format: { type: 'json_object' },
    });
  });

  it('sends the requested model instead of the default', async () => {
    loopback.handler = reply(200, { ...completion, model: undefined });
    const response = await provider().complete(request({ model: 'other' }));
    expect((loopback.seen[0]!.body as { model: string }).model).toBe('other');
    expect(response.model).toBe('other');
  });

  it('counts zero usage when the server reports none', async () => {
    loopback.handler = reply(200, { ...completion, usage: undefined });
    const { usage } = await provider().complete(request());
    expect(usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it('maps 429 to a retryable LLM_RATE_LIMITED with Retry-After in milliseconds', async () => {
    loopback.handler = reply(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' });
    const error = await failure(provider().complete(request()));
    expect(error.code).toBe('LLM_RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ provider: 'local', status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain('Rate limit reached');
  });

  it('maps 500 to a retryable LLM_UNAVAILABLE', async () => {
    loopback.handler = reply(500, 'upstream exploded');
    const error = await failure(provider().complete(request()));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true, details: { provider: 'local', status: 500 } });
    expect(error.message).toContain('upstream exploded');
  });

  it('maps 401 to a non-retryable LLM_AUTH without echoing the API key', async () => {
    loopback.handler = reply(401, { error: { message: `Incorrect API key provided: ${API_KEY}` } });
    const error = await failure(provider().complete(request()));
    expect(error).toMatchObject({ code: 'LLM_AUTH', retryable: false });
    expect(error.message).toContain('[redacted]');
  });

  it.each([
    [400, 'LLM_BAD_REQUEST'],
    [403, 'LLM_AUTH'],
    [404, 'LLM_NOT_FOUND'],
    [503, 'LLM_UNAVAILABLE'],
  ])('maps HTTP %i to %s', async (status, code) => {
    loopback.handler = reply(status, { error: { message: 'nope' } });
    expect((await failure(provider().complete(request()))).code).toBe(code);
  });

  it('maps a reply that is not a chat completion to LLM_UNAVAILABLE', async () => {
    loopback.handler = reply(200, '<html>proxy error</html>');
    expect((await failure(provider().complete(request()))).code).toBe('LLM_UNAVAILABLE');
  });

  it('aborts the HTTP request when the caller aborts, and the server sees the connection close', async () => {
    const controller = new AbortController();
    loopback.handler = () => controller.abort(new Error('run cancelled')); // never answers
    await expect(provider().complete(request({ signal: controller.signal }))).rejects.toThrow('run cancelled');
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('gives up with a retryable LLM_TIMEOUT when the server does not answer in time', async () => {
    loopback.handler = () => undefined; // never answers
    const error = await failure(provider(150).complete(request()));
    expect(error).toMatchObject({ code: 'LLM_TIMEOUT', retryable: true, details: { provider: 'local', timeoutMs: 150 } });
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('maps a refused connection to LLM_UNAVAILABLE', async () => {
    const port = (loopback.server.address() as AddressInfo).port;
    await loopback.close();
    loopback.server = createServer();
    const unreachable = createOpenAiCompatibleProvider({ name: 'gone', baseUrl: `http://127.0.0.1:${port}`, defaultModel: 'm' });
    const error = await failure(unreachable.complete(request()));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    await new Promise<void>((resolve) => loopback.server.listen(0, '127.0.0.1', resolve));
  });

  it('does not send a request at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(provider().complete(request({ signal: controller.signal }))).rejects.toThrow('too late');
    expect(loopback.seen).toHaveLength(0);
  });
});

const chunk = (content: string | undefined, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  model: 'gpt-test-2024',
  choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: null }],
  ...extra,
});
const finish = { ...chunk(undefined), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
const usageChunk = { ...chunk(undefined), choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } };

function streamingRequest(fields: Partial<LlmRequest> = {}) {
  const deltas: string[] = [];
  return { deltas, request: request({ onToken: (delta) => deltas.push(delta), ...fields }) };
}

describe('OpenAI-compatible provider, streaming', () => {
  it('streams when the caller takes tokens: deltas in order, the joined text, and usage from the last chunk', async () => {
    loopback.handler = streamFrames([
      frame(chunk('')),
      frame(chunk('Hel')),
      frame(chunk('lo, ')),
      frame(chunk('world')),
      frame(finish),
      frame(usageChunk),
      frame('[DONE]'),
    ]);
    const { deltas, request: streaming } = streamingRequest();
    const response = await provider().complete(streaming);
    expect(deltas).toEqual(['Hel', 'lo, ', 'world']);
    expect(response).toEqual({
      text: 'Hello, world',
      model: 'gpt-test-2024',
      provider: 'local',
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    });
    expect(loopback.seen[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(loopback.seen[0]!.headers.accept).toBe('text/event-stream');
  });

  it('reads events split anywhere across network chunks, with CRLF line ends', async () => {
    const body = [frame(chunk('ab')), frame(chunk('cd')), frame(finish), frame('[DONE]')].join('').replace(/\n/g, '\r\n');
    loopback.handler = streamFrames(body.match(/[\s\S]{1,7}/g)!, { gapMs: 1 });
    const { deltas, request: streaming } = streamingRequest();
    expect((await provider().complete(streaming)).text).toBe('abcd');
    expect(deltas).toEqual(['ab', 'cd']);
  });

  it('accepts a stream that ends after finish_reason without [DONE], with zero usage when none was sent', async () => {
    loopback.handler = streamFrames([frame(chunk('ok')), frame(finish)]);
    const response = await provider().complete(streamingRequest().request);
    expect(response).toMatchObject({ text: 'ok', usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } });
  });

  it('fails with a retryable LLM_UNAVAILABLE when the stream breaks off mid-reply', async () => {
    loopback.handler = streamFrames([frame(chunk('half'))]);
    const error = await failure(provider().complete(streamingRequest().request));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true });
    expect(error.message).toContain('before the reply was finished');
  });

  it('fails with LLM_UNAVAILABLE on an error chunk mid-stream and closes the connection', async () => {
    loopback.handler = streamFrames([frame(chunk('par')), frame({ error: { message: 'model crashed' } })], { then: 'hang' });
    const { deltas, request: streaming } = streamingRequest();
    const error = await failure(provider().complete(streaming));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true });
    expect(error.message).toContain('model crashed');
    expect(deltas).toEqual(['par']);
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('times out with LLM_TIMEOUT when the stream goes silent for longer than the timeout, and closes it', async () => {
    loopback.handler = streamFrames([frame(chunk('a')), frame(chunk('b'))], { gapMs: 50, then: 'hang' });
    const { deltas, request: streaming } = streamingRequest();
    const error = await failure(provider(300).complete(streaming));
    expect(error).toMatchObject({ code: 'LLM_TIMEOUT', retryable: true });
    expect(deltas).toEqual(['a', 'b']);
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('keeps a slow stream alive as long as chunks keep coming within the timeout', async () => {
    // The whole stream (8 gaps of 250 ms) outlasts the 1 s timeout; each gap leaves 750 ms of slack for a loaded machine.
    const frames = Array.from({ length: 6 }, (_, i) => frame(chunk(`${i}`)));
    loopback.handler = streamFrames([...frames, frame(finish), frame('[DONE]')], { gapMs: 250 });
    expect((await provider(1000).complete(streamingRequest().request)).text).toBe('012345');
  });

  it('aborts mid-stream when the caller aborts: the reason is rethrown and the server sees the connection close', async () => {
    const controller = new AbortController();
    loopback.handler = streamFrames([frame(chunk('one ')), frame(chunk('two '))], { then: 'hang' });
    const deltas: string[] = [];
    const onToken = (delta: string) => {
      deltas.push(delta);
      if (deltas.length === 2) controller.abort(new Error('run cancelled'));
    };
    await expect(provider().complete(request({ signal: controller.signal, onToken }))).rejects.toThrow('run cancelled');
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('takes a whole JSON reply from a gateway that ignores stream: true, and passes it on as one delta', async () => {
    loopback.handler = reply(200, completion);
    const { deltas, request: streaming } = streamingRequest();
    expect((await provider().complete(streaming)).text).toBe('Hi there');
    expect(deltas).toEqual(['Hi there']);
  });

  it('does not stream when configured not to, even if the caller takes tokens', async () => {
    loopback.handler = reply(200, completion);
    const quiet = createOpenAiCompatibleProvider({ name: 'q', baseUrl: loopback.baseUrl, defaultModel: 'm', stream: false });
    await quiet.complete(streamingRequest().request);
    expect(loopback.seen[0]!.body).toMatchObject({ stream: false });
  });

  it('maps an HTTP error before the stream starts like a non-streaming one', async () => {
    loopback.handler = reply(429, { error: { message: 'slow down' } }, { 'retry-after': '2' });
    const error = await failure(provider().complete(streamingRequest().request));
    expect(error).toMatchObject({ code: 'LLM_RATE_LIMITED', details: { retryAfterMs: 2000 } });
  });
});
