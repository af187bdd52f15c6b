import type { RerunResult } from './scenarios/rerun';

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** Summary-table row of scenario 7. */
export function rerunSummaryRows(r: RerunResult): string[] {
  return [
    `| 7. re-run from the last node of a ${r.nodes}-node chain | ${r.rerun_from_last_node_ms.median} ms | ${r.fresh_smallest_run_ms.median} ms (fresh input → output run) | ${r.ratio}× | ${r.target} | ${verdict(r.met)} |`,
  ];
}

/** The "7. Re-run" section. */
export function rerunSection(r: RerunResult): string[] {
  const row = (name: string, m: RerunResult['fresh_smallest_run_ms']) =>
    `| ${name} | ${m.median} | ${m.p99} | ${m.min} | ${m.max} | ${m.n} |`;
  return [
    '',
    '## 7. Re-run from the last node',
    '',
    `A ${r.nodes}-node chain (input → no-op transforms → output) ran once; then, interleaved, POST /executions/{id}/rerun \`{"from_node": "n${r.nodes - 1}"}\` (the ${r.nodes - 1} nodes before it reused: one statement writes their rows, no activity runs for them) and a fresh POST /executions of the smallest workflow (input → output), each awaited to the end of its Temporal run; one warm-up pair discarded.`,
    '',
    '| | median ms | p99 | min | max | runs |',
    '|---|---|---|---|---|---|',
    row('re-run from the last node', r.rerun_from_last_node_ms),
    row('fresh smallest run', r.fresh_smallest_run_ms),
    '',
    `Ratio ${r.ratio}× against ${r.target}: ${verdict(r.met)}.`,
    ...(r.met
      ? []
      : [
          '',
          'Where the time goes: before starting, the re-run reads the original run, its workflow version and its node rows (one query) and carries the reused outputs in its Temporal input; its one local activity writes the start with the reused rows and events in one statement and the re-run node with the completion in a second, where a fresh small run writes everything in one statement.',
        ]),
  ];
}
