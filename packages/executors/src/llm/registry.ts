import { createAnthropicProvider } from './anthropic';
import { createEchoProvider } from './echo';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmProvider, LlmProviderRegistry } from './provider';

/** The wire formats the worker speaks: OpenAI-compatible Chat Completions, or Anthropic Messages. */
export type ProviderKind = 'openai' | 'anthropic';

/** How the worker reaches one LLM endpoint; keys live here, in the worker, and nowhere else. */
export interface ProviderSettings {
  /** Default 'openai'. */
  kind?: ProviderKind;
  baseUrl: string;
  apiKey?: string;
  /** Used when a node names no model. */
  model: string;
  timeoutMs?: number;
  /** false turns streaming off for servers that stream badly. */
  stream?: boolean;
  /** Anthropic only: max_tokens when a node sets none. */
  maxTokens?: number;
}

/** The LLM providers a worker offers; 'echo' is always there. */
export interface ProviderRegistryConfig {
  /** Used by nodes that name no provider; registered as `name` (default 'default'). */
  default?: ProviderSettings & { name?: string };
  /** Further providers, by the name nodes use in `config.provider`. */
  providers?: Record<string, ProviderSettings>;
  /** Names one of `providers` as the default when `default` is absent. Without either, echo is the default. */
  defaultProvider?: string;
  fetch?: typeof fetch;
}

/** Builds the registry once at start-up; throws if a name is used twice (including 'echo') or the default is unknown. */
export function createProviderRegistry(config: ProviderRegistryConfig = {}): LlmProviderRegistry {
  const providers = new Map<string, LlmProvider>([['echo', createEchoProvider()]]);
  const add = (name: string, settings: ProviderSettings): void => {
    if (providers.has(name)) throw new Error(`LLM provider "${name}" is configured more than once`);
    providers.set(name, createProvider(name, settings, config.fetch));
  };
  for (const [name, settings] of Object.entries(config.providers ?? {})) add(name, settings);
  if (config.default) add(config.default.name ?? 'default', config.default);
  const defaultName = config.default ? (config.default.name ?? 'default') : (config.defaultProvider ?? 'echo');
  if (!providers.has(defaultName)) throw new Error(`the default LLM provider "${defaultName}" is not configured`);
  return { defaultProvider: defaultName, get: (name) => providers.get(name), names: () => [...providers.keys()] };
}

function createProvider(name: string, settings: ProviderSettings, fetch?: typeof globalThis.fetch): LlmProvider {
  const { baseUrl, apiKey, model: defaultModel, timeoutMs, stream } = settings;
  if (settings.kind === 'anthropic') {
    return createAnthropicProvider({ name, baseUrl, apiKey, defaultModel, timeoutMs, stream, maxTokens: settings.maxTokens, fetch });
  }
  return createOpenAiCompatibleProvider({ name, baseUrl, apiKey, defaultModel, timeoutMs, stream, fetch });
}
