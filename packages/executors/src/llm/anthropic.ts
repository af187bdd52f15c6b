import type { Usage } from '@trellis/definition';
import {
  LlmAuthError,
  LlmBadRequestError,
  LlmNotFoundError,
  LlmRateLimitedError,
  LlmUnavailableError,
  type NodeExecutionError,
} from '../errors';
import { callProvider, count, parseJsonBody, type KeepAlive } from './provider-http';
import type { LlmProvider, LlmRequest, LlmResponse } from './provider';
import { readSse } from './sse-parser';

/** Where and how to reach the Anthropic Messages API (`<baseUrl>/messages`). */
export interface AnthropicOptions {
  name: string;
  /** e.g. https://api.anthropic.com/v1 */
  baseUrl: string;
  apiKey?: string;
  defaultModel: string;
  /** Sent when a node sets no max_tokens (the API requires one); default 4096. */
  maxTokens?: number;
  /** Longest silence: until the reply, or between streamed chunks; default 120 s. */
  timeoutMs?: number;
  /** Stream when the caller takes tokens (default). */
  stream?: boolean;
  fetch?: typeof fetch;
}

export const ANTHROPIC_VERSION = '2023-06-01';
const DEFAULT_MAX_TOKENS = 4096;
const DEFAULT_TIMEOUT_MS = 120_000;
/** The Messages API has no JSON mode; asking in the system prompt is the documented way. */
const JSON_INSTRUCTION = 'Reply with one JSON value only: no prose, no code fences.';

/** A provider for Anthropic's Messages API (and servers that speak it). */
export function createAnthropicProvider(options: AnthropicOptions): LlmProvider {
  const { name, apiKey, defaultModel } = options;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/messages`;
  const redact = (text: string): string => (apiKey ? text.split(apiKey).join('[redacted]') : text);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'anthropic-version': ANTHROPIC_VERSION };
  if (apiKey) headers['x-api-key'] = apiKey;

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
        body: requestBody(request, model, stream, options.maxTokens ?? DEFAULT_MAX_TOKENS),
        signal: request.signal,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        redact,
        fetch: options.fetch ?? fetch,
      };
      return callProvider(call, async (response, alive) => {
        const streamed = stream && (response.headers.get('content-type') ?? '').includes('text/event-stream');
        if (streamed) return readStream(name, model, response, request, alive, redact);
        const reply = parseMessage(name, model, await response.text());
        if (stream && reply.text) request.onToken?.(reply.text);
        return reply;
      });
    },
  };
}

function requestBody(request: LlmRequest, model: string, stream: boolean, defaultMaxTokens: number): Record<string, unknown> {
  // System turns become the top-level `system`; the API takes only user and assistant turns.
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  if (request.response_format === 'json') system.push(JSON_INSTRUCTION);
  return {
    model,
    max_tokens: request.max_tokens ?? defaultMaxTokens,
    ...(system.length > 0 && { system: system.join('\n\n') }),
    messages: request.messages.filter((m) => m.role !== 'system').map(({ role, content }) => ({ role, content })),
    stream,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.stop !== undefined && { stop_sequences: request.stop }),
  };
}

interface WireUsage {
  input_tokens?: unknown;
  output_tokens?: unknown;
  cache_creation_input_tokens?: unknown;
  cache_read_input_tokens?: unknown;
}

interface Message {
  model?: unknown;
  content?: Array<{ type?: unknown; text?: unknown }>;
  usage?: WireUsage;
}

interface StreamEvent {
  type?: string;
  message?: Message;
  delta?: { type?: string; text?: unknown };
  usage?: WireUsage;
  error?: { type?: unknown; message?: unknown };
}

function parseMessage(provider: string, requestedModel: string, body: string): LlmResponse {
  const message = parseJsonBody<Message>(provider, body, 'a reply');
  if (!Array.isArray(message.content)) {
    throw new LlmUnavailableError(`${provider} sent a reply without content blocks`, { provider });
  }
  const text = message.content.map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : '')).join('');
  return {
    text,
    model: typeof message.model === 'string' ? message.model : requestedModel,
    provider,
    usage: usageOf(message.usage, message.usage),
  };
}

/** Reads message_start … content_block_delta … message_delta … message_stop, passing text deltas on. */
async function readStream(
  provider: string,
  requestedModel: string,
  response: Response,
  request: LlmRequest,
  alive: KeepAlive,
  redact: (text: string) => string,
): Promise<LlmResponse> {
  let text = '';
  let model = requestedModel;
  let input: WireUsage | undefined;
  let output: WireUsage | undefined;
  let finished = false;
  for await (const sse of readSse(response.body!, alive)) {
    const event = parseJsonBody<StreamEvent>(provider, sse.data, 'a stream event');
    const type = event.type ?? sse.event;
    if (type === 'message_start') {
      if (typeof event.message?.model === 'string') model = event.message.model;
      input = event.message?.usage;
      output = event.message?.usage;
    } else if (type === 'content_block_delta' && event.delta?.type === 'text_delta' && typeof event.delta.text === 'string') {
      text += event.delta.text;
      if (event.delta.text !== '') request.onToken?.(event.delta.text);
    } else if (type === 'message_delta') {
      // Counts here are cumulative for the whole message.
      if (event.usage) output = { ...output, ...event.usage };
    } else if (type === 'message_stop') {
      finished = true;
      break;
    } else if (type === 'error') {
      throw streamError(provider, event.error, redact);
    }
  }
  if (!finished) throw new LlmUnavailableError(`${provider} ended the stream before the reply was finished`, { provider });
  return { text, model, provider, usage: usageOf(input, output) };
}

/** An `error` event mid-stream, classified like the same error type before streaming starts. */
function streamError(provider: string, error: StreamEvent['error'], redact: (text: string) => string): NodeExecutionError {
  const type = typeof error?.type === 'string' ? error.type : 'api_error';
  const message = `${provider} failed mid-stream (${type}): ${redact(String(error?.message ?? 'no message'))}`;
  const details = { provider, type };
  if (type === 'invalid_request_error' || type === 'request_too_large') return new LlmBadRequestError(message, details);
  if (type === 'authentication_error' || type === 'permission_error') return new LlmAuthError(message, details);
  if (type === 'not_found_error') return new LlmNotFoundError(message, details);
  if (type === 'rate_limit_error') return new LlmRateLimitedError(message, details);
  return new LlmUnavailableError(message, details);
}

/** Prompt tokens include cached ones, so totals match what the provider bills as input. */
function usageOf(input: WireUsage | undefined, output: WireUsage | undefined): Usage {
  const prompt = count(input?.input_tokens) + count(input?.cache_creation_input_tokens) + count(input?.cache_read_input_tokens);
  const completion = count(output?.output_tokens);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
