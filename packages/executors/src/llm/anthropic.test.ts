import { NodeExecutionError } from '../errors';
import { ANTHROPIC_VERSION, createAnthropicProvider } from './anthropic';
import { frame, reply, startLoopbackServer, streamFrames, type LoopbackServer } from './loopback-server';
import type { LlmRequest } from './provider';

let loopback: LoopbackServer;

beforeEach(async () => {
  loopback = await startLoopbackServer();
});

afterEach(() => loopback.close());

const API_KEY = 'sk-ant-test-secret-456';

function provider(options: { timeoutMs?: number; maxTokens?: number } = {}) {
  return createAnthropicProvider({ name: 'claude', baseUrl: loopback.baseUrl, apiKey: API_KEY, defaultModel: 'claude-test', ...options });
}

function request(fields: Partial<LlmRequest> = {}): LlmRequest {
  return {
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi.' },
      { role: 'user', content: 'Again' },
    ],
    signal: new AbortController().signal,
    ...fields,
  };
}

async function failure(promise: Promise<unknown>): Promise<NodeExecutionError> {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(NodeExecutionError);
  expect((error as Error).message).not.toContain(API_KEY);
  return error as NodeExecutionError;
}

const message = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-test-20250101',
  content: [
    { type: 'text', text: 'Hi ' },
    { type: 'text', text: 'again.' },
  ],
  stop_reason: 'end_turn',
  usage: { input_tokens: 12, output_tokens: 4, cache_read_input_tokens: 100, cache_creation_input_tokens: 0 },
};

