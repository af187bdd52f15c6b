import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { locateTemporalCli } from '@trellis/devstack';
import { EAGER_START } from './stack';

const ROOT = join(__dirname, '..');

/** What the figures were measured on: machine, load, versions. */
export async function describeEnvironment(database: string, ownDevServer: boolean) {
  const packageVersion = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  let temporalCli = 'unknown';
  try {
    const source = await locateTemporalCli({});
    if (source.kind === 'path') temporalCli = execFileSync(source.path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain', '--', 'apps', 'packages'], { cwd: ROOT, encoding: 'utf8' }).trim())
      commit += '+dirty';
  } catch {}
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    total_memory_mb: Math.round(totalmem() / 2 ** 20),
    load_average_at_start: loadavg().map((x) => +x.toFixed(2)),
    database,
    temporal: ownDevServer ? 'dev server started by the harness (in-memory)' : `TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}`,
    process_layout: `API, Trellis worker, baseline worker, load generator and (under PGlite) the database share one Node process; ${EAGER_START ? "eager workflow start on (the API shares the worker's connection, as in npm start)" : 'eager workflow start off (BENCH_EAGER=0)'}`,
    versions: {
      node: process.version,
      temporal_cli: temporalCli,
      '@temporalio/client': packageVersion('@temporalio/client'),
      '@temporalio/worker': packageVersion('@temporalio/worker'),
      '@temporalio/workflow': packageVersion('@temporalio/workflow'),
      '@electric-sql/pglite': packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      'drizzle-orm': packageVersion('drizzle-orm'),
      trellis_commit: commit,
    },
  };
}

/** Peak resident memory (MB) of this process and of its `temporal` child, sampled while a scenario runs. */
export function sampleMemory(intervalMs = 250) {
  const peak = { bench_process_rss_mb: 0, temporal_server_rss_mb: 0 };
  const sample = () => {
    peak.bench_process_rss_mb = Math.max(peak.bench_process_rss_mb, Math.round(process.memoryUsage().rss / 2 ** 20));
    peak.temporal_server_rss_mb = Math.max(peak.temporal_server_rss_mb, temporalChildRssMb());
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peak, load_average_after: loadavg().map((x) => +x.toFixed(2)) };
    },
  };
}

/** RSS of the dev server this process spawned (0 when it uses an external one). Linux /proc only. */
export function temporalChildRssMb(): number {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const stat = safeRead(`/proc/${pid}/stat`);
      if (!stat) continue;
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(afterName[1]) !== process.pid || !stat.includes('(temporal')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(safeRead(`/proc/${pid}/status`) ?? '');
      if (rss) return Math.round(Number(rss[1]) / 1024);
    }
  } catch {}
  return 0;
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
