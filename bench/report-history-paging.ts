import type { EndpointTimings, HistoryPagingResult } from './scenarios/history-paging';
import type { Summary } from './stats';

type Peak = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ms = (s: Summary) => `${s.median} / ${s.p99}`;
const k = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
const worstP99 = (e: EndpointTimings) => Math.max(e.first_page_ms.p99, ...e.cursor_ms.map((c) => c.ms.p99));

/** Summary-table rows of scenario 4. */
export function historyPagingSummaryRows(h: HistoryPagingResult): string[] {
  const row = (name: string, e: EndpointTimings) =>
    `| 4. ${name}, ${k(h.rows)} rows: cursor page at depth ${k(e.offset_depth)} vs page number (OFFSET) | ${ms(e.cursor_ms.at(-1)!.ms)} | ${ms(e.offset_ms)} (OFFSET) | ${e.ratio}× faster | ${h.target} | ${verdict(worstP99(e) < 20 && e.ratio >= 100)} |`;
  return [row('GET /executions', h.list), row('GET /workflows/{id}/history', h.history)];
}

/** The "4. History paging" section. */
export function historyPagingSection(h: HistoryPagingResult & { memory: Peak }, database: string): string[] {
  const table = (e: EndpointTimings) => [
    `\`GET /api/v1${e.path}\``,
    '',
    '| request | median | p99 | max | samples |',
    '|---|---|---|---|---|',
    `| first page | ${e.first_page_ms.median} | ${e.first_page_ms.p99} | ${e.first_page_ms.max} | ${e.first_page_ms.n} |`,
    ...e.cursor_ms.map(
      (c) => `| cursor at depth ${c.depth.toLocaleString('en')} | ${c.ms.median} | ${c.ms.p99} | ${c.ms.max} | ${c.ms.n} |`,
    ),
    `| page number at depth ${e.offset_depth.toLocaleString('en')} (OFFSET) | ${e.offset_ms.median} | ${e.offset_ms.p99} | ${e.offset_ms.max} | ${e.offset_ms.n} |`,
    '',
    `OFFSET ÷ cursor at depth ${e.offset_depth.toLocaleString('en')}: ${e.ratio}× (medians); the two requests returned ${e.same_rows ? 'the same' : '**different**'} executions.`,
    '',
  ];
  const t = h.totals_ms;
  return [
    '',
    '## 4. History paging',
    '',
    `${h.rows.toLocaleString('en')} executions seeded straight into ${database === 'pglite' ? 'PGlite' : 'Postgres'} with one INSERT … SELECT generate_series (${h.seed_seconds} s, then VACUUM ANALYZE): one owner holds ${h.owner_rows.toLocaleString('en')} (non-test), ${h.workflow_rows.toLocaleString('en')} of them in one workflow; three rows share each timestamp, ~1 % are test runs. Each request goes over loopback HTTP through the API (auth, validation, query, total, JSON) and is timed from sending to the parsed body, ${h.samples} sequential samples after 20 discarded; page size ${h.page_size}. Cursors for a depth come from a direct lookup of the row just before it. Times in ms.`,
    '',
    ...table(h.list),
    ...table(h.history),
    `Totals, computed in-process (ms, median / p99): owner list ${ms(t.owner_counters)} and per-workflow ${ms(t.workflow_counters)} (sums of the trigger-kept \`execution_counts\`, exact); with \`status=completed\` ${ms(t.status_filtered)} (counts up to 10,001 matches, then the planner's estimate: total_exact ${t.status_filtered_exact}); for comparison an exact count(*) of the owner's rows ${ms(t.exact_count_star)}.`,
    `Worst p99 of the first and cursor pages: ${h.worst_p99_ms} ms against p99 < 20 ms: ${verdict(h.met_latency)}; ratios ${h.list.ratio}× and ${h.history.ratio}× against ≥ 100×: ${verdict(h.met_ratio)}.`,
    ...(h.met
      ? []
      : [
          '',
          `Where the time goes: a deep per-workflow cursor request's median is ${h.history.cursor_ms.at(-1)!.ms.median} ms, of which the database work (page query and total, concurrently, in-process) is ${h.database_ms.median} ms and a bare loopback HTTP round trip in the same process ${h.bare_http_ms.median} ms (p99 ${h.bare_http_ms.p99} ms); the rest is Express, auth, validation, DTOs and JSON in a process that also runs the Trellis worker and the Temporal SDK. A cursor page costs the same at any depth, so the ratio is this fixed per-request cost against OFFSET's linear scan of the rows it skips; p99s move with the machine's load (load averages below).`,
        ]),
    `Seeded rows deleted afterwards in ${h.cleanup_seconds} s. Load average before ${h.load_average_before.join(', ')}, after ${h.load_average_after.join(', ')}; peak RSS: bench process ${h.memory.bench_process_rss_mb} MB.`,
  ];
}
