import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { BenchResults } from './bench-results';

/** The newest results file older than `file` in the same folder, if any. */
export function previousResultsFile(file: string): string | undefined {
  const name = basename(file);
  const older = readdirSync(dirname(file))
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f) && f < name)
    .sort();
  return older.length > 0 ? `${dirname(file)}/${older[older.length - 1]}` : undefined;
}

type Figure = { label: string; unit: string; higherIsFaster: boolean; of: (r: BenchResults) => number | undefined };

// Figures that measure the machine rather than Trellis: plain Temporal, plain Postgres.
const REFERENCES: Figure[] = [
  {
    label: 'plain Temporal: 40 sequential activities',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.node_overhead?.baseline_ms.median,
  },
  {
    label: 'plain Temporal: one-activity runs at saturation',
    unit: '/s',
    higherIsFaster: true,
    of: (r) => r.scenarios.throughput?.baseline.per_second,
  },
  {
    label: 'plain Temporal: start → activity running at 4/s',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.latency?.baseline.start_to_first_activity_running_ms.median,
  },
  {
    label: 'plain Postgres: OFFSET page at depth 500k',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.history_paging?.list.offset_ms.median,
  },
  {
    label: 'plain Postgres: one-event transactions, no notify',
    unit: 'tx/s',
    higherIsFaster: true,
    of: (r) => r.scenarios.live_status?.write_path.transactions_per_second.no_notify,
  },
];

const PLATFORM: Figure[] = [
  {
    label: 'Trellis: 40-node local chain',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.node_overhead?.local.platform_ms.median,
  },
  { label: 'Trellis: 3-node runs at saturation', unit: '/s', higherIsFaster: true, of: (r) => r.scenarios.throughput?.platform.per_second },
  {
    label: 'Trellis: POST → first node running at 4/s',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.latency?.platform.post_to_first_node_running_ms.median,
  },
  {
    label: 'Trellis: cursor page at depth 500k',
    unit: 'ms',
    higherIsFaster: false,
    of: (r) => r.scenarios.history_paging?.list.cursor_ms.at(-1)?.ms.median,
  },
  {
    label: 'Trellis: fan-out to 1,000 sockets',
    unit: 'deliveries/s',
    higherIsFaster: true,
    of: (r) => r.scenarios.live_status?.fan_out.per_second,
  },
];

/**
 * A section comparing this run with the previous results file: the reference figures show how far the machine
 * itself moved between the two days, so a platform figure that moved by as much is the machine, not the code.
 */
export function driftSection(current: BenchResults, previous: BenchResults | undefined): string[] {
  if (!previous) return [];
  const row = (f: Figure) => {
    const [now, before] = [f.of(current), f.of(previous)];
    if (now === undefined || before === undefined || now <= 0 || before <= 0) return undefined;
    const slower = f.higherIsFaster ? before / now : now / before;
    const change =
      Math.abs(slower - 1) < 0.05 ? 'about the same' : slower > 1 ? `${round(slower)}× slower` : `${round(1 / slower)}× faster`;
    return `| ${f.label} | ${before} ${f.unit} | ${now} ${f.unit} | ${change} |`;
  };
  const rows = [...REFERENCES, ...PLATFORM].map(row).filter((r) => r !== undefined);
  if (rows.length === 0) return [];
  return [
    '',
    `## Against the previous run (${previous.date.slice(0, 10)}, commit ${previous.environment.versions.trellis_commit})`,
    '',
    'The plain-Temporal and plain-Postgres figures measure the machine, not Trellis: where they moved by about as much as the Trellis figures, the difference is the machine (these are shared, noisy boxes), and the same-run ratios above are the figures to compare.',
    '',
    `| figure | ${previous.date.slice(0, 10)} | ${current.date.slice(0, 10)} | change |`,
    '|---|---|---|---|',
    ...rows,
  ];
}

const round = (x: number) => Math.round(x * 100) / 100;
