import { LlmConfig } from '@trellis/definition';
import { LlmProviderUnknownError } from './errors';
import { buildMessages } from './llm-messages';
import { parseJsonReply } from './llm-json-reply';
import type { LlmResponse } from './llm/provider';
import { readConfig } from './node-config';
import type { Executor } from './types';

/** Non-streaming providers send no tokens, so the activity still heartbeats this often while it waits. */
const HEARTBEAT_INTERVAL_MS = 5_000;

/** Calls the node's LLM provider with the rendered chat; outputs {text, model, provider} (and json when asked for). */
export const llmExecutor: Executor = async ({ node, context }, deps) => {
  const config = readConfig(LlmConfig, node);
  const providerName = config.provider ?? deps.llm.defaultProvider;
  const provider = deps.llm.get(providerName);
  if (!provider) throw new LlmProviderUnknownError(providerName);
  const messages = await buildMessages(config, context, deps.expressions);

  let tokens = 0;
  const heartbeats = setInterval(() => deps.heartbeat({ tokens }), HEARTBEAT_INTERVAL_MS);
  let response: LlmResponse;
  try {
    response = await provider.complete({
      model: config.model,
      messages,
      temperature: config.temperature,
      max_tokens: config.max_tokens,
      stop: config.stop,
      response_format: config.response_format,
      signal: deps.signal,
      onToken: (delta) => {
        deps.heartbeat({ tokens: ++tokens });
        deps.onToken?.(delta);
      },
    });
  } finally {
    clearInterval(heartbeats);
  }

  const { text, model, provider: providerUsed } = response;
  const json = config.response_format === 'json' ? { json: parseJsonReply(text, config.json_schema) } : {};
  return { output: { text, model, provider: providerUsed, ...json }, usage: response.usage };
};
