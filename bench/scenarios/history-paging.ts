import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { count, inArray, sql } from 'drizzle-orm';
import { countExecutions, executionFilterConditions, executions, listExecutionPage, type ExecutionFilters } from '@trellis/db';
import { EXACT_COUNT_LIMIT } from '../../apps/api/src/paging/execution-pages';
import { encodeCursor } from '../../apps/api/src/paging/page-cursor';
import type { BenchStack } from '../stack';
import { ratio, summarize, type Summary } from '../stats';

/** Owners of the seeded rows: fixed, so a run that died before cleaning up is cleaned up by the next. */
const BIG_OWNER = 'bench-history-big';
const OTHER_OWNERS = ['bench-history-o8', 'bench-history-o9'];
const BIG_WORKFLOW = 'bench-history-wf-big';
const DEPTHS = [1_000, 100_000, 500_000];
const OFFSET_DEPTH = 500_000;
const PAGE_SIZE = 20;
const TARGET_P99_MS = 20;
const TARGET_RATIO = 100;

export interface DepthTiming {
  depth: number;
  ms: Summary;
}

export interface EndpointTimings {
  path: string;
  first_page_ms: Summary;
  cursor_ms: DepthTiming[];
  offset_depth: number;
  /** The page-number (OFFSET) request at `offset_depth`, few samples. */
  offset_ms: Summary;
  /** OFFSET median ÷ cursor median at the same depth. */
  ratio: number;
  /** The cursor page and the OFFSET page at that depth held the same executions. */
  same_rows: boolean;
}

export interface HistoryPagingResult {
  rows: number;
  owner_rows: number;
  workflow_rows: number;
  page_size: number;
  samples: number;
  seed_seconds: number;
  cleanup_seconds: number;
  list: EndpointTimings;
  history: EndpointTimings;
  /** In-process time to compute a total, by way of computing it. */
  totals_ms: {
    owner_counters: Summary;
    workflow_counters: Summary;
    status_filtered: Summary;
    status_filtered_exact: boolean;
    exact_count_star: Summary;
  };
  /** In-process database work of the deepest per-workflow cursor page: page query and total, concurrently. */
  database_ms: Summary;
  /** A bare loopback HTTP round trip in the same process: this machine's floor and noise for the figures above. */
  bare_http_ms: Summary;
  worst_p99_ms: number;
  target: string;
  met_latency: boolean;
  met_ratio: boolean;
  met: boolean;
  load_average_before: number[];
  load_average_after: number[];
}

/**
 * Scenario 4: `rows` executions seeded straight into Postgres with one INSERT … SELECT generate_series
 * (80 % one owner, 70 % one workflow of that owner; 3 rows per timestamp; ~1 % test runs), then over HTTP:
 * first pages, cursor pages at depths 1k/100k/500k (cursors from a direct lookup of the row before that
 * depth), and the page-number (OFFSET) request at depth 500k, for GET /executions and the per-workflow history.
 */
