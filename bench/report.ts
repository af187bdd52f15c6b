import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { describeEnvironment } from './environment';
import { driftSection, previousResultsFile } from './report-drift';
import { historyPagingSection, historyPagingSummaryRows } from './report-history-paging';
import { liveStatusSection, liveStatusSummaryRows } from './report-live-status';
import { humanWaitsSection, humanWaitsSummaryRows } from './report-human-waits';
import { memorySection, memorySummaryRows } from './report-memory';
import { rerunSection, rerunSummaryRows } from './report-rerun';
import type { HistoryPagingResult } from './scenarios/history-paging';
import type { LatencyResult } from './scenarios/latency';
import type { LiveStatusResult } from './scenarios/live-status';
import type { HumanWaitsResult } from './scenarios/human-waits';
import type { MemoryResult } from './scenarios/memory';
import type { RerunResult } from './scenarios/rerun';
import type { NodeOverheadResult } from './scenarios/node-overhead';
import type { ThroughputResult } from './scenarios/throughput';

type Memory = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

/** One `npm run bench` run as written to bench/results/<date>.json. */
export interface BenchResults {
  date: string;
  environment: Awaited<ReturnType<typeof describeEnvironment>>;
  scenarios: {
    node_overhead?: NodeOverheadResult & { memory: Memory };
    throughput?: ThroughputResult & { memory: Memory };
    latency?: LatencyResult & { memory: Memory };
    history_paging?: HistoryPagingResult & { memory: Memory };
    live_status?: LiveStatusResult & { memory: Memory };
    memory?: MemoryResult & { memory: Memory };
    human_waits?: HumanWaitsResult & { memory: Memory };
    rerun?: RerunResult & { memory: Memory };
  };
  not_measured: string[];
}

const ROOT = join(__dirname, '..');

/** Where the time goes when a target is missed (from the profiles and timings noted in each item). */
const CAUSES = {
  per_execution: [
    'A small run is one local activity inside one workflow task: the run\'s first chain of cheap nodes writes `execution.started`, the node records and, as the chain that ends the run, `execution.completed`, all in one statement (folded 2026-11-25: −9 % machine CPU per run, +11 % runs/s in three interleaved A/B pairs). What is left per run is the POST and that task.',
    'The box is CPU-bound at about 100 runs/s: sampled from /proc over 15 s at ~100 runs/s (2026-11-24, Postgres), a run costs ~8.4 ms CPU in the Node process (API, worker, SDK threads and the load generator), ~6.5 ms in the Temporal dev server (start, one workflow task, completion, visibility, the result long-poll) and ~2.6 ms in Postgres. Two cores give ~115 such runs/s at best.',
    'In the Node main thread (`--cpu-prof`, 2026-11-24) database round trips take ~30 % of the samples: pg\'s query submit (a `writev` per statement) ~15 %, pg-protocol parsing ~9 %, drizzle query building ~6 %. A run made six statements then: POST (workflow read, live-execution count, insert) and the chain (start, node records, completion); the chain\'s three are one statement now. A Unix socket instead of loopback TCP changed nothing measurable (102/s either way).',
    'The live-execution count behind the per-user cap costs ~5 % of a run\'s CPU (2026-11-25, three interleaved 30 s A/B pairs with the count skipped: 44.6/41.6/52.5 → 41.9/40.8/49.1 ms per run); reading it in the workflow lookup\'s statement instead of its own changed nothing measurable (50.1/45.5/44.5 → 51.5/45.5/44.6 ms), so the cost is the count, not the round trip.',
    'What would close the gap: a per-owner live counter kept by the status transitions (the cap becomes a key read), prepared statements for the POST\'s and the chain\'s statements, and a worker and Temporal server on their own cores.',
  ],
  pglite: [
    'Under PGlite every statement runs on one in-process connection on the main thread, shared with the API, the worker and the load generator; with `DATABASE_URL` the database work leaves the process.',
  ],
};

const causes = (database: string) => [...CAUSES.per_execution, ...(database === 'pglite' ? CAUSES.pglite : [])];

/** Writes the JSON results and regenerates docs/benchmarks.md from them; returns the JSON path. */
export function writeReport(results: BenchResults): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  renderReport(file);
  return file;
}

