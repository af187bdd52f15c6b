import { readFileSync } from 'node:fs';
import {
  DEFAULT_EXPRESSION_LIMITS,
  parseProvidersFile,
  ProvidersFileError,
  type ExpressionPoolOptions,
  type ProviderRegistryConfig,
} from '@trellis/executors';
import { z } from 'zod';

/** Worker configuration, read from the environment once at start-up. */
export const WorkerConfig = z
  .object({
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('trellis'),
    DATABASE_URL: z.string().url().optional(),
    /** PGlite directory when DATABASE_URL is unset (embedded mode only). */
    DATA_DIR: z.string().min(1).default('./data'),
    LLM_BASE_URL: z.string().url().optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_MODEL: z.string().min(1).optional(),
    /** JSON file of further named providers (OpenAI-compatible or Anthropic); see docs/llm.md. */
    LLM_PROVIDERS_FILE: z.string().min(1).optional(),
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).default(200),
    /**
     * Runs kept in the workflow cache (a paused run stays cached until it resumes). Fixed rather than the SDK's
     * heap-derived default, which on a small heap evicts paused runs that then replay their history on every task.
     * 0 disables the cache (every workflow task replays the history).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .refine((n) => n !== 1, 'must be 0 (cache off) or at least 2')
      .default(2_000),
    /** Workflow tasks run at once; at most WORKER_MAX_CACHED_WORKFLOWS. */
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(10_000).default(40),
    WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).default(100),
    /** Sandbox threads evaluating expressions and templates; a runaway holds one until it is killed. */
    EXPRESSION_THREADS: z.coerce.number().int().min(1).max(64).default(2),
    /** Wall-clock limit of one expression or template; past it (plus 100 ms) its thread is killed and replaced. */
    EXPRESSION_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
    /** Heap (V8 old generation) of each sandbox thread. */
    EXPRESSION_MAX_HEAP_MB: z.coerce.number().int().min(16).max(16_384).default(128),
    /** Items in any sequence or array one evaluation step yields. */
    EXPRESSION_MAX_SEQUENCE: z.coerce.number().int().min(1).max(10_000_000).default(1_000_000),
    /** Characters in any string one evaluation step yields, and in a rendered template. */
    EXPRESSION_MAX_STRING_LENGTH: z.coerce.number().int().min(1).max(500_000_000).default(4_194_304),
    /** Largest node output (and expression result) as JSON, in UTF-8 bytes; keep it well under Temporal's 2 MB payload limit. */
    NODE_OUTPUT_MAX_BYTES: z.coerce.number().int().min(1_024).max(2_000_000).default(1_048_576),
    /** How often the reconciler compares live execution rows with Temporal; 0 turns it off. */
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    /** A pending row with no Temporal run for this long is failed as never started. */
    RECONCILE_LOST_START_MS: z.coerce.number().int().min(1_000).default(60_000),
    /** Live rows the reconciler checks per pass; a cursor carries the walk over all of them across passes. */
    RECONCILE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
    /** Finished runs (row, node rows, events) are deleted this many days after they ended; unset: kept forever. */
    RETENTION_DAYS: z.coerce.number().positive().max(36_500).optional(),
    /** How often retention looks for expired runs (default hourly). */
    RETENTION_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
    /** /metrics on this port (worker, process and Temporal SDK runtime metrics); unset: not served. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** A workflow bundle prebuilt by `npm run build` (dist/workflow-bundle.js); unset: bundled from sources at start. */
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  })
  .refine((c) => c.WORKER_MAX_CACHED_WORKFLOWS === 0 || c.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS <= c.WORKER_MAX_CACHED_WORKFLOWS, {
    message: 'must not exceed WORKER_MAX_CACHED_WORKFLOWS',
    path: ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS'],
    // Only once each field is valid on its own, so a bad value gets one message.
    when: (payload) => payload.issues.length === 0,
  });
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/** Parses the environment; on bad values prints each problem and exits 1 (no stack trace). */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  // An empty value (`DATABASE_URL=` in an .env file or compose) means unset, as shells and compose users expect.
  const parsed = WorkerConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (parsed.success) return parsed.data;
  console.error('Invalid worker configuration:');
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}

/** The default OpenAI-compatible provider from LLM_* settings, when configured (echo otherwise). */
export function llmSettings(config: Pick<WorkerConfig, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL'>) {
  return config.LLM_BASE_URL
    ? { default: { baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL ?? 'gpt-4o-mini' } }
    : {};
}

/**
 * Every LLM provider of this worker: the LLM_* default plus LLM_PROVIDERS_FILE's named ones, with their
 * keys read from `env` here, in the worker, never from workflow input. Throws ProvidersFileError.
 */
export function readLlmSettings(
  config: Pick<WorkerConfig, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_PROVIDERS_FILE'>,
  env: NodeJS.ProcessEnv = process.env,
): ProviderRegistryConfig {
  const settings: ProviderRegistryConfig = llmSettings(config);
  if (!config.LLM_PROVIDERS_FILE) return settings;
  let text: string;
  try {
    text = readFileSync(config.LLM_PROVIDERS_FILE, 'utf8');
  } catch (error) {
    throw new ProvidersFileError([`cannot read ${config.LLM_PROVIDERS_FILE}: ${(error as Error).message}`]);
  }
  const fromFile = parseProvidersFile(text, env);
  if (settings.default && fromFile.defaultProvider !== undefined) {
    throw new ProvidersFileError(['default: LLM_BASE_URL already sets the default provider; remove one of them']);
  }
  if ('default' in (fromFile.providers ?? {}) && settings.default) {
    throw new ProvidersFileError(['providers.default: the name "default" is taken by LLM_BASE_URL']);
  }
  return { ...settings, ...fromFile };
}

/** readLlmSettings for start-up: a bad providers file prints what is wrong and exits 1. */
export function loadLlmSettings(config: WorkerConfig, env: NodeJS.ProcessEnv = process.env): ProviderRegistryConfig {
  try {
    return readLlmSettings(config, env);
  } catch (error) {
    if (!(error instanceof ProvidersFileError)) throw error;
    console.error(`Invalid worker configuration (LLM_PROVIDERS_FILE=${config.LLM_PROVIDERS_FILE}):`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
}

/** The worker's cache and concurrency limits from config, as createTrellisWorker takes them. */
export function workerLimits(config: WorkerConfig) {
  return {
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTasks: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentLocalActivities: config.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES,
  };
}

/** The sandbox pool's settings and the node output cap from config. */
export function expressionSettings(config: WorkerConfig): { pool: ExpressionPoolOptions; maxOutputBytes: number } {
  return {
    pool: {
      threads: config.EXPRESSION_THREADS,
      maxHeapMb: config.EXPRESSION_MAX_HEAP_MB,
      limits: {
        timeoutMs: config.EXPRESSION_TIMEOUT_MS,
        maxDepth: DEFAULT_EXPRESSION_LIMITS.maxDepth,
        maxSequence: config.EXPRESSION_MAX_SEQUENCE,
        maxStringLength: config.EXPRESSION_MAX_STRING_LENGTH,
        maxOutputBytes: config.NODE_OUTPUT_MAX_BYTES,
      },
    },
    maxOutputBytes: config.NODE_OUTPUT_MAX_BYTES,
  };
}
