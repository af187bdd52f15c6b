import type { LlmMessage, Usage } from '@trellis/definition';

/** One chat completion request, provider-neutral. */
export interface LlmRequest {
  model?: string;
  messages: LlmMessage[];
  temperature?: number;
  max_tokens?: number;
  stop?: string[];
  response_format?: 'text' | 'json';
  signal: AbortSignal;
  /** Receives text deltas as they stream in, when the provider streams. */
  onToken?: (delta: string) => void;
}

export interface LlmResponse {
  text: string;
  model: string;
  provider: string;
  usage: Usage;
}

/** A configured LLM backend (OpenAI-compatible, Anthropic, echo). */
export interface LlmProvider {
  readonly name: string;
  readonly defaultModel: string;
  complete(request: LlmRequest): Promise<LlmResponse>;
}

/** The providers a worker knows, by name; definitions name one, never a URL or key. */
export interface LlmProviderRegistry {
  /** The provider used when a node names none. */
  readonly defaultProvider: string;
  get(name: string): LlmProvider | undefined;
  /** Every provider name, for start-up logs. */
  names?(): string[];
}
