import { z } from 'zod';

/** Worker configuration, read from the environment once at start-up. */
export const WorkerConfig = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('trellis'),
  DATABASE_URL: z.string().url().optional(),
  /** PGlite directory when DATABASE_URL is unset (embedded mode only). */
  DATA_DIR: z.string().min(1).default('./data'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/** Parses the environment; on bad values prints each problem and exits 1 (no stack trace). */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerConfig.safeParse(env);
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
