// `npx tsx bench/console-runs-page.ts`: how fast the console's runs page becomes usable with 10,000 runs in the
// database. Seeds the runs straight into Postgres/PGlite (as the history-paging scenario does), opens the built
// console in Debian's Chromium and prints the figures; nothing is asserted (issue 17: interactive in ≤ 1 s).
import { inArray, sql } from 'drizzle-orm';
import { executions } from '@trellis/db';
import { ensureConsoleBuilt } from '../scripts/console-build';
import { launchBrowser } from '../test/e2e/browser';
import { startBenchStack, type BenchStack } from './stack';
import { summarize } from './stats';

const OWNER = 'bench-console-runs';
const ROWS = Number(process.env.CONSOLE_BENCH_ROWS ?? 10_000);
const SAMPLES = Number(process.env.CONSOLE_BENCH_SAMPLES ?? 7);

/** Records when the first run row appears and when the last long task (main thread busy > 50 ms) ended. */
const PROBE = `
  window.__bench = { rowsAt: 0, lastLongTaskEnd: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.lastLongTaskEnd = Math.max(window.__bench.lastLongTaskEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_m, observer) => {
    if (document.querySelector('tr[data-run-id]')) { window.__bench.rowsAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

async function seed(stack: BenchStack): Promise<void> {
  const { db } = stack.database;
  await db.delete(executions).where(inArray(executions.ownerId, [OWNER]));
  await db.execute(sql`
    insert into executions (id, owner_id, workflow_id, workflow_version, workflow_name, temporal_run_id, status, mode, is_test,
      input_data, output_data, usage, total_nodes, completed_nodes, progress, message, created_at, updated_at, started_at, finished_at)
    select 'bench-console-' || lpad(i::text, 8, '0'), ${OWNER}::text, 'bench-console-wf-' || (i % 5), 1 + i % 3,
      'support triage ' || (i % 5), md5(i::text), case when i % 40 = 0 then 'failed' else 'completed' end, 'async', false,
      jsonb_build_object('n', i), jsonb_build_object('result', md5(i::text)),
      '{"prompt_tokens": 120, "completion_tokens": 300, "total_tokens": 420}'::jsonb, 4, 4, 1, 'completed', t, t, t, t + interval '900 ms'
    from generate_series(1, ${ROWS}::int) i,
      lateral (select now() - (${ROWS}::int - i) * interval '2 s' as t) ts`);
  await db.execute(sql`vacuum (analyze) executions`);
}

async function main(): Promise<void> {
  ensureConsoleBuilt();
  const stack = await startBenchStack();
  const browser = await launchBrowser();
  try {
    const seedStarted = performance.now();
    await seed(stack);
    console.log(`seeded ${ROWS.toLocaleString()} runs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const token = stack.tokenFor(OWNER);
    const rowsVisible: number[] = [];
    const interactive: number[] = [];
    const nextPage: number[] = [];
    const domReady: number[] = [];
    const apiFirstPage: number[] = [];
    for (let i = 0; i < SAMPLES + 1; i++) {
      const begin = performance.now();
      const res = await fetch(`${stack.apiUrl}/api/v1/executions?size=50`, { headers: { authorization: `Bearer ${token}` } });
      await res.json();
      if (i > 0) apiFirstPage.push(performance.now() - begin);
    }
    for (let i = 0; i < SAMPLES + 1; i++) {
      // A fresh context each time: nothing cached, as on a first visit (the first sample warms the server and is dropped).
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: PROBE });
      await page.goto(`${stack.apiUrl}/#token=${token}`);
      await page.locator('tr[data-run-id]').nth(49).waitFor();
      await page.getByRole('button', { name: 'Load more' }).waitFor();
      // Interactive: rows on screen and the main thread free (the later of the two), read after a quiet moment.
      await page.waitForTimeout(300);
      const probe = await page.evaluate<{ rowsAt: number; lastLongTaskEnd: number }>('window.__bench');
      const ready = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
      if (process.env.CONSOLE_BENCH_DEBUG) {
        console.log(
          await page.evaluate<string>(
            "JSON.stringify(performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin, '').slice(0, 60), Math.round(e.startTime), Math.round(e.responseEnd)]))",
          ),
          probe,
        );
      }
      const started = Date.now();
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.locator('tr[data-run-id]').nth(99).waitFor();
      if (i > 0) {
        rowsVisible.push(probe.rowsAt);
        interactive.push(Math.max(probe.rowsAt, probe.lastLongTaskEnd));
        nextPage.push(Date.now() - started);
        domReady.push(ready);
      }
      await context.close();
    }
    const line = (label: string, values: number[]) => {
      const s = summarize(values);
      console.log(`${label.padEnd(34)} median ${s.median.toFixed(0)} ms  max ${s.max.toFixed(0)} ms  (n=${values.length})`);
    };
    console.log(
      `runs page with ${ROWS.toLocaleString()} runs (${process.env.DATABASE_URL ? 'Postgres' : 'PGlite'}), Chromium ${browser.version()}, 1280×800:`,
    );
    line('API GET /executions?size=50 alone', apiFirstPage);
    line('page loaded (DOMContentLoaded)', domReady);
    line('first 50 rows on screen', rowsVisible);
    line('interactive (rows + main thread idle)', interactive);
    line('next page of 50 (cursor, click→rows)', nextPage);
  } finally {
    await browser.close();
    await stack.database.db.delete(executions).where(inArray(executions.ownerId, [OWNER]));
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`console runs-page bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
