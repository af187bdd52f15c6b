import type { Browser, Page } from 'playwright-core';
import { api, createWorkflow, startRun } from './api';
import { assertNoBrowserErrors, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';
import { doublingDefinition } from '../rerun-definitions';

const USER = 'reruns-alice';

/** in → plus (n + 1) → times (× 10) → out. */
const chain = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'plus', type: 'transform', config: { expression: 'input.n + 1' } },
    { id: 'times', type: 'transform', config: { expression: 'nodes.plus * 10' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'plus' },
    { source: 'plus', target: 'times' },
    { source: 'times', target: 'out' },
  ],
};

/** in → ask (waits for a person) → out: runs that stay live until answered. */
const asking = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'ask', type: 'human', config: { prompt: 'Go on?' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'ask' },
    { source: 'ask', target: 'out' },
  ],
};

const runStatus = (page: Page) => page.locator('.run-title .badge[data-status]');

/** Polls the API until the run has this status. */
async function waitForStatus(stack: E2eStack, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await api<{ status: string }>(stack, USER, 'GET', `/executions/${id}`)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`run ${id} never became ${status}`);
}

/** The id of the run whose detail page is open. */
const openRunId = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

describe('re-runs', () => {
  let stack: E2eStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('retries a failed run from its failure with corrected input, and links the two runs both ways', async () => {
    const workflowId = await createWorkflow(stack, USER, 'doubling', doublingDefinition);
    const failed = await startRun(stack, USER, workflowId, {}, 'sync');
    expect(failed.status).toBe('failed');
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs/${failed.id}#token=${stack.tokenFor(USER)}`);
    await runStatus(page).filter({ hasText: 'failed' }).waitFor();

    await page.getByRole('button', { name: 'Retry from failure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry from failure' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('in keeps its recorded output');
    await dialog.getByLabel('Input data (JSON)').fill('{"n": 21}');
    await screenshot(page, 'rerun-dialog');
    await dialog.getByRole('button', { name: 'Start re-run' }).click();

    await page.waitForURL((url) => !url.pathname.endsWith(failed.id));
    const rerunId = openRunId(page);
    await runStatus(page).filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    const lineage = page.getByRole('navigation', { name: 'Lineage' });
    await lineage.getByText('from its failed nodes').waitFor();
    expect(await api<{ output_data: unknown; rerun_of: string }>(stack, USER, 'GET', `/executions/${rerunId}`)).toMatchObject({
      output_data: 42,
      rerun_of: failed.id,
    });
    await screenshot(page, 'run-detail-rerun');

    // The runs list marks the re-run; the source run lists it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await page.locator(`tr[data-run-id="${rerunId}"]`).getByText('re-run', { exact: true }).waitFor();
    await page.goBack();
    await lineage.getByRole('link').click();
    await page.waitForURL((url) => url.pathname.endsWith(failed.id));
    await page
      .getByRole('navigation', { name: 'Lineage' })
      .getByRole('link', { name: `Re-run ${rerunId}` })
      .waitFor();
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('re-runs from a node with an edited upstream output, which is all the re-run computes from', async () => {
    const workflowId = await createWorkflow(stack, USER, 'chain', chain);
    const source = await startRun(stack, USER, workflowId, { n: 1 }, 'sync');
    expect(source.status).toBe('completed');
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs/${source.id}#token=${stack.tokenFor(USER)}`);
    await runStatus(page).filter({ hasText: 'completed' }).waitFor();

    await page.getByRole('button', { name: /^Node times/ }).click();
    await page.getByRole('button', { name: 'Re-run from here' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-run from times' });
    const outputs = dialog.getByLabel('Recorded outputs of the reused nodes (JSON)');
    expect(JSON.parse(await outputs.inputValue())).toEqual({ in: { n: 1 }, plus: 2 });
    await outputs.fill('{"in": {"n": 1}, "plus": 5}');
    await dialog.getByRole('button', { name: 'Start re-run' }).click();

    await page.waitForURL((url) => !url.pathname.endsWith(source.id));
    const rerunId = openRunId(page);
    await runStatus(page).filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Lineage' }).getByText('node times').waitFor();
    expect((await api<{ output_data: unknown }>(stack, USER, 'GET', `/executions/${rerunId}`)).output_data).toBe(50);
    const nodes = await api<{ items: { node_id: string; reused: boolean }[] }>(stack, USER, 'GET', `/executions/${rerunId}/nodes`);
    expect(Object.fromEntries(nodes.items.map((n) => [n.node_id, n.reused]))).toEqual({ in: true, plus: true, times: false, out: false });
    // The graph tells reused nodes from those that ran.
    const badge = (id: string) => page.locator(`.react-flow [data-node-id="${id}"] .badge`);
    expect(await badge('plus').textContent()).toBe('reused');
    expect(await badge('times').textContent()).toBe('completed');
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('cancels the ticked runs of the runs list as one bulk action, showing its progress and what it did', async () => {
    const workflowId = await createWorkflow(stack, USER, 'asking', asking);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await startRun(stack, USER, workflowId, { i }));
    for (const run of runs) await waitForStatus(stack, run.id, 'waiting');
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs#token=${stack.tokenFor(USER)}`);
    const row = (id: string) => page.locator(`tr[data-run-id="${id}"]`);
    await row(runs[0]!.id).waitFor();

    await page.getByLabel(`Select run ${runs[0]!.id}`).check();
    await page.getByLabel(`Select run ${runs[1]!.id}`).check();
    const bar = page.getByRole('region', { name: 'Bulk action' });
    await bar.getByText('2 runs selected').waitFor();
    await screenshot(page, 'runs-bulk');
    await bar.getByRole('button', { name: 'Cancel runs' }).click();
    await bar.getByText('Cancelled 2 runs').waitFor({ timeout: 60_000 });
    await row(runs[0]!.id).and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 30_000 });
    await row(runs[1]!.id).and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 30_000 });
    expect(await row(runs[2]!.id).getAttribute('data-status')).toBe('waiting');
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('re-runs the ticked runs of the runs list as one bulk action, each run once with its lineage', async () => {
    const workflowId = await createWorkflow(stack, USER, 'chain in bulk', chain);
    const sources = [await startRun(stack, USER, workflowId, { n: 1 }, 'sync'), await startRun(stack, USER, workflowId, { n: 2 }, 'sync')];
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs#token=${stack.tokenFor(USER)}`);
    for (const source of sources) await page.getByLabel(`Select run ${source.id}`).check();
    const bar = page.getByRole('region', { name: 'Bulk action' });
    await bar.getByRole('button', { name: 'Re-run', exact: true }).click();
    await bar.getByText('Re-ran 2 runs').waitFor({ timeout: 60_000 });
    await screenshot(page, 'runs-bulk-rerun');
    for (const [i, source] of sources.entries()) {
      const reruns = await api<{ items: { id: string; status: string; output_data: unknown }[] }>(
        stack,
        USER,
        'GET',
        `/executions/${source.id}/reruns`,
      );
      expect(reruns.items).toHaveLength(1);
      await waitForStatus(stack, reruns.items[0]!.id, 'completed');
      expect((await api<{ output_data: unknown }>(stack, USER, 'GET', `/executions/${reruns.items[0]!.id}`)).output_data).toBe(
        (i + 2) * 10,
      );
      await page.locator(`tr[data-run-id="${reruns.items[0]!.id}"]`).getByText('re-run', { exact: true }).waitFor();
    }
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('fits the re-run dialog on a phone screen and closes it with Escape or Close', async () => {
    const workflowId = await createWorkflow(stack, USER, 'doubling on a phone', doublingDefinition);
    const failed = await startRun(stack, USER, workflowId, {}, 'sync');
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs/${failed.id}#token=${stack.tokenFor(USER)}`);
    await page.getByRole('button', { name: 'Retry from failure' }).click();
    await page.getByRole('dialog', { name: 'Retry from failure' }).getByLabel('Input data (JSON)').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'rerun-dialog-phone');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement?.textContent')).toContain('Retry from failure');
    await page.getByRole('button', { name: 'Re-run', exact: true }).click();
    await page.getByRole('dialog', { name: 'Re-run the whole run' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
