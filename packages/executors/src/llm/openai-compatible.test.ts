import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeExecutionError } from '../errors';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmRequest } from './provider';

// Runs against a real HTTP server on 127.0.0.1, so fetch, headers, status codes and aborts are the real thing.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface SeenRequest {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  closed: Promise<void>;
}

let server: Server;
let baseUrl: string;
let handler: Handler;
let seen: SeenRequest[];

beforeEach(async () => {
  seen = [];
  server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(body), closed });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const API_KEY = 'sk-test-secret-123';

function provider(timeoutMs?: number) {
  return createOpenAiCompatibleProvider({ name: 'local', baseUrl, apiKey: API_KEY, defaultModel: 'gpt-test', timeoutMs });
}

function request(fields: Partial<LlmRequest> = {}): LlmRequest {
  return { messages: [{ role: 'user', content: 'Hello' }], signal: new AbortController().signal, ...fields };
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
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
    handler = reply(200, completion);
    const response = await provider().complete(
      request({ temperature: 0.5, max_tokens: 20, stop: ['\n'], response_format: 'json' }),
    );
    expect(response).toEqual({
      text: 'Hi there',
      model: 'gpt-test-2024',
      provider: 'local',
      usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(seen[0]!.body).toEqual({
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
    handler = reply(200, { ...completion, model: undefined });
    const response = await provider().complete(request({ model: 'other' }));
    expect((seen[0]!.body as { model: string }).model).toBe('other');
    expect(response.model).toBe('other');
  });

  it('counts zero usage when the server reports none', async () => {
    handler = reply(200, { ...completion, usage: undefined });
    const { usage } = await provider().complete(request());
    expect(usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it('maps 429 to a retryable LLM_RATE_LIMITED with Retry-After in milliseconds', async () => {
    handler = reply(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '7' });
    const error = await failure(provider().complete(request()));
    expect(error.code).toBe('LLM_RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ provider: 'local', status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain('Rate limit reached');
  });

  it('maps 500 to a retryable LLM_UNAVAILABLE', async () => {
    handler = reply(500, 'upstream exploded');
    const error = await failure(provider().complete(request()));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true, details: { provider: 'local', status: 500 } });
    expect(error.message).toContain('upstream exploded');
  });

  it('maps 401 to a non-retryable LLM_AUTH without echoing the API key', async () => {
    handler = reply(401, { error: { message: `Incorrect API key provided: ${API_KEY}` } });
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
    handler = reply(status, { error: { message: 'nope' } });
    expect((await failure(provider().complete(request()))).code).toBe(code);
  });

  it('maps a reply that is not a chat completion to LLM_UNAVAILABLE', async () => {
    handler = reply(200, '<html>proxy error</html>');
    expect((await failure(provider().complete(request()))).code).toBe('LLM_UNAVAILABLE');
  });

  it('aborts the HTTP request when the caller aborts, and the server sees the connection close', async () => {
    const controller = new AbortController();
    handler = () => controller.abort(new Error('run cancelled')); // never answers
    await expect(provider().complete(request({ signal: controller.signal }))).rejects.toThrow('run cancelled');
    await expect(seen[0]!.closed).resolves.toBeUndefined();
  });

  it('gives up with a retryable LLM_TIMEOUT when the server does not answer in time', async () => {
    handler = () => undefined; // never answers
    const error = await failure(provider(150).complete(request()));
    expect(error).toMatchObject({ code: 'LLM_TIMEOUT', retryable: true, details: { provider: 'local', timeoutMs: 150 } });
    await expect(seen[0]!.closed).resolves.toBeUndefined();
  });

  it('maps a refused connection to LLM_UNAVAILABLE', async () => {
    const port = (server.address() as AddressInfo).port;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    const unreachable = createOpenAiCompatibleProvider({ name: 'gone', baseUrl: `http://127.0.0.1:${port}`, defaultModel: 'm' });
    const error = await failure(unreachable.complete(request()));
    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('does not send a request at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(provider().complete(request({ signal: controller.signal }))).rejects.toThrow('too late');
    expect(seen).toHaveLength(0);
  });
});
