import type { HumanWaitsResult } from './scenarios/human-waits';
import type { Summary } from './stats';

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ms = (s: Summary) => `${s.median} / ${s.p99} ms`;

/** Summary-table rows of scenario 6b (held with the memory scenario). */
export function humanWaitsSummaryRows(h: HumanWaitsResult): string[] {
  return [
    `| 6b. memory: ${h.executions} runs waiting on a human node | ${h.per_wait_mb} MB heap each, ${h.activities_in_flight_while_waiting} activities in flight | — | — | ${h.heap_target} | ${verdict(h.heap_met)} |`,
    `| 6b. answer → next node running | ${ms(h.answer_to_next_running_ms)} | — | — | ${h.answer_target} | ${verdict(h.answer_met)} |`,
  ];
}

/** The "6b. Human waits" section. */
export function humanWaitsSection(h: HumanWaitsResult): string[] {
  return [
    '',
    '## 6b. Human waits',
    '',
    `**${h.executions} runs waiting at once.** Each runs input → human → llm → output and stops at the human node (a wait is workflow state: a condition with a timer, no activity). All reached \`waiting\` ${h.start_to_all_waiting_ms} ms after the first start; meanwhile the worker had ${h.activities_in_flight_while_waiting} activities in flight and ${h.cached_while_waiting} runs in its cache. Worker heap after GC (main thread + workflow threads) went from ${h.heap_before_mb} MB to ${h.heap_after_mb} MB: ${h.per_wait_mb} MB per waiting run against ${h.heap_target}: ${verdict(h.heap_met)}.`,
    '',
    `**Answer → next node running.** ${h.answer_to_next_running_ms.n} waits answered one at a time (POST …/nodes/ask/answer, a Workflow Update that returns once the answer is recorded), timed from the POST to the \`started_at\` of the llm node after the wait (same machine clock): median / p99 ${ms(h.answer_to_next_running_ms)} against ${h.answer_target}: ${verdict(h.answer_met)}; the POST itself answered in ${ms(h.answer_response_ms)}. The rest were cancelled.`,
  ];
}
