import { z } from 'zod';
import type { ProviderRegistryConfig, ProviderSettings } from './registry';

const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** One provider entry of LLM_PROVIDERS_FILE. */
export const ProviderEntry = z
  .object({
    kind: z.enum(['openai', 'anthropic']),
    base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    /** The key itself, or the name of the environment variable holding it (preferred). */
    api_key: z.string().min(1).optional(),
    api_key_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
      .optional(),
    default_model: z.string().min(1).max(200),
    timeout_ms: z.number().int().min(100).max(3_600_000).optional(),
    stream: z.boolean().optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict()
  .refine((entry) => !(entry.api_key && entry.api_key_env), { message: 'set api_key or api_key_env, not both' });
export type ProviderEntry = z.infer<typeof ProviderEntry>;

/** The LLM_PROVIDERS_FILE document: named providers and, optionally, which one nodes get by default. */
export const ProvidersFile = z
  .object({
    default: z.string().optional(),
    providers: z.record(z.string(), ProviderEntry),
  })
  .strict()
  .superRefine(
    (file, ctx) => {
      // Checked here, not on the record key, so each problem names the provider; runs even when entries are bad.
      const providers = (file.providers ?? {}) as Record<string, unknown>;
      for (const name of Object.keys(providers)) {
        if (!PROVIDER_NAME.test(name)) {
          ctx.addIssue({ code: 'custom', path: ['providers', name], message: 'names use letters, digits, _ . - (at most 100)' });
        } else if (name === 'echo') {
          ctx.addIssue({ code: 'custom', path: ['providers', name], message: '"echo" is built in' });
        }
      }
      if (file.default !== undefined && file.default !== 'echo' && !(file.default in providers)) {
        ctx.addIssue({ code: 'custom', path: ['default'], message: 'must name one of the providers (or "echo")' });
      }
    },
    { when: ({ value }) => typeof value === 'object' && value !== null },
  );
export type ProvidersFile = z.infer<typeof ProvidersFile>;

/** Thrown when LLM_PROVIDERS_FILE is not valid JSON, breaks the schema, or names an unset key variable. */
export class ProvidersFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid LLM providers file: ${problems.join('; ')}`);
    this.name = 'ProvidersFileError';
  }
}

/** Parses the file's text into registry settings, reading `api_key_env` keys from `env`. */
export function parseProvidersFile(text: string, env: Record<string, string | undefined>): ProviderRegistryConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProvidersFileError([`not JSON: ${(error as Error).message}`]);
  }
  const parsed = ProvidersFile.safeParse(json);
  if (!parsed.success) {
    throw new ProvidersFileError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`));
  }
  const problems: string[] = [];
  const providers: Record<string, ProviderSettings> = {};
  for (const [name, entry] of Object.entries(parsed.data.providers)) {
    const apiKey = entry.api_key_env ? env[entry.api_key_env] : entry.api_key;
    if (entry.api_key_env && !apiKey) problems.push(`providers.${name}.api_key_env: ${entry.api_key_env} is not set`);
    providers[name] = {
      kind: entry.kind,
      baseUrl: entry.base_url,
      apiKey: apiKey || undefined,
      model: entry.default_model,
      timeoutMs: entry.timeout_ms,
      stream: entry.stream,
      maxTokens: entry.max_tokens,
    };
  }
  if (problems.length > 0) throw new ProvidersFileError(problems);
  return { providers, ...(parsed.data.default !== undefined && { defaultProvider: parsed.data.default }) };
}
