// `npm run build`: the production output in dist/ — the API and the worker as one JavaScript file each
// (workspace packages inlined, npm dependencies left to node_modules), the prebuilt workflow bundle the
// worker loads instead of bundling at start, and the SQL migrations — plus the console in
// apps/console/dist, which the API serves at `/`. `node dist/bin/api.js` and `node dist/bin/worker.js`
// run them; `npm start` keeps running the sources.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { bundleWorkflowCode } from '@temporalio/worker';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');

/**
 * A bare import stays external when node can load it from the root node_modules at run time; our own
 * workspace packages, and a dependency npm installed under one workspace only (not hoisted), are compiled in
 * (a `package.json` lookup stays a runtime lookup: the worker's bundle-at-start fallback uses one).
 */
const externalDependencies: Plugin = {
  name: 'external-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@trellis/') && !args.path.endsWith('/package.json')) return undefined;
      return loadableFromRoot(args.path) ? { path: args.path, external: true } : undefined;
    });
  },
};

function loadableFromRoot(specifier: string): boolean {
  try {
    require.resolve(specifier, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(join(DIST, 'bin'), { recursive: true });

  await build({
    entryPoints: {
      api: join(ROOT, 'apps/api/src/index.ts'),
      worker: join(ROOT, 'apps/worker/src/index.ts'),
      // The expression sandbox's threads load this file from beside the worker (packages/executors/src/sandbox).
      'sandbox-thread': join(ROOT, 'packages/executors/src/sandbox/sandbox-thread.ts'),
    },
    outdir: join(DIST, 'bin'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    plugins: [externalDependencies],
    logLevel: 'warning',
  });

  const workflows = await bundleWorkflowCode({
    workflowsPath: require.resolve('@trellis/workflows/src/workflows.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  writeFileSync(join(DIST, 'workflow-bundle.js'), workflows.code);

  // packages/db resolves its migrations as ../migrations from the file that runs it (dist/bin here).
  cpSync(join(ROOT, 'packages/db/migrations'), join(DIST, 'migrations'), { recursive: true });
  execFileSync('npm', ['run', '--silent', 'build:console'], { cwd: ROOT, stdio: 'inherit' });
  console.log('built dist/bin/api.js, dist/bin/worker.js, dist/workflow-bundle.js, dist/migrations, apps/console/dist');
}

main().catch((error: Error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
