import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@trellis/db';

const MB = 2 ** 20;

/** Resident (RSS) and proportional (PSS: shared pages split among their sharers) memory of one process, in MB. Linux /proc. */
export function processMemoryMb(pid: number): { rss: number; pss: number } | undefined {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup ?? '')?.[1] ?? NaN);
  if (!rollup) return undefined;
  return { rss: round((kb('Rss') * 1024) / MB), pss: round((kb('Pss') * 1024) / MB) };
}

/**
 * The Postgres server behind `database` (postmaster and all its children), found through this session's
 * backend pid; undefined under PGlite or when the server is not on this machine. RSS counts the shared
 * buffers once per process that touched them, so its sum overstates; the PSS sum does not.
 */
export async function postgresServerMemoryMb(database: DatabaseHandle) {
  if (database.kind !== 'postgres') return undefined;
  const result = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: Array<{ pid: number }> };
  const backend = Number(result.rows[0]?.pid);
  const postmaster = parentOf(backend);
  if (postmaster === undefined || !read(`/proc/${postmaster}/cmdline`)?.includes('postgres')) return undefined;
  const pids = [
    postmaster,
    ...readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => parentOf(pid) === postmaster),
  ];
  const each = pids.map(processMemoryMb).filter((m) => m !== undefined);
  return {
    processes: each.length,
    rss_sum_mb: round(each.reduce((sum, m) => sum + m.rss, 0)),
    pss_sum_mb: round(each.reduce((sum, m) => sum + m.pss, 0)),
  };
}

function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
