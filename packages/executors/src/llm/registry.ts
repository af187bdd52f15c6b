import { createEchoProvider } from './echo';
import { createOpenAiCompatibleProvider } from './openai-compatible';
import type { LlmProvider, LlmProviderRegistry } from './provider';

/** How the worker reaches one OpenAI-compatible endpoint. */
export interface OpenAiCompatibleSettings {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
}

/** The LLM providers a worker offers; 'echo' is always there. */
export interface ProviderRegistryConfig {
  /** Used by nodes that name no provider; registered as `name` (default 'default'). Without it, echo is the default. */
  default?: OpenAiCompatibleSettings & { name?: string };
  /** Further OpenAI-compatible providers, by the name nodes use in `config.provider`. */
  providers?: Record<string, OpenAiCompatibleSettings>;
  fetch?: typeof fetch;
}

/** Builds the registry once at start-up; throws if a provider name is used twice (including 'echo'). */
export function createProviderRegistry(config: ProviderRegistryConfig = {}): LlmProviderRegistry {
  const providers = new Map<string, LlmProvider>([['echo', createEchoProvider()]]);
  const add = (name: string, settings: OpenAiCompatibleSettings): void => {
    if (providers.has(name)) throw new Error(`LLM provider "${name}" is configured more than once`);
    const { baseUrl, apiKey, model, timeoutMs } = settings;
    providers.set(
      name,
      createOpenAiCompatibleProvider({ name, baseUrl, apiKey, defaultModel: model, timeoutMs, fetch: config.fetch }),
    );
  };
  for (const [name, settings] of Object.entries(config.providers ?? {})) add(name, settings);
  const defaultName = config.default ? (config.default.name ?? 'default') : 'echo';
  if (config.default) add(defaultName, config.default);
  return { defaultProvider: defaultName, get: (name) => providers.get(name) };
}