const event = (type: string, fields: Record<string, unknown> = {}) => frame({ type, ...fields }, type);
const textDelta = (text: string) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
const streamStart = [
  event('message_start', { message: { ...message, content: [], usage: { input_tokens: 12, output_tokens: 1 } } }),
  event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
  event('ping'),
];
const streamEnd = [
  event('content_block_stop', { index: 0 }),
  event('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 6 } }),
  event('message_stop'),
];

describe('Anthropic provider', () => {
  it('posts a Messages request: system apart, turns in order, key and version headers, max_tokens defaulted', async () => {
    loopback.handler = reply(200, message);
    const response = await provider().complete(request({ temperature: 0.3, stop: ['END'] }));
    expect(loopback.seen[0]).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(loopback.seen[0]!.headers).toMatchObject({ 'x-api-key': API_KEY, 'anthropic-version': ANTHROPIC_VERSION });
    expect(loopback.seen[0]!.headers.authorization).toBeUndefined();
    expect(loopback.seen[0]!.body).toEqual({
      model: 'claude-test',
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi.' },
        { role: 'user', content: 'Again' },
      ],
      stream: false,
      temperature: 0.3,
      stop_sequences: ['END'],
    });
    expect(response).toEqual({
      text: 'Hi again.',
      model: 'claude-test-20250101',
      provider: 'claude',
      usage: { prompt_tokens: 112, completion_tokens: 4, total_tokens: 116 },
    });
  });

  it("sends the node's max_tokens, else the provider's configured default", async () => {
    loopback.handler = reply(200, message);
    await provider({ maxTokens: 300 }).complete(request());
    await provider({ maxTokens: 300 }).complete(request({ max_tokens: 20, model: 'claude-other' }));
    expect(loopback.seen.map((seen) => (seen.body as { max_tokens: number }).max_tokens)).toEqual([300, 20]);
    expect((loopback.seen[1]!.body as { model: string }).model).toBe('claude-other');
  });

  it('asks for JSON in the system prompt, since the API has no JSON mode', async () => {
    loopback.handler = reply(200, message);
    await provider().complete(request({ response_format: 'json', messages: [{ role: 'user', content: 'x' }] }));
    expect((loopback.seen[0]!.body as { system: string }).system).toMatch(/^Reply with one JSON value only/);
  });

  it('streams text deltas in order and sums usage from message_start and message_delta', async () => {
    loopback.handler = streamFrames([...streamStart, textDelta('Hi'), textDelta(' again'), textDelta('.'), ...streamEnd], { gapMs: 2 });
    const deltas: string[] = [];
    const response = await provider().complete(request({ onToken: (delta) => deltas.push(delta) }));
    expect(deltas).toEqual(['Hi', ' again', '.']);
    expect(response).toEqual({
      text: 'Hi again.',
      model: 'claude-test-20250101',
      provider: 'claude',
      usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 },
    });
    expect(loopback.seen[0]!.body).toMatchObject({ stream: true });
  });

  it.each([
    ['overloaded_error', 'LLM_UNAVAILABLE', true],
    ['rate_limit_error', 'LLM_RATE_LIMITED', true],
    ['invalid_request_error', 'LLM_BAD_REQUEST', false],
    ['authentication_error', 'LLM_AUTH', false],
  ])('maps a mid-stream %s event to %s', async (type, code, retryable) => {
    const error = { type: 'error', error: { type, message: `bad news for ${API_KEY}` } };
    loopback.handler = streamFrames([...streamStart, textDelta('Hi'), frame(error, 'error')], { then: 'hang' });
    const failed = await failure(provider().complete(request({ onToken: () => undefined })));
    expect(failed).toMatchObject({ code, retryable, details: { provider: 'claude', type } });
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('fails with LLM_UNAVAILABLE when the stream ends without message_stop', async () => {
    loopback.handler = streamFrames([...streamStart, textDelta('Hi')]);
    expect((await failure(provider().complete(request({ onToken: () => undefined })))).code).toBe('LLM_UNAVAILABLE');
  });

  it.each([
    [401, 'authentication_error', 'LLM_AUTH'],
    [403, 'permission_error', 'LLM_AUTH'],
    [404, 'not_found_error', 'LLM_NOT_FOUND'],
    [400, 'invalid_request_error', 'LLM_BAD_REQUEST'],
    [529, 'overloaded_error', 'LLM_UNAVAILABLE'],
  ])('maps HTTP %i (%s) to %s, quoting the error message', async (status, type, code) => {
    loopback.handler = reply(status, { type: 'error', error: { type, message: 'explained here' } });
    const error = await failure(provider().complete(request()));
    expect(error.code).toBe(code);
    expect(error.message).toContain('explained here');
  });

  it('maps 429 to LLM_RATE_LIMITED with the Retry-After delay', async () => {
    loopback.handler = reply(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, { 'retry-after': '3' });
    const error = await failure(provider().complete(request({ onToken: () => undefined })));
    expect(error).toMatchObject({ code: 'LLM_RATE_LIMITED', retryable: true, details: { retryAfterMs: 3000 } });
  });

  it('aborts a hanging stream when the caller aborts, and the server sees the connection close', async () => {
    const controller = new AbortController();
    loopback.handler = streamFrames([...streamStart, textDelta('Hi')], { then: 'hang' });
    const onToken = () => controller.abort(new Error('run cancelled'));
    await expect(provider().complete(request({ signal: controller.signal, onToken }))).rejects.toThrow('run cancelled');
    await expect(loopback.seen[0]!.closed).resolves.toBeUndefined();
  });

  it('times out with LLM_TIMEOUT when a stream goes silent', async () => {
    loopback.handler = streamFrames([...streamStart, textDelta('Hi')], { then: 'hang' });
    const error = await failure(provider({ timeoutMs: 200 }).complete(request({ onToken: () => undefined })));
    expect(error).toMatchObject({ code: 'LLM_TIMEOUT', retryable: true });
  });

  it('maps a reply without content blocks to LLM_UNAVAILABLE', async () => {
    loopback.handler = reply(200, { type: 'message' });
    expect((await failure(provider().complete(request()))).code).toBe('LLM_UNAVAILABLE');
  });
});
