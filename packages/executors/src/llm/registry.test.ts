import { createProviderRegistry } from './registry';

describe('createProviderRegistry', () => {
  it('offers echo as the default when no OpenAI-compatible provider is configured', () => {
    const registry = createProviderRegistry();
    expect(registry.defaultProvider).toBe('echo');
    expect(registry.get('echo')?.defaultModel).toBe('echo-1');
  });

  it('makes the configured provider the default and keeps echo available', () => {
    const registry = createProviderRegistry({ default: { baseUrl: 'http://127.0.0.1:1/v1', model: 'gpt-x' } });
    expect(registry.defaultProvider).toBe('default');
    expect(registry.get('default')).toMatchObject({ name: 'default', defaultModel: 'gpt-x' });
    expect(registry.get('echo')).toBeDefined();
  });

  it('registers named providers and names the default as configured', () => {
    const registry = createProviderRegistry({
      default: { name: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'k', model: 'gpt-4o-mini' },
      providers: { local: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' } },
    });
    expect(registry.defaultProvider).toBe('openai');
    expect(registry.get('local')?.defaultModel).toBe('llama3');
  });

  it('returns undefined for unknown names, including inherited property names', () => {
    const registry = createProviderRegistry();
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.get('constructor')).toBeUndefined();
  });

  it('refuses a provider name used twice', () => {
    expect(() => createProviderRegistry({ providers: { echo: { baseUrl: 'http://x', model: 'm' } } })).toThrow(/echo/);
  });

  it('builds each provider by its kind, OpenAI-compatible unless told otherwise', () => {
    const registry = createProviderRegistry({
      providers: {
        claude: { kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', apiKey: 'k', model: 'claude-x' },
        local: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' },
      },
    });
    expect(registry.get('claude')).toMatchObject({ name: 'claude', defaultModel: 'claude-x' });
    expect(registry.names?.()).toEqual(['echo', 'claude', 'local']);
  });

  it('makes the named provider the default when the config names one', () => {
    const registry = createProviderRegistry({
      providers: { claude: { kind: 'anthropic', baseUrl: 'http://127.0.0.1:1/v1', model: 'c' } },
      defaultProvider: 'claude',
    });
    expect(registry.defaultProvider).toBe('claude');
  });

  it('refuses a default provider that is not configured', () => {
    expect(() => createProviderRegistry({ defaultProvider: 'ghost' })).toThrow(/ghost/);
  });
});
