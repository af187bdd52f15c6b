import type { MemoryResult } from './scenarios/memory';

type Peak = { bench_process_rss_mb: number; temporal_server_rss_mb: number; load_average_after: number[] };

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const mb = (x: number | null) => (x === null ? 'not measured' : `${x} MB`);

/** Summary-table rows of scenario 6. */
export function memorySummaryRows(m: MemoryResult): string[] {
  const { idle, paused: p } = m;
  return [
    `| 6. memory: whole stack idle | ${idle.total_mb} MB | — | — | ${idle.target} | ${verdict(idle.met)} |`,
    `| 6. memory: ${p.executions} paused executions held by one worker | ${p.per_execution_mb} MB heap each, ${p.cache.evicted} evicted | — | — | ${p.target} | ${verdict(p.met)} |`,
  ];
}

/** The "6. Memory" section. */
export function memorySection(m: MemoryResult & { memory: Peak }, database: string): string[] {
  const { idle, paused: p } = m;
  const postgres = idle.postgres
    ? `Postgres ${idle.postgres.pss_sum_mb} MB PSS over ${idle.postgres.processes} processes (their RSS sum, ${idle.postgres.rss_sum_mb} MB, counts shared buffers once per process that touched them)`
    : database === 'pglite'
      ? 'Postgres: PGlite, inside the bench process'
      : 'Postgres: not on this machine, not measured';
  const heap = (h: MemoryResult['paused']['heap_before']) =>
    `${h.main_mb} MB main thread, ${h.workflow_threads_mb.join(' + ')} MB workflow threads`;
  const lines = [
    '',
    '## 6. Memory',
    '',
    `**Idle.** After a warm-up (3 executions started, paused, resumed, completed) and with nothing running: bench process (API, Trellis worker, baseline worker${database === 'pglite' ? ', PGlite' : ''}) ${idle.bench_process_rss_mb} MB RSS, Temporal dev server ${mb(idle.temporal_server_rss_mb)} RSS, ${postgres}. Total ${idle.total_mb} MB against ${idle.target}: ${verdict(idle.met)}.`,
    '',
    `**${p.executions} paused executions.** Each runs input → llm → output, the llm node calling a loopback OpenAI-wire server that answers after a delay; each is paused (POST /executions/:id/pause) as soon as its row is \`running\`, so the pause lands while the llm node runs. Once all are \`paused\` and their llm calls have finished, every isolate is garbage-collected (inspector \`HeapProfiler.collectGarbage\`; Temporal runs workflows in worker threads with their own heaps) and the used heap compared with the same reading before the first start.`,
    '',
    '| | before | held | per execution |',
    '|---|---|---|---|',
    `| worker heap (whole process) | ${heap(p.heap_before)} | ${heap(p.heap_after)} | **${p.per_execution_mb} MB** (workflow threads ${p.per_execution_workflow_thread_mb}, main thread ${p.per_execution_main_thread_mb}) |`,
    `| cached workflows (max ${p.cache.max_cached_workflows}) | ${p.cache.cached_before} | ${p.cache.cached_while_held} (lowest over 5 s: ${p.cache.lowest_while_held}) | ${p.cache.evicted} evicted |`,
    '',
    `Paused: ${p.paused} of ${p.executions} (${p.not_paused} ended before their pause landed); starting and pausing them took ${p.start_and_pause_ms} ms. While held, the bench process RSS had grown ${p.bench_process_rss_growth_mb} MB and the Temporal dev server's ${mb(p.temporal_server_rss_growth_mb)}. Resuming all of them: ${p.completed_after_resume} completed, ${p.resume_to_all_completed_ms} ms from the first resume to the last \`completed\` row.`,
    `Target ${p.target}: ${verdict(p.met)}. Peak RSS during the scenario${p.heap_profile ? ' (the heap snapshot below included)' : ''}: bench process ${m.memory.bench_process_rss_mb} MB, Temporal dev server ${m.memory.temporal_server_rss_mb} MB; load average after ${m.load_average_after.join(', ')}.`,
  ];
  if (p.heap_profile) {
    lines.push(
      '',
      'Largest constructors by self size in the Trellis workflow thread while held (heap snapshot):',
      '',
      '| constructor | count | MB |',
      '|---|---|---|',
      ...p.heap_profile.map(
        (c) => `| ${c.constructor.replace(/\|/g, '\\|')} | ${c.count} | ${Math.round((c.bytes / 2 ** 20) * 10) / 10} |`,
      ),
    );
  }
  return lines;
}