/** Regenerates docs/benchmarks.md from one results file (`npm run bench -- --render bench/results/<date>.json`). */
export function renderReport(file: string): void {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
  const previous = previousResultsFile(file);
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(read(file), previous === undefined ? undefined : read(previous)));
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ms = (s: { median: number; p99: number }) => `${s.median} / ${s.p99}`;

export function renderMarkdown(r: BenchResults, previous?: BenchResults): string {
  const e = r.environment;
  const { node_overhead: n, throughput: t, latency: l } = r.scenarios;
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts) from bench/results/' + r.date.slice(0, 10) + '.json; edits here are overwritten. -->',
    '',
    '`npm run bench` starts the embedded stack (Temporal dev server unless `TEMPORAL_ADDRESS` is set; Postgres if',
    '`DATABASE_URL` is set, PGlite otherwise), runs each scenario and writes `bench/results/<date>.json` and this page.',
    'Every platform figure has a plain-Temporal baseline (bench/baseline: its own workflows, worker and task queue on the',
    'same dev server) measured in the same run, and ratios are platform ÷ baseline. Nothing here is asserted by tests.',
    'Times are in ms, given as median / p99.',
    '',
    `Measured ${r.date} on ${e.cpus} CPU(s) (${e.cpu_model}), ${e.total_memory_mb} MB RAM; database **${e.database}**; ${e.temporal}.`,
    `Load average at start ${e.load_average_at_start.join(', ')} (other test suites may share this machine). ${e.process_layout}.`,
    `Versions: ${Object.entries(e.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    '## Summary',
    '',
    '| scenario | platform | baseline | ratio | target | result |',
    '|---|---|---|---|---|---|',
  ];
  if (n) {
    lines.push(`| 1. per-node overhead, ${n.nodes}-node chain, regular activities (median of ${n.runs} runs) | ${n.regular.platform_ms.median} ms (${n.regular.platform_per_node_ms} ms/node) | ${n.baseline_ms.median} ms (${n.baseline_per_node_ms} ms/activity) | ${n.regular.ratio}× | ${n.regular.target} | ${verdict(n.regular.met)} |`);
    lines.push(`| 1. per-node overhead, ${n.nodes}-node chain, local activities (default) | ${n.local.platform_ms.median} ms (${n.local.platform_per_node_ms} ms/node) | ${n.baseline_ms.median} ms | ${n.local.ratio}× (${n.local.speedup_vs_baseline}× faster) | ${n.local.target} | ${verdict(n.local.met)} |`);
  }
  if (t) {
    lines.push(`| 2. throughput, 3-node runs, ${t.seconds} s, ${t.concurrency} clients | ${t.platform.per_second} completed/s | ${t.baseline.per_second} completed/s (1 activity) | ${t.ratio}× | ${t.target} | ${verdict(t.met)} |`);
    if (t.absolute_target) lines.push(`| 2. throughput, absolute | ${t.platform.per_second} completed/s, p99 ${t.platform.end_to_end_ms.p99} ms, ${t.platform.lost} lost, ${t.platform.duplicated} duplicated | — | — | ${t.absolute_target} | ${verdict(t.absolute_met)} |`);
  }
  if (l) {
    lines.push(`| 3. POST → first node running at ${l.rate_per_second}/s | ${ms(l.platform.post_to_first_node_running_ms)} | ${ms(l.baseline.start_to_first_activity_running_ms)} (start → activity) | ${l.ratio_first_running}× | ${l.first_running_target} | ${verdict(l.first_running_met)} |`);
    lines.push(`| 3. POST /executions response at ${l.rate_per_second}/s | ${ms(l.platform.post_response_ms)} | ${ms(l.baseline.start_response_ms)} (workflow.start) | ${l.ratio_response}× | — | reported |`);
    lines.push(`| 3. POST /executions response at ${l.burst.rate_per_second}/s for ${l.burst.seconds} s | ${ms(l.burst.post_response_ms)} | — | — | ${l.burst.target} | ${verdict(l.burst.met)} |`);
  }
  if (r.scenarios.history_paging) lines.push(...historyPagingSummaryRows(r.scenarios.history_paging));
  if (r.scenarios.live_status) lines.push(...liveStatusSummaryRows(r.scenarios.live_status));
  if (r.scenarios.memory) lines.push(...memorySummaryRows(r.scenarios.memory));
  if (r.scenarios.human_waits) lines.push(...humanWaitsSummaryRows(r.scenarios.human_waits));
  if (r.scenarios.rerun) lines.push(...rerunSummaryRows(r.scenarios.rerun));
  for (const s of r.not_measured) lines.push(`| ${s} | — | — | — | — | not measured |`);
  lines.push(...driftSection(r, previous));

  if (n) {
    const row = (name: string, m: { median: number; p99: number; min: number; max: number; n: number }) =>
      `| ${name} | ${m.median} | ${m.p99} | ${m.min} | ${m.max} | ${m.n} |`;
    lines.push('', '## 1. Per-node overhead', '',
      `A linear chain (input → ${n.nodes - 2} no-op transforms → output) started with POST /executions and awaited to completion (row checked \`completed\`), once with every node \`"activity": "regular"\` and once with the default (cheap nodes as local activities), interleaved run by run with a hand-written workflow running ${n.nodes} sequential no-op activities; one warm-up run of each is discarded. Both platform variants write every node row, progress update and event to the database.`, '',
      '| | median | p99 | min | max | runs |', '|---|---|---|---|---|---|',
      row('platform, regular activities', n.regular.platform_ms),
      row('platform, local activities', n.local.platform_ms),
      row('baseline', n.baseline_ms), '',
      `Regular: ${n.regular.ratio}× against ${n.regular.target}: ${verdict(n.regular.met)}. Local: ${n.local.speedup_vs_baseline}× faster than the baseline against ${n.local.target}: ${verdict(n.local.met)}. Peak RSS: bench process ${n.memory.bench_process_rss_mb} MB, Temporal dev server ${n.memory.temporal_server_rss_mb} MB; load average after ${n.memory.load_average_after.join(', ')}.`,
      `The baseline costs ${n.baseline_per_node_ms} ms per sequential activity on this machine: in its history a task waits a median ${n.baseline_dispatch_ms.activity_task} ms (activity) and ${n.baseline_dispatch_ms.workflow_task} ms (workflow) between scheduled and started, and each activity needs one of each. A local activity skips both: it runs in the worker that holds the workflow task, and a chain of them completes within that one task, so what remains per node is the executor; a straight chain of cheap nodes is one local activity whose node records go out in one statement.`);
    if (!n.regular.met || !n.local.met) lines.push('', 'Likely causes of the miss:', '', ...causes(e.database).map((c) => `- ${c}`));
  }
  if (t) {
    lines.push('', '## 2. Throughput', '',
      `${t.concurrency} closed-loop clients each start a run and wait for its result, for ${t.seconds} s; platform: a 3-node workflow (input → transform → output) via POST /executions; baseline: a one-activity Temporal workflow. Rate = completed ÷ (first start → last completion); also the median of ${t.platform.slices} equal slices of the window.`, '',
      '| | started | completed | completed/s | median of slices | end-to-end median / p99 ms | machine CPU per run |', '|---|---|---|---|---|---|---|',
      `| platform | ${t.platform.started} | ${t.platform.completed} | ${t.platform.per_second} | ${t.platform.per_second_median_of_slices} | ${ms(t.platform.end_to_end_ms)} | ${cpuPerRun(t.platform)} |`,
      `| baseline | ${t.baseline.started} | ${t.baseline.completed} | ${t.baseline.per_second} | ${t.baseline.per_second_median_of_slices} | ${ms(t.baseline.end_to_end_ms)} | ${cpuPerRun(t.baseline)} |`, '',
      `Lost: ${t.platform.lost}, duplicated: ${t.platform.duplicated}, rows not \`completed\`: ${t.platform.not_completed} (202s vs \`executions\` rows vs 3 \`node_executions\` rows each).`,
      ...cpuBound(t.platform, e.cpus),
      `Ratio ${t.ratio}× against ${t.target}: ${verdict(t.met)}.${t.absolute_target ? ` Absolute: ${t.platform.per_second}/s, p99 ${t.platform.end_to_end_ms.p99} ms against ${t.absolute_target}: ${verdict(t.absolute_met)}.` : ''} Peak RSS: bench process ${t.memory.bench_process_rss_mb} MB, Temporal dev server ${t.memory.temporal_server_rss_mb} MB; load average after ${t.memory.load_average_after.join(', ')}.`);
    if (!t.met || t.absolute_met === false) lines.push('', 'Likely causes of the miss:', '', ...causes(e.database).map((c) => `- ${c}`));
  }
  if (l) {
    lines.push('', '## 3. Latency', '',
      `${l.rate_per_second} starts/s for ${l.seconds} s, open loop (a start every ${Math.round(1000 / l.rate_per_second)} ms whatever the answers). Platform: POST /executions (async, 3-node workflow) response time, and POST sent → the first \`node_executions.started_at\` (same machine clock). Baseline: \`client.workflow.start\` response time, and start → the first line of its one activity.`, '',
      '| | response median / p99 | → first node/activity running median / p99 | errors |', '|---|---|---|---|',
      `| platform | ${ms(l.platform.post_response_ms)} | ${ms(l.platform.post_to_first_node_running_ms)} | ${l.platform.errors} |`,
      `| baseline | ${ms(l.baseline.start_response_ms)} | ${ms(l.baseline.start_to_first_activity_running_ms)} | ${l.baseline.errors} |`, '',
      `Ratios ${l.ratio_response}× (response) and ${l.ratio_first_running}× (first running). First node running against ${l.first_running_target}: ${verdict(l.first_running_met)}. Peak RSS: bench process ${l.memory.bench_process_rss_mb} MB, Temporal dev server ${l.memory.temporal_server_rss_mb} MB; load average after ${l.memory.load_average_after.join(', ')}.`,
      'The gap to first node running is the POST itself (auth, workflow read, live-execution count, row insert, Temporal start) and the eagerly started first workflow task, whose one local activity writes the start and then runs the nodes.', '',
      `Burst: ${l.burst.rate_per_second} POSTs/s open loop for ${l.burst.seconds} s (${l.burst.post_response_ms.n} answered, ${l.burst.errors} errors): response ${ms(l.burst.post_response_ms)} against ${l.burst.target}: ${verdict(l.burst.met)}. The runs these start execute meanwhile in the same process and on the same 2 cores; each POST also costs a Temporal start RPC and three Postgres statements.${l.half_burst ? ` At half the rate (${l.half_burst.rate_per_second}/s, ${l.half_burst.post_response_ms.n} answered, ${l.half_burst.errors} errors) the response is ${ms(l.half_burst.post_response_ms)}.` : ''}`);
    if (!l.burst.met) lines.push('', 'Likely causes of the miss:', '', ...causes(e.database).map((c) => `- ${c}`));
  }
  if (r.scenarios.history_paging) lines.push(...historyPagingSection(r.scenarios.history_paging, e.database));
  if (r.scenarios.live_status) lines.push(...liveStatusSection(r.scenarios.live_status));
  if (r.scenarios.memory) lines.push(...memorySection(r.scenarios.memory, e.database));
  if (r.scenarios.human_waits) lines.push(...humanWaitsSection(r.scenarios.human_waits));
  if (r.scenarios.rerun) lines.push(...rerunSection(r.scenarios.rerun));
  if (r.not_measured.length) lines.push('', '## Not measured', '', ...r.not_measured.map((s) => `- ${s}`));
  return `${lines.join('\n')}\n`;
}

/** Busy CPU of every process on the machine per completed run (older results files lack it). */
function cpuPerRun(loop: { machine_cpu_ms_per_run?: number }): string {
  return loop.machine_cpu_ms_per_run === undefined ? '—' : `${loop.machine_cpu_ms_per_run} ms`;
}

/** What the measured CPU per run allows on this machine's cores, when the results file has it. */
function cpuBound(loop: { machine_cpu_ms_per_run?: number }, cores: number): string[] {
  const perRun = loop.machine_cpu_ms_per_run;
  if (!perRun) return [];
  return [`Busy CPU across all processes was ${perRun} ms per completed run, so ${cores} cores allow at most ~${Math.round((cores * 1000) / perRun)} runs/s on this machine that day: at saturation the rate is what the CPU allows.`];
}
