// `npx tsx bench/expression-round-trip.ts`: what one evaluation costs in the sandbox pool against the same
// evaluation in the calling thread, for a chain-sized context (40 node outputs). Prints figures; asserts nothing.
import type { ExpressionContext } from '@trellis/definition';
import { createExpressionPool, createInProcessEvaluator, type ExpressionEvaluator } from '@trellis/executors';

const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 2_000);
const nodes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`t${i}`, { value: i, label: `node ${i}` }]));
const context: ExpressionContext = { input: { n: 1 }, nodes, variables: {}, execution: { id: 'bench', workflow_id: 'bench' } };
const SOURCE = '{"value": nodes.t5.value + input.n, "label": nodes.t5.label}';

async function microsecondsPerEvaluation(evaluator: ExpressionEvaluator, concurrency: number): Promise<number> {
  for (let i = 0; i < 200; i++) await evaluator.evaluate(SOURCE, context); // warm-up
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < EVALUATIONS / concurrency; i++) await evaluator.evaluate(SOURCE, context);
    }),
  );
  return ((performance.now() - started) * 1000) / EVALUATIONS;
}

async function main(): Promise<void> {
  const pool = createExpressionPool();
  const inProcess = createInProcessEvaluator();
  const rows: Record<string, number> = {};
  // Interleaved, three times each, so both see the same machine load; the median is reported.
  const samples: Record<string, number[]> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, evaluator, concurrency] of [
      ['in_process_sequential_us', inProcess, 1],
      ['pool_sequential_us', pool, 1],
      ['pool_16_at_once_us', pool, 16],
    ] as const) {
      (samples[name] ??= []).push(await microsecondsPerEvaluation(evaluator, concurrency));
    }
  }
  for (const [name, values] of Object.entries(samples)) rows[name] = Math.round(values.sort((a, b) => a - b)[1]!);
  await pool.close();
  console.log(JSON.stringify({ evaluations: EVALUATIONS, context_nodes: 40, ...rows }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
