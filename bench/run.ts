// `npm run bench`: starts the embedded stack, runs the scenarios, writes bench/results/<date>.json and docs/benchmarks.md.
// `--render <results.json>` only regenerates the docs page. Prints figures and the targets they are held against; asserts nothing. BENCH_ONLY=node_overhead,throughput,latency,history_paging,live_status,memory,human_waits,rerun picks scenarios (memory includes human_waits).
import { describeEnvironment, sampleMemory } from './environment';
import type { BenchResults } from './bench-results';
import { renderReport, writeReport } from './report';
import { measureHistoryPaging } from './scenarios/history-paging';
import { measureHumanWaits } from './scenarios/human-waits';
import { measureLatency } from './scenarios/latency';
import { measureLiveStatus } from './scenarios/live-status';
import { measureMemory } from './scenarios/memory';
import { measureNodeOverhead } from './scenarios/node-overhead';
import { measureRerun } from './scenarios/rerun';
import { measureThroughput } from './scenarios/throughput';
import { startBenchStack } from './stack';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);

const NOT_MEASURED: string[] = [];

async function main(): Promise<void> {
  const render = process.argv.indexOf('--render');
  if (render >= 0) return renderReport(process.argv[render + 1]!);
  const stack = await startBenchStack();
  const results: BenchResults = {
    date: new Date().toISOString(),
    environment: await describeEnvironment(stack.database.kind, stack.ownDevServer),
    scenarios: {},
    not_measured: NOT_MEASURED,
  };
  const measure = async <T>(name: string, run: () => Promise<T>) => {
    console.error(`bench: ${name}…`);
    const memory = sampleMemory();
    const result = await run();
    const withMemory = { ...result, memory: memory.stop() };
    console.log(JSON.stringify({ scenario: name, ...withMemory }));
    return withMemory;
  };
  try {
    if (wanted('node_overhead'))
      results.scenarios.node_overhead = await measure('node_overhead', () =>
        measureNodeOverhead(stack, { nodes: env('BENCH_CHAIN', 40), runs: Math.max(5, env('BENCH_RUNS', 7)) }),
      );
    if (wanted('throughput'))
      results.scenarios.throughput = await measure('throughput', () =>
        measureThroughput(stack, { seconds: env('BENCH_SECONDS', 60), concurrency: env('BENCH_CONCURRENCY', 32), slices: 5 }),
      );
    if (wanted('latency'))
      results.scenarios.latency = await measure('latency', () =>
        measureLatency(stack, {
          ratePerSecond: env('BENCH_RATE', 4),
          seconds: env('BENCH_LATENCY_SECONDS', 20),
          burstRatePerSecond: env('BENCH_BURST_RATE', 100),
          burstSeconds: env('BENCH_BURST_SECONDS', 5),
        }),
      );
    if (wanted('history_paging'))
      results.scenarios.history_paging = await measure('history_paging', () =>
        measureHistoryPaging(stack, {
          rows: env('BENCH_HISTORY_ROWS', 1_000_000),
          samples: env('BENCH_HISTORY_SAMPLES', 200),
          offsetSamples: 5,
        }),
      );
    if (wanted('live_status'))
      results.scenarios.live_status = await measure('live_status', () =>
        measureLiveStatus(stack, {
          executions: env('BENCH_LIVE_EXECUTIONS', 100),
          nodes: 6,
          waitMs: env('BENCH_LIVE_WAIT_MS', 5_000),
          listeners: env('BENCH_LISTENERS', 1000),
          burstEvents: env('BENCH_BURST_EVENTS', 200),
          writers: env('BENCH_WRITERS', 12),
          writeSeconds: env('BENCH_WRITE_SECONDS', 5),
          databaseUrl: process.env.DATABASE_URL,
        }),
      );
    if (wanted('memory'))
      results.scenarios.memory = await measure('memory', () =>
        measureMemory(stack, {
          executions: env('BENCH_PAUSED', 1000),
          concurrency: env('BENCH_CONCURRENCY', 10),
          llmDelayMs: env('BENCH_LLM_DELAY_MS', 10_000),
          profile: process.env.BENCH_HEAP_PROFILE === '1',
        }),
      );
    if (wanted('rerun'))
      results.scenarios.rerun = await measure('rerun', () =>
        measureRerun(stack, { nodes: env('BENCH_CHAIN', 40), runs: env('BENCH_RERUNS', 15) }),
      );
    if (wanted('memory') || wanted('human_waits'))
      results.scenarios.human_waits = await measure('human_waits', () =>
        measureHumanWaits(stack, {
          executions: env('BENCH_WAITING', 1000),
          concurrency: env('BENCH_CONCURRENCY', 10),
          answers: env('BENCH_ANSWERS', 50),
        }),
      );
  } finally {
    await stack.close();
  }
  // A partial run (BENCH_ONLY) prints its figures but leaves the recorded results and docs alone.
  if (only) return;
  const file = writeReport(results);
  console.error(`bench: wrote ${file} and docs/benchmarks.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
