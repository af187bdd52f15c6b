import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@trellis/devstack';
import { mintToken } from '../apps/api/src/auth/jwt';
import { waitFor } from './stack';

const ROOT = join(__dirname, '..');
const SECRET = 'production-build-test-secret-0123456789';
const run = promisify(execFile);

/** `npm run build` output run with plain node, the way the Docker image runs it (no tsx, prebuilt workflow bundle). */
const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('the production build', () => {
  const children: ChildProcess[] = [];
  const logs: string[] = [];

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
          ),
      ),
    );
  });

  function serve(entry: string, env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'bin', entry)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    children.push(child);
    return child;
  }

  it('compiles the API and worker to JavaScript that runs a workflow end to end with the prebuilt bundle', async () => {
    await run('npm', ['run', '--silent', 'build'], { cwd: ROOT });
    for (const file of ['bin/api.js', 'bin/worker.js', 'workflow-bundle.js', 'migrations/meta/_journal.json']) {
      expect([file, existsSync(join(ROOT, 'dist', file))]).toEqual([file, true]);
    }

    const port = await freePort();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
      TEMPORAL_TASK_QUEUE: `build-${randomUUID()}`,
      JWT_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKFLOW_BUNDLE_PATH: join(ROOT, 'dist', 'workflow-bundle.js'),
      RECONCILE_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
    };
    serve('api.js', env);
    serve('worker.js', env);

    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${base}/readyz`)
          .then((r) => r.status)
          .catch(() => 0),
      (status) => status === 200,
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${logs.join('')}`);
    });
    const auth = {
      Authorization: `Bearer ${mintToken({ sub: `build-${randomUUID()}`, secret: SECRET })}`,
      'Content-Type': 'application/json',
    };
    const definition = {
      nodes: [
        { id: 'in', type: 'input', config: {} },
        { id: 'greet', type: 'transform', config: { expression: '"Hello, " & input.name' } },
        { id: 'out', type: 'output', config: {} },
      ],
      edges: [
        { source: 'in', target: 'greet' },
        { source: 'greet', target: 'out' },
      ],
    };
    const workflow = await fetch(`${base}/api/v1/workflows`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'built', definition }),
    });
    expect(workflow.status).toBe(201);
    const { id: workflowId } = (await workflow.json()) as { id: string };
    const started = await fetch(`${base}/api/v1/executions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ workflow_id: workflowId, input_data: { name: 'Ada' }, mode: 'sync' }),
    });
    const execution = (await started.json()) as { status: string; output_data: unknown };
    expect({
      http: started.status,
      status: execution.status,
      output: execution.output_data,
      logs: started.status === 200 ? '' : logs.join(''),
    }).toEqual({
      http: 200,
      status: 'completed',
      output: 'Hello, Ada',
      logs: '',
    });
  });
});
