import type { Usage } from '@trellis/definition';
import { LlmUnavailableError } from '../errors';
import { callProvider, count, parseJsonBody, type KeepAlive } from './provider-http';
import type { LlmProvider, LlmRequest, LlmResponse } from './provider';
import { readSse } from './sse-parser';

/** Where and how to reach an OpenAI-compatible `/chat/completions` endpoint. */
export interface OpenAiCompatibleOptions {
  name: string;
  baseUrl: string;
  apiKey?: string;
  defaultModel: string;
  /** Longest silence: until the reply, or between streamed chunks; default 120 s. */
  timeoutMs?: number;
  /** Stream when the caller takes tokens (default); false for servers whose streaming is broken. */
  stream?: boolean;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** A provider for any OpenAI-compatible Chat Completions API (OpenAI, vLLM, Ollama, LM Studio, DeepSeek, gateways). */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): LlmProvider {
  const { name, apiKey, defaultModel } = options;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const redact = (text: string): string => (apiKey ? text.split(apiKey).join('[redacted]') : text);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;

  return {
    name,
    defaultModel,
    async complete(request) {
      const model = request.model ?? defaultModel;
      const stream = options.stream !== false && request.onToken !== undefined;
      const call = {
        provider: name,
        url,
        headers: { ...headers, accept: stream ? 'text/event-stream' : 'application/json' },
        body: requestBody(request, model, stream),
        signal: request.signal,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        redact,
        fetch: options.fetch ?? fetch,
      };
      return callProvider(call, async (response, alive) => {
        if (stream && isEventStream(response)) return readStream(name, model, response, request, alive);
        // Not streaming, or a gateway that ignored `stream: true` and answered in one piece.
        const reply = parseCompletion(name, model, await response.text());
        if (stream && reply.text) request.onToken?.(reply.text);
        return reply;
      });
    },
  };
}

function requestBody(request: LlmRequest, model: string, stream: boolean): Record<string, unknown> {
  return {
    model,
    messages: request.messages,
    stream,
    ...(stream && { stream_options: { include_usage: true } }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.max_tokens !== undefined && { max_tokens: request.max_tokens }),
    ...(request.stop !== undefined && { stop: request.stop }),
    ...(request.response_format === 'json' && { response_format: { type: 'json_object' } }),
  };
}

function isEventStream(response: Response): boolean {
  return response.body !== null && (response.headers.get('content-type') ?? '').includes('text/event-stream');
}

interface WireUsage {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
  total_tokens?: unknown;
}

interface ChatCompletion {
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown } }>;
  usage?: WireUsage;
}

interface ChatCompletionChunk {
  model?: unknown;
  choices?: Array<{ index?: number; delta?: { content?: unknown }; finish_reason?: unknown }>;
  usage?: WireUsage | null;
  error?: { message?: unknown } | string;
}

function parseCompletion(provider: string, requestedModel: string, body: string): LlmResponse {
  const completion = parseJsonBody<ChatCompletion>(provider, body, 'a reply');
  const content = completion.choices?.[0]?.message?.content;
  if (content !== null && typeof content !== 'string') {
    throw new LlmUnavailableError(`${provider} sent a reply without choices[0].message.content`, { provider });
  }
  return {
    text: content ?? '',
    model: typeof completion.model === 'string' ? completion.model : requestedModel,
    provider,
    usage: usageOf(completion.usage),
  };
}

/** Reads `data: {chunk}` events until `data: [DONE]`, passing each text delta on as it arrives. */
async function readStream(
  provider: string,
  requestedModel: string,
  response: Response,
  request: LlmRequest,
  alive: KeepAlive,
): Promise<LlmResponse> {
  let text = '';
  let model = requestedModel;
  let usage: WireUsage | undefined;
  let finished = false;
  for await (const event of readSse(response.body!, alive)) {
    if (event.data.trim() === '[DONE]') {
      finished = true;
      break;
    }
    const chunk = parseJsonBody<ChatCompletionChunk>(provider, event.data, 'a stream chunk');
    if (chunk.error !== undefined) {
      const message = typeof chunk.error === 'string' ? chunk.error : String(chunk.error.message ?? 'unknown error');
      throw new LlmUnavailableError(`${provider} failed mid-stream: ${message}`, { provider });
    }
    if (typeof chunk.model === 'string') model = chunk.model;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    const delta = choice?.delta?.content;
    if (typeof delta === 'string' && delta !== '') {
      text += delta;
      request.onToken?.(delta);
    }
    if (typeof choice?.finish_reason === 'string') finished = true;
  }
  // Servers without [DONE] still send a finish_reason; neither means the connection dropped mid-reply.
  if (!finished) throw new LlmUnavailableError(`${provider} ended the stream before the reply was finished`, { provider });
  return { text, model, provider, usage: usageOf(usage) };
}

function usageOf(usage: WireUsage | undefined): Usage {
  const prompt = count(usage?.prompt_tokens);
  const completion = count(usage?.completion_tokens);
  const total = typeof usage?.total_tokens === 'number' ? count(usage.total_tokens) : prompt + completion;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
}
