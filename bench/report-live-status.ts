import type { LiveStatusResult } from './scenarios/live-status';

type Peak = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const cells = (s: { median: number; p99: number; max: number }) => `${s.median} | ${s.p99} | ${s.max}`;

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
    '',
    '## 5. Live status',
    '',
    "Events reach sockets this way: a writer commits its events (gapless `seq` under the execution row lock), then hands them to its process's event announcer, which coalesces a few milliseconds of announcements into one `select pg_notify(...)` outside any transaction (one `<id>:<first>-<last>` entry per execution; on Postgres over a connection of its own). Each API process reads for all the executions it follows at once: one query per batch of notifications, each execution's page fanned out to every follower from its own `since`, each event serialized once and a socket's share of a page sent in one write; a 2 s poll covers lost notifications.",
    '',
    `**Node finished → WebSocket.** ${a.executions} executions started at once through POST /executions, each followed by its own \`/ws/:id?since=0\` opened when its POST answered. Each runs input → an llm node on the loopback wire provider that answers after ${a.wait_ms} ms (so the sockets are open before the rest runs) → ${a.nodes - 3} no-op transforms → output, nodes as local activities (the default). Latency runs from the node row's \`finished_at\` to the socket receiving \`node.completed\` (same clock); ${a.latency_ms.n} node completions counted, ${a.replayed} that finished before their socket opened (replayed) left out.`,
    '',
    '| | median | p99 | max |',
    '|---|---|---|---|',
    `| **node finished → socket** | **${a.latency_ms.median}** | **${a.latency_ms.p99}** | ${a.latency_ms.max} |`,
    `| node finished → its transaction starts (event \`created_at\`) | ${cells(a.breakdown_ms.finished_to_transaction_start)} |`,
    `| transaction start → NOTIFY reaches the API process | ${cells(a.breakdown_ms.transaction_start_to_notification)} |`,
    `| NOTIFY → socket (shared read, fan-out, send) | ${cells(a.breakdown_ms.notification_to_socket)} |`,
    '',
    `The parts are cut per event and do not add up exactly (each is its own distribution). Event-loop delay of the one process meanwhile: p50 ${a.event_loop_delay_ms.p50} ms, p99 ${a.event_loop_delay_ms.p99} ms, max ${a.event_loop_delay_ms.max} ms.`,
    `Target ${a.target}: ${verdict(a.met)}.`,
    '',
    `**Fan-out.** ${b.listeners} WebSockets on one execution (one user; the bench raises the per-user socket cap), then ${b.events} one-event transactions appended directly and announced after commit, back to back. ${b.deliveries.toLocaleString('en-US')} deliveries in ${b.seconds} s from the first write to the last listener holding every event: **${b.per_second.toLocaleString('en-US')} deliveries/s**; listeners missing, repeating or reordering an event: ${b.listeners_wrong}. The writer and the listeners run in the API's process: committing the ${b.events} events took ${b.write_seconds} s of that, the writer's round trips waiting on the event loop that does the fan-out (a socket gets what one read found in one write, so the faster events come, the fewer writes per event). Target ${b.target}: ${verdict(b.met)}.`,
    '',
    `**Write path.** ${c.writers} concurrent writers, each on its own execution, commit one-event transactions through appendEvents for ${c.seconds_per_variant} s per variant (two interleaved rounds), on ${c.database}.`,
    '',
    '| variant | transactions/s | NOTIFY payloads/s | ÷ no notify |',
    '|---|---|---|---|',
    `| no notification | ${t.no_notify} | ${n.no_notify} | 1 |`,
    `| pg_notify inside each transaction (before) | ${t.notify_in_transaction} | ${n.notify_in_transaction} | ${c.ratio_notify_in_transaction}× |`,
    `| announcer after commit (now) | ${t.announcer_after_commit} | ${n.announcer_after_commit} | ${c.ratio_announcer}× |`,
    '',
    `Target ${c.target}: ${verdict(c.met)}. Peak RSS: bench process ${s.memory.bench_process_rss_mb} MB, Temporal dev server ${s.memory.temporal_server_rss_mb} MB; load average after ${s.memory.load_average_after.join(', ')}.`,
  ];
}
