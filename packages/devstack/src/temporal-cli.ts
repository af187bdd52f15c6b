import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CLI release we build: the newest whose go.mod has no `replace`, which `go install module@version` needs. */
export const TEMPORAL_CLI_VERSION = '1.5.1';
const CLI_MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

/** Thrown when no Temporal CLI can be found, built or downloaded; the message names every way to provide one. */
export class TemporalCliNotFoundError extends Error {
  override readonly name = 'TemporalCliNotFoundError';
}

export type CliSource = { kind: 'path'; path: string; from: string } | { kind: 'sdk-download' };

type Log = (message: string) => void;

/**
 * Finds the Temporal CLI: TEMPORAL_CLI_PATH, `temporal` on PATH, Go's bin directory,
 * else builds it there with `go install` (once per machine), else lets the SDK download it.
 */
export async function locateTemporalCli(options: { log?: Log; allowDownload?: boolean } = {}): Promise<CliSource> {
  const log = options.log ?? (() => {});
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new TemporalCliNotFoundError(`TEMPORAL_CLI_PATH=${fromEnv} does not exist`);
    return { kind: 'path', path: fromEnv, from: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = findOnPath('temporal');
  if (onPath) return { kind: 'path', path: onPath, from: 'PATH' };

  const goBin = await goBinDir();
  if (goBin) {
    const built = join(goBin, 'temporal');
    if (existsSync(built) && (await builtModuleVersion(built)) === TEMPORAL_CLI_VERSION) {
      return { kind: 'path', path: built, from: 'go bin' };
    }
    log(`Building the Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (a few minutes, once per machine)...`);
    try {
      await run('go', ['install', CLI_MODULE], { maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60_000 });
      return { kind: 'path', path: built, from: 'go install' };
    } catch (error) {
      log(`go install failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (options.allowDownload !== false) return { kind: 'sdk-download' };
  throw new TemporalCliNotFoundError(
    'No Temporal CLI found. Provide one of: TEMPORAL_CLI_PATH=/path/to/temporal; `temporal` on PATH; ' +
      `Go on PATH (the CLI is then built with \`go install ${CLI_MODULE}\`); or internet access for the SDK download.`,
  );
}

/** The CLI module version a Go-built binary embeds (go-installed builds report 0.0.0-DEV in --version). */
export async function builtModuleVersion(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('go', ['version', '-m', path], { timeout: 30_000 });
    return /\bmod\s+github\.com\/temporalio\/cli\s+v(\S+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

async function goBinDir(): Promise<string | undefined> {
  try {
    const { stdout } = await run('go', ['env', 'GOBIN', 'GOPATH'], { timeout: 30_000 });
    const [gobin, gopath] = stdout.split('\n').map((line) => line.trim());
    if (gobin) return gobin;
    return gopath ? join(gopath.split(delimiter)[0]!, 'bin') : undefined;
  } catch {
    return undefined;
  }
}

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, binary))) return join(dir, binary);
  }
  return undefined;
}
