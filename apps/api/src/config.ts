import { z } from 'zod';
import { TrustProxy } from './limits/trust-proxy';

const optionalString = z.string().min(1).optional();

/** API configuration, read from the environment once at start-up. */
export const ApiConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('trellis'),
    /** Base URL of the Temporal Web UI, used to build each execution's debug_url. */
    TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    JWT_SECRET: optionalString,
    JWT_PUBLIC_KEY: optionalString,
    JWT_ISSUER: optionalString,
    JWT_AUDIENCE: optionalString,
    BODY_LIMIT: z.string().min(1).default('1mb'),
    SYNC_WAIT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    START_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    MAX_LIVE_EXECUTIONS_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(200),
    /** Per-user budgets shared by every replica (Postgres): other writes, and reads of a run's Temporal history. */
    WRITE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    HISTORY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    /** Requests to answer links (which carry no user) per client address per minute. */
    ANSWER_LINK_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** Proxies whose X-Forwarded-For names the client address (limits/trust-proxy.ts); unset: the peer's address counts. */
    TRUST_PROXY: TrustProxy.optional(),
    /** /metrics on a port of its own (bound to METRICS_HOST); unset: not served on a port of its own. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** /metrics on the API port, for `Authorization: Bearer <METRICS_TOKEN>` only; unset: not served there. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** A comment line on idle Server-Sent Event streams this often, so proxies keep them open. */
    SSE_KEEPALIVE_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** Workflow test sessions: idle expiry, caps and the per-turn run timeout. */
    TEST_SESSION_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(604_800_000).default(1_800_000),
    TEST_SESSION_MAX_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
    TEST_SESSION_MAX_MESSAGES: z.coerce.number().int().min(2).max(10_000).default(200),
    TEST_SESSION_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(1).max(100_000).default(4_000),
    TEST_SESSION_TURN_TIMEOUT_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
    /** production: JSON answers are not checked against the routes' declared responses (routing/response-check.ts). */
    NODE_ENV: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((c) => Boolean(c.JWT_SECRET) !== Boolean(c.JWT_PUBLIC_KEY), {
    message: 'set exactly one of JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256)',
    path: ['JWT_SECRET'],
  })
  .refine((c) => !c.JWT_SECRET || c.JWT_SECRET.length >= 32, {
    message: 'JWT_SECRET must be at least 32 characters',
    path: ['JWT_SECRET'],
  });
export type ApiConfig = z.infer<typeof ApiConfig>;

/** Parses the environment; on bad values prints each problem and exits 1 (no stack trace). */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  // An empty value (`DATABASE_URL=` in an .env file or compose) means unset, as shells and compose users expect.
  const parsed = ApiConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (parsed.success) return parsed.data;
  console.error('Invalid API configuration:');
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  process.exit(1);
}
