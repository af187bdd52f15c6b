import { parseProvidersFile, ProvidersFileError } from './providers-file';

const claude = { kind: 'anthropic', base_url: 'https://api.anthropic.com/v1', api_key_env: 'ANTHROPIC_API_KEY', default_model: 'claude-x' };
const local = { kind: 'openai', base_url: 'http://127.0.0.1:11434/v1', default_model: 'llama3', stream: false, timeout_ms: 60_000 };

function problems(file: unknown, env: Record<string, string> = {}): string[] {
  try {
    parseProvidersFile(typeof file === 'string' ? file : JSON.stringify(file), env);
  } catch (error) {
    expect(error).toBeInstanceOf(ProvidersFileError);
    return (error as ProvidersFileError).problems;
  }
  throw new Error('expected the file to be refused');
}

describe('parseProvidersFile', () => {
  it('turns entries into registry settings, reading api_key_env from the environment', () => {
    const settings = parseProvidersFile(JSON.stringify({ default: 'claude', providers: { claude, local } }), {
      ANTHROPIC_API_KEY: 'sk-ant',
    });
    expect(settings).toEqual({
      defaultProvider: 'claude',
      providers: {
        claude: { kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', apiKey: 'sk-ant', model: 'claude-x' },
        local: { kind: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3', stream: false, timeoutMs: 60_000 },
      },
    });
  });

  it('takes an inline api_key too', () => {
    const settings = parseProvidersFile(JSON.stringify({ providers: { gw: { ...local, api_key: 'k' } } }), {});
    expect(settings.providers!.gw!.apiKey).toBe('k');
    expect(settings.defaultProvider).toBeUndefined();
  });

  it('refuses a key variable that is not set, naming it', () => {
    expect(problems({ providers: { claude } })).toEqual(['providers.claude.api_key_env: ANTHROPIC_API_KEY is not set']);
  });

  it('lists every schema problem with its path', () => {
    const bad = {
      providers: {
        a: { ...local, kind: 'gemini' },
        b: { ...local, base_url: 'file:///etc/passwd' },
        c: { ...local, api_key: 'k', api_key_env: 'K' },
        echo: local,
      },
      default: 'nope',
    };
    const found = problems(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^providers\.a\.kind: /),
        expect.stringMatching(/^providers\.b\.base_url: /),
        expect.stringMatching(/^providers\.c: set api_key or api_key_env, not both/),
        expect.stringMatching(/^providers\.echo: "echo" is built in/),
      ]),
    );
  });

  it('refuses a default that names no provider', () => {
    expect(problems({ default: 'ghost', providers: { local } })).toEqual([expect.stringMatching(/^default: /)]);
  });

  it('refuses unknown fields and text that is not JSON', () => {
    expect(problems({ providers: { local: { ...local, url: 'x' } } })[0]).toMatch(/^providers\.local: /);
    expect(problems('{ providers: ')[0]).toMatch(/^not JSON: /);
    expect(problems('null')[0]).toMatch(/^\(file\): /);
    expect(problems('[]')[0]).toMatch(/^\(file\): /);
  });
});