export async function measureHistoryPaging(
  stack: BenchStack,
  options: { rows: number; samples: number; offsetSamples: number },
): Promise<HistoryPagingResult> {
  const { db } = stack.database;
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  await removeSeeded(stack);
  const seedStarted = performance.now();
  await seed(stack, options.rows);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  try {
    const token = stack.tokenFor(BIG_OWNER);
    const ownerFilters: ExecutionFilters = { ownerId: BIG_OWNER };
    const workflowFilters: ExecutionFilters = { ownerId: BIG_OWNER, workflowId: BIG_WORKFLOW };
    const ownerRows = (await countExecutions(db, ownerFilters, { exactUpTo: EXACT_COUNT_LIMIT })).total;
    const workflowRows = (await countExecutions(db, workflowFilters, { exactUpTo: EXACT_COUNT_LIMIT })).total;
    const get = timedGet(stack.apiUrl, token);

    const endpoint = async (
      path: string,
      sizeParam: string,
      pageParam: string,
      filters: ExecutionFilters,
      available: number,
    ): Promise<EndpointTimings> => {
      const first = `${path}?${sizeParam}=${PAGE_SIZE}`;
      // Fewer rows (e.g. under PGlite) clamp the depths to the deepest whole page.
      const clamp = (depth: number) => Math.floor(Math.min(depth, available - PAGE_SIZE) / PAGE_SIZE) * PAGE_SIZE;
      const depths = [...new Set(DEPTHS.map(clamp))];
      const offsetDepth = clamp(OFFSET_DEPTH);
      const cursorAt = async (depth: number) => {
        const before = await listExecutionPage(db, filters, { limit: 1, offset: depth - 1 });
        return `${first}&cursor=${encodeURIComponent(encodeCursor(before.last!, filters))}`;
      };
      const firstPage = await get.repeat(first, options.samples);
      const byDepth = new Map<number, Awaited<ReturnType<typeof get.repeat>>>();
      for (const depth of depths) byDepth.set(depth, await get.repeat(await cursorAt(depth), options.samples));
      const deepCursor = byDepth.get(offsetDepth)!;
      const offset = await get.repeat(`${first}&${pageParam}=${offsetDepth / PAGE_SIZE + 1}`, options.offsetSamples, 1);
      return {
        path: first,
        first_page_ms: firstPage.ms,
        cursor_ms: depths.map((depth) => ({ depth, ms: byDepth.get(depth)!.ms })),
        offset_depth: offsetDepth,
        offset_ms: offset.ms,
        ratio: ratio(offset.ms.median, deepCursor.ms.median),
        same_rows: JSON.stringify(idsOf(deepCursor.body)) === JSON.stringify(idsOf(offset.body)),
      };
    };
    const list = await endpoint('/executions', 'size', 'page', ownerFilters, ownerRows);
    const history = await endpoint(`/workflows/${BIG_WORKFLOW}/history`, 'page_size', 'page_index', workflowFilters, workflowRows);

    const time = async (samples: number, work: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const begin = performance.now();
        await work();
        ms.push(performance.now() - begin);
      }
      return summarize(ms);
    };
    const statusFilters: ExecutionFilters = { ownerId: BIG_OWNER, statuses: ['completed'] };
    const totals = {
      owner_counters: await time(options.samples, () => countExecutions(db, ownerFilters, { exactUpTo: EXACT_COUNT_LIMIT })),
      workflow_counters: await time(options.samples, () => countExecutions(db, workflowFilters, { exactUpTo: EXACT_COUNT_LIMIT })),
      status_filtered: await time(options.samples, () => countExecutions(db, statusFilters, { exactUpTo: EXACT_COUNT_LIMIT })),
      status_filtered_exact: (await countExecutions(db, statusFilters, { exactUpTo: EXACT_COUNT_LIMIT })).exact,
      exact_count_star: await time(options.offsetSamples, () =>
        db.select({ n: count() }).from(executions).where(executionFilterConditions(ownerFilters)),
      ),
    };

    const deepest = await listExecutionPage(db, workflowFilters, { limit: 1, offset: history.offset_depth - 1 });
    const databaseMs = await time(options.samples, () =>
      Promise.all([
        listExecutionPage(db, workflowFilters, { limit: PAGE_SIZE, after: deepest.last }),
        countExecutions(db, workflowFilters, { exactUpTo: EXACT_COUNT_LIMIT }),
      ]),
    );
    const bareHttpMs = await bareRoundTrips(options.samples);

    const fastPaths = [list, history].flatMap((e) => [e.first_page_ms, ...e.cursor_ms.map((c) => c.ms)]);
    const worstP99 = Math.max(...fastPaths.map((s) => s.p99));
    const metLatency = worstP99 < TARGET_P99_MS;
    const metRatio = list.ratio >= TARGET_RATIO && history.ratio >= TARGET_RATIO;
    const cleanupStarted = performance.now();
    await removeSeeded(stack);
    return {
      rows: options.rows,
      owner_rows: ownerRows,
      workflow_rows: workflowRows,
      page_size: PAGE_SIZE,
      samples: options.samples,
      seed_seconds: +seedSeconds.toFixed(1),
      cleanup_seconds: +((performance.now() - cleanupStarted) / 1000).toFixed(1),
      list,
      history,
      totals_ms: totals,
      database_ms: databaseMs,
      bare_http_ms: bareHttpMs,
      worst_p99_ms: worstP99,
      target: `p99 < ${TARGET_P99_MS} ms at every depth; ≥ ${TARGET_RATIO}× faster than OFFSET at depth 500k`,
      met_latency: metLatency,
      met_ratio: metRatio,
      met: metLatency && metRatio,
      load_average_before: loadBefore,
      load_average_after: loadavg().map((x) => +x.toFixed(2)),
    };
  } catch (error) {
    await removeSeeded(stack);
    throw error;
  }
}

