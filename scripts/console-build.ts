// Builds the operator console (apps/console → apps/console/dist) when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const CONSOLE_DIR = join(ROOT, 'apps/console');
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');

// What the bundle is made of: the console and the workspace modules it imports at run time.
const SOURCES = [
  'apps/console/src',
  'apps/console/index.html',
  'apps/console/vite.config.ts',
  'apps/console/package.json',
  'packages/definition/src',
  'packages/client/src',
];

/** Newest modification time (ms) under the given paths. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(ROOT, path));
  return newest;
}

/** Why the console needs a build, or undefined when dist is current. */
export function consoleBuildReason(): string | undefined {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return 'no build yet';
  if (newestMtime(SOURCES) > statSync(index).mtimeMs) return 'sources changed since the last build';
  return undefined;
}

/** Runs `vite build` for the console; throws when it fails. */
export function buildConsole(): void {
  const vitePackage = require.resolve('vite/package.json', { paths: [CONSOLE_DIR] });
  const bin = (JSON.parse(readFileSync(vitePackage, 'utf8')) as { bin: Record<string, string> }).bin.vite!;
  const result = spawnSync(process.execPath, [join(dirname(vitePackage), bin), 'build', '--logLevel', 'warn'], {
    cwd: CONSOLE_DIR,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`console build failed (vite exited with ${result.status ?? result.signal})`);
}

/** Builds the console if its build is missing or stale; returns whether it built. */
export function ensureConsoleBuilt(log: (message: string) => void = console.log): boolean {
  const reason = consoleBuildReason();
  if (!reason) return false;
  log(`building the console (${reason})…`);
  const started = Date.now();
  buildConsole();
  log(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (require.main === module) {
  try {
    if (process.argv.includes('--force')) buildConsole();
    else if (!ensureConsoleBuilt()) console.log('console build is up to date');
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
