import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CI Postgres as .ci/run started it: its binaries, its data directory and its start options. */
export interface PostgresControl {
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Controls the Postgres that .ci/run started (PG_BIN, PG_DIR, PG_CTL_OPTS), with pg_ctl as the postgres
 * user; undefined when those are not set (e.g. an external DATABASE_URL), so the test that needs it skips.
 */
export function ciPostgres(env: NodeJS.ProcessEnv = process.env): PostgresControl | undefined {
  const { PG_BIN, PG_DIR, PG_CTL_OPTS } = env;
  if (!PG_BIN || !PG_DIR || !PG_CTL_OPTS) return undefined;
  const pgCtl = (...args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, '-D', `${PG_DIR}/data`, ...args], { timeout: 60_000 });
  return {
    stop: async () => {
      await pgCtl('-m', 'fast', '-w', 'stop');
    },
    start: async () => {
      await pgCtl('-l', `${PG_DIR}/log`, '-w', '-o', PG_CTL_OPTS, 'start');
    },
  };
}