/**
 * One INSERT … SELECT generate_series; then VACUUM ANALYZE, the state autovacuum reaches after a bulk load
 * (and so it does not start in the middle of the measurements).
 */
async function seed(stack: BenchStack, rows: number): Promise<void> {
  const { db } = stack.database;
  await db.execute(sql`
    insert into executions (id, owner_id, workflow_id, workflow_version, workflow_name, temporal_run_id, status, mode, is_test,
      input_data, output_data, usage, total_nodes, completed_nodes, progress, message, created_at, updated_at, started_at, finished_at)
    select 'bench-history-' || lpad(i::text, 8, '0'),
      case when i % 10 < 8 then ${BIG_OWNER}::text else 'bench-history-o' || (i % 10) end,
      case when i % 10 < 7 then ${BIG_WORKFLOW}::text else 'bench-history-wf-' || (i % 10) end,
      1, 'history paging', md5(i::text), case when i % 50 = 0 then 'failed' else 'completed' end, 'async', i % 97 = 0,
      jsonb_build_object('topic', 'history paging', 'n', i), jsonb_build_object('result', md5(i::text)),
      '{"prompt_tokens": 12, "completion_tokens": 30, "total_tokens": 42}'::jsonb, 3, 3, 1, 'completed', t, t, t, t + interval '40 ms'
    from generate_series(1, ${rows}::int) i,
      lateral (select timestamptz '2026-01-01 00:00:00.000123+00' + (i / 3) * interval '10 ms' as t) ts`);
  await db.execute(sql`vacuum (analyze) executions`);
  await db.execute(sql`vacuum (analyze) execution_counts`);
}

async function removeSeeded(stack: BenchStack): Promise<void> {
  await stack.database.db.delete(executions).where(inArray(executions.ownerId, [BIG_OWNER, ...OTHER_OWNERS]));
}

/** Round trips to a server that answers `{}` at once, timed like the API requests. */
async function bareRoundTrips(samples: number): Promise<Summary> {
  const server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const ms: number[] = [];
    for (let i = 0; i < samples + 20; i++) {
      const begin = performance.now();
      await (await fetch(`http://127.0.0.1:${port}/`)).json();
      if (i >= 20) ms.push(performance.now() - begin);
    }
    return summarize(ms);
  } finally {
    server.close();
  }
}

function idsOf(body: unknown): string[] {
  const page = body as { items?: Array<{ id: string }>; histories?: Array<{ execute_id: string }> };
  return page.items?.map((e) => e.id) ?? page.histories?.map((h) => h.execute_id) ?? [];
}

/** Sequential GETs against the API, timed from request to parsed body; the first `warmup` are discarded. */
function timedGet(apiUrl: string, token: string) {
  return {
    async repeat(path: string, samples: number, warmup = Math.min(20, samples)): Promise<{ ms: Summary; body: unknown }> {
      const ms: number[] = [];
      let body: unknown;
      for (let i = 0; i < warmup + samples; i++) {
        const begin = performance.now();
        const res = await fetch(`${apiUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
        body = await res.json();
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
        if (i >= warmup) ms.push(performance.now() - begin);
      }
      return { ms: summarize(ms), body };
    },
  };
}
