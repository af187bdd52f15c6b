import type { LiveStatusResult } from './scenarios/live-status';

type Peak = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** Summary-table rows of scenario 5. */
export function liveStatusSummaryRows(s: LiveStatusResult): string[] {
  const { node_finished_to_ws: a, fan_out: b, write_path: c } = s;
  return [
    `| 5. node finished → WebSocket, ${a.executions} concurrent executions | ${a.latency_ms.median} / ${a.latency_ms.p99} ms | — | — | ${a.target} | ${verdict(a.met)} |`,
    `| 5. one execution's events to ${b.listeners} WebSockets | ${b.per_second.toLocaleString('en-US')} deliveries/s | — | — | ${b.target} | ${verdict(b.met)} |`,
    `| 5. writes with events announced after commit (${c.database}, ${c.writers} writers) | ${c.transactions_per_second.announcer_after_commit} tx/s | ${c.transactions_per_second.no_notify} tx/s (no notify) | ${c.ratio_announcer}× | ${c.target} | ${verdict(c.met)} |`,
  ];
}

/** The "5. Live status" section. */
export function liveStatusSection(s: LiveStatusResult & { memory: Peak }): string[] {
  const { node_finished_to_ws: a, fan_out: b, write_path: c } = s;
  const t = c.transactions_per_second;
  const n = c.notifications_per_second;
  return [
    '', '## 5. Live status', '',
    'Events reach sockets this way: a writer commits its events (gapless `seq` under the execution row lock), then hands them to its process\'s event announcer, which coalesces a few milliseconds of announcements into one `select pg_notify(...)` outside any transaction (one `<id>:<first>-<last>` entry per execution). Each API process keeps one reader per followed execution: one query per notification, fanned out to every follower from its own `since`, each event serialized once; a 2 s poll covers lost notifications.',
    '',
    `**Node finished → WebSocket.** ${a.executions} executions of a ${a.nodes}-node chain (input → no-op transforms → output) started at once through POST /executions, each followed by its own \`/ws/:id?since=0\`. Latency runs from the node row's \`finished_at\` to the socket receiving \`node.completed\` (same clock); ${a.latency_ms.n} node completions counted, ${a.replayed} that finished before their socket opened (replayed) left out.`,
    '',
    '| median | p99 | min | max | samples |', '|---|---|---|---|---|',
    `| ${a.latency_ms.median} | ${a.latency_ms.p99} | ${a.latency_ms.min} | ${a.latency_ms.max} | ${a.latency_ms.n} |`,
    '',
    `Target ${a.target}: ${verdict(a.met)}.`,
    '',
    `**Fan-out.** ${b.listeners} WebSockets on one execution (one user; the bench raises the per-user socket cap), then ${b.events} one-event transactions appended directly and announced after commit, back to back. ${b.deliveries.toLocaleString('en-US')} deliveries in ${b.seconds} s from the first write to the last listener holding every event: **${b.per_second.toLocaleString('en-US')} deliveries/s**; listeners missing, repeating or reordering an event: ${b.listeners_wrong}. The listeners run in the same process as the API. Target ${b.target}: ${verdict(b.met)}.`,
    '',
    `**Write path.** ${c.writers} concurrent writers, each on its own execution, commit one-event transactions through appendEvents for ${c.seconds_per_variant} s per variant (two interleaved rounds), on ${c.database}.`,
    '',
    '| variant | transactions/s | NOTIFY payloads/s | ÷ no notify |', '|---|---|---|---|',
    `| no notification | ${t.no_notify} | ${n.no_notify} | 1 |`,
    `| pg_notify inside each transaction (before) | ${t.notify_in_transaction} | ${n.notify_in_transaction} | ${c.ratio_notify_in_transaction}× |`,
    `| announcer after commit (now) | ${t.announcer_after_commit} | ${n.announcer_after_commit} | ${c.ratio_announcer}× |`,
    '',
    `Target ${c.target}: ${verdict(c.met)}. Peak RSS: bench process ${s.memory.bench_process_rss_mb} MB, Temporal dev server ${s.memory.temporal_server_rss_mb} MB; load average after ${s.memory.load_average_after.join(', ')}.`,
  ];
}
