import type { Usage } from '@trellis/core';
import { LlmTimeoutError, LlmUnavailableError } from '../errors';
import { httpFailure } from './http-failure';
import type { LlmProvider, LlmRequest, LlmResponse } from './provider';

/** Where and how to reach an OpenAI-compatible `/chat/completions` endpoint. */
export interface OpenAiCompatibleOptions {
  name: string;
  baseUrl: string;
  apiKey?: string;
  defaultModel: string;
  /** Time limit of one request; default 120 s. */
  timeoutMs?: number;
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** A provider for any OpenAI-compatible API (OpenAI, vLLM, Ollama, LiteLLM, ...); non-streaming for now. */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): LlmProvider {
  const { name, apiKey, defaultModel } = options;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = options.fetch ?? fetch;
  const redact = (text: string): string => (apiKey ? text.split(apiKey).join('[redacted]') : text);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;

  return {
    name,
    defaultModel,
    async complete(request) {
      request.signal.throwIfAborted();
      const model = request.model ?? defaultModel;
      // One signal for fetch: aborted by the caller (cancellation) or by our own deadline.
      const controller = new AbortController();
      const cancel = (): void => controller.abort(request.signal.reason);
      request.signal.addEventListener('abort', cancel, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      let reply: { response: Response; text: string };
      try {
        const body = JSON.stringify(requestBody(request, model));
        const response = await send(url, { method: 'POST', headers, body, signal: controller.signal });
        reply = { response, text: await response.text() };
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        if (timedOut) throw new LlmTimeoutError(`${name} did not answer within ${timeoutMs} ms`, { provider: name, timeoutMs });
        throw new LlmUnavailableError(`${name} could not be reached: ${redact(describe(error))}`, { provider: name });
      } finally {
        clearTimeout(timer);
        request.signal.removeEventListener('abort', cancel);
      }
      const { response, text } = reply;
      if (!response.ok) throw httpFailure(name, response.status, redact(text), response.headers.get('retry-after'));
      return parseCompletion(name, model, text);
    },
  };
}

function requestBody(request: LlmRequest, model: string): Record<string, unknown> {
  return {
    model,
    messages: request.messages,
    stream: false,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.max_tokens !== undefined && { max_tokens: request.max_tokens }),
    ...(request.stop !== undefined && { stop: request.stop }),
    ...(request.response_format === 'json' && { response_format: { type: 'json_object' } }),
  };
}

interface ChatCompletion {
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown } }>;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown };
}

function parseCompletion(provider: string, requestedModel: string, body: string): LlmResponse {
  let completion: ChatCompletion;
  try {
    completion = JSON.parse(body) as ChatCompletion;
  } catch {
    throw new LlmUnavailableError(`${provider} sent a reply that is not JSON`, { provider });
  }
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

function usageOf(usage: ChatCompletion['usage']): Usage {
  const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const prompt = count(usage?.prompt_tokens);
  const completion = count(usage?.completion_tokens);
  const total = typeof usage?.total_tokens === 'number' ? count(usage.total_tokens) : prompt + completion;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
}

function describe(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm, where `instanceof Error` is false.
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const text = typeof message === 'string' ? message : String(error);
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `${text} (${detail})` : text;
}
