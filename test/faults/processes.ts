import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@trellis/devstack';
import { TEST_JWT_SECRET } from '../stack';

const ROOT = join(__dirname, '..', '..');

/** A real `start:worker` or `start:api` process this test started. */
export interface ServiceProcess {
  name: string;
  pid: number;
  /** The tail of its stdout and stderr, for failure messages. */
  logs(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGKILL and waits for the exit. */
  kill(): Promise<void>;
  /** Sends SIGTERM (graceful shutdown) and waits; SIGKILL after 15 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Every service process still running is killed (afterAll of each file). */
export async function killAllServices(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * Runs a TypeScript entry point the way `tsx <entry>` does, but as one process (`node --import tsx`),
 * so a signal reaches the service itself and not a wrapper.
 */
function spawnService(name: string, entry: string, env: Record<string, string>): ServiceProcess {
  // An empty value unsets an inherited variable.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  for (const [key, value] of Object.entries(env)) {
    if (value === '') delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const signal = async (sig: NodeJS.Signals, forceAfterMs?: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const force = forceAfterMs ? setTimeout(() => child.kill('SIGKILL'), forceAfterMs) : undefined;
    child.kill(sig);
    await exited;
    clearTimeout(force);
  };
  return {
    name,
    pid: child.pid!,
    logs: () => tail,
    exited,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM', 15_000),
  };
}

async function waitUntil(service: ServiceProcess, ready: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void service.exited.then(() => (gone = true));
  while (!(await ready())) {
    if (gone) throw new Error(`${service.name} exited during start-up:\n${service.logs()}`);
    if (Date.now() > deadline) throw new Error(`${service.name} not ready within ${timeoutMs} ms:\n${service.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface WorkerProcessOptions {
  temporalAddress: string;
  taskQueue: string;
  /** OpenAI-compatible endpoint of the default LLM provider (the loopback wire server). */
  llmBaseUrl?: string;
  /** RECONCILE_INTERVAL_MS; the worker's default when omitted, 0 turns the reconciler off. */
  reconcileIntervalMs?: number;
  env?: Record<string, string>;
}

/** Starts `tsx apps/worker/src/index.ts` and resolves once it polls its task queue. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<ServiceProcess> {
  const env: Record<string, string> = {
    DATABASE_URL: process.env.DATABASE_URL!,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    LOG_LEVEL: 'info',
    LLM_PROVIDERS_FILE: '',
    // The bundle global setup built: a worker bundling at start takes most of a minute on a busy machine.
    WORKFLOW_BUNDLE_PATH: process.env.TRELLIS_TEST_WORKFLOW_BUNDLE ?? '',
  };
  if (options.llmBaseUrl) Object.assign(env, { LLM_BASE_URL: options.llmBaseUrl, LLM_API_KEY: 'sk-faults', LLM_MODEL: 'default' });
  if (options.reconcileIntervalMs !== undefined) env.RECONCILE_INTERVAL_MS = String(options.reconcileIntervalMs);
  Object.assign(env, options.env);
  const worker = spawnService('worker', 'apps/worker/src/index.ts', env);
  await waitUntil(worker, () => worker.logs().includes('"msg":"worker started"'));
  return worker;
}

export interface ApiProcess extends ServiceProcess {
  url: string;
  port: number;
}

export interface ApiProcessOptions {
  temporalAddress: string;
  taskQueue: string;
  /** Listen on this port (a restart keeps the previous one's); a free one when omitted. */
  port?: number;
  env?: Record<string, string>;
}

/** Starts `tsx apps/api/src/index.ts` on loopback and resolves once /healthz answers. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const api = spawnService('api', 'apps/api/src/index.ts', {
    DATABASE_URL: process.env.DATABASE_URL!,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(api, () =>
    fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    ),
  );
  return { ...api, url, port };
}
