import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProvidersFileError } from '@trellis/executors';
import { expressionSettings, loadWorkerConfig, readLlmSettings, WorkerConfig, workerLimits } from './config';

const dir = mkdtempSync(join(tmpdir(), 'trellis-llm-'));

function providersFile(content: unknown): string {
  const path = join(dir, `providers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const claude = { kind: 'anthropic', base_url: 'https://api.anthropic.com/v1', api_key_env: 'ANTHROPIC_API_KEY', default_model: 'claude-x' };

describe('readLlmSettings', () => {
  it('is empty without LLM_* settings, so echo stays the default', () => {
    expect(readLlmSettings({})).toEqual({});
  });

  it('adds the providers file to the LLM_BASE_URL default, with keys from the environment', () => {
    const settings = readLlmSettings(
      { LLM_BASE_URL: 'http://127.0.0.1:8000/v1', LLM_MODEL: 'qwen', LLM_PROVIDERS_FILE: providersFile({ providers: { claude } }) },
      { ANTHROPIC_API_KEY: 'sk-ant' },
    );
    expect(settings.default).toEqual({ baseUrl: 'http://127.0.0.1:8000/v1', apiKey: undefined, model: 'qwen' });
    expect(settings.providers?.claude).toMatchObject({ kind: 'anthropic', apiKey: 'sk-ant' });
  });

  it('takes the default from the file when LLM_BASE_URL is unset', () => {
    const file = providersFile({ default: 'claude', providers: { claude } });
    expect(readLlmSettings({ LLM_PROVIDERS_FILE: file }, { ANTHROPIC_API_KEY: 'k' }).defaultProvider).toBe('claude');
  });

  it('refuses a file default alongside LLM_BASE_URL, a missing file and a bad file', () => {
    const both = { LLM_BASE_URL: 'http://x/v1', LLM_PROVIDERS_FILE: providersFile({ default: 'claude', providers: { claude } }) };
    expect(() => readLlmSettings(both, { ANTHROPIC_API_KEY: 'k' })).toThrow(/LLM_BASE_URL already sets the default/);
    expect(() => readLlmSettings({ LLM_PROVIDERS_FILE: join(dir, 'missing.json') })).toThrow(ProvidersFileError);
    expect(() => readLlmSettings({ LLM_PROVIDERS_FILE: providersFile({ providers: { claude } }) }, {})).toThrow(
      /ANTHROPIC_API_KEY is not set/,
    );
  });
});

describe('worker cache and concurrency settings', () => {
  const problems = (env: Record<string, string>) =>
    (WorkerConfig.safeParse(env).error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('default to a cache that holds 2,000 runs and the SDK’s concurrency limits', () => {
    expect(workerLimits(WorkerConfig.parse({}))).toEqual({
      maxCachedWorkflows: 2_000,
      maxConcurrentWorkflowTasks: 40,
      maxConcurrentActivities: 200,
      maxConcurrentLocalActivities: 100,
    });
  });

  it('reads numbers from the environment, and 0 turns the cache off', () => {
    const config = WorkerConfig.parse({
      WORKER_MAX_CACHED_WORKFLOWS: '0',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8',
      WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: '50',
    });
    expect(workerLimits(config)).toMatchObject({ maxCachedWorkflows: 0, maxConcurrentWorkflowTasks: 8, maxConcurrentLocalActivities: 50 });
  });

  it('names the variable and the problem for bad values', () => {
    expect(problems({ WORKER_MAX_CACHED_WORKFLOWS: 'lots' })).toEqual([expect.stringMatching(/^WORKER_MAX_CACHED_WORKFLOWS: .*number/)]);
    expect(problems({ WORKER_MAX_CACHED_WORKFLOWS: '1' })).toContain('WORKER_MAX_CACHED_WORKFLOWS: must be 0 (cache off) or at least 2');
    expect(problems({ WORKER_MAX_CACHED_WORKFLOWS: '-5' })).toEqual([expect.stringMatching(/^WORKER_MAX_CACHED_WORKFLOWS: /)]);
    expect(problems({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toEqual([
      expect.stringMatching(/^WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: /),
    ]);
    expect(problems({ WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: '2.5' })).toEqual([
      expect.stringMatching(/^WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: /),
    ]);
  });

  it('refuses more concurrent workflow tasks than cached runs', () => {
    expect(problems({ WORKER_MAX_CACHED_WORKFLOWS: '10', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40' })).toEqual([
      'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: must not exceed WORKER_MAX_CACHED_WORKFLOWS',
    ]);
  });

  it('gives the expression sandbox its defaults, and EXPRESSION_* and NODE_OUTPUT_MAX_BYTES override them', () => {
    expect(expressionSettings(WorkerConfig.parse({}))).toEqual({
      pool: {
        threads: 2,
        maxHeapMb: 128,
        limits: { timeoutMs: 1000, maxDepth: 2000, maxSequence: 1_000_000, maxStringLength: 4_194_304, maxOutputBytes: 1_048_576 },
      },
      maxOutputBytes: 1_048_576,
    });
    const config = WorkerConfig.parse({
      EXPRESSION_THREADS: '4',
      EXPRESSION_TIMEOUT_MS: '250',
      EXPRESSION_MAX_HEAP_MB: '64',
      EXPRESSION_MAX_SEQUENCE: '1000',
      EXPRESSION_MAX_STRING_LENGTH: '5000',
      NODE_OUTPUT_MAX_BYTES: '65536',
    });
    expect(expressionSettings(config)).toEqual({
      pool: {
        threads: 4,
        maxHeapMb: 64,
        limits: { timeoutMs: 250, maxDepth: 2000, maxSequence: 1000, maxStringLength: 5000, maxOutputBytes: 65_536 },
      },
      maxOutputBytes: 65_536,
    });
    expect(problems({ NODE_OUTPUT_MAX_BYTES: '3000000' })).toEqual([expect.stringMatching(/^NODE_OUTPUT_MAX_BYTES: /)]);
  });
});

describe('loading the worker configuration', () => {
  it('takes an empty value as unset, as in an .env file', () => {
    const config = loadWorkerConfig({ DATABASE_URL: '', WORKER_MAX_CACHED_WORKFLOWS: '', TEMPORAL_ADDRESS: '10.0.0.1:7233' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WORKER_MAX_CACHED_WORKFLOWS).toBe(2_000);
    expect(config.TEMPORAL_ADDRESS).toBe('10.0.0.1:7233');
  });
});
