import type { Browser } from 'playwright-core';
import { createWorkflow, GREETING_DEFINITION, startRun } from './api';
import { assertNoBrowserErrors, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

describe('runs list per user', () => {
  let stack: E2eStack;
  let browser: Browser;
  let aliceRun: string;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    const workflowId = await createWorkflow(stack, 'iso-alice', 'alice flow', GREETING_DEFINITION);
    for (const name of ['Ada', 'Grace', 'Edsger']) aliceRun = (await startRun(stack, 'iso-alice', workflowId, { name }, 'sync')).id;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows user B none of user A’s runs, and not A’s run page either', async () => {
    const watched = await openPage(browser, undefined, { allowHttpErrors: [404] });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs#token=${stack.tokenFor('iso-bob')}`);
    await page.getByRole('heading', { name: 'No runs yet' }).waitFor();
    expect(await page.locator('tr[data-run-id]').count()).toBe(0);
    await page.goto(`${stack.baseUrl}/runs/${aliceRun}`);
    await page.getByRole('alert').filter({ hasText: 'NOT_FOUND' }).waitFor();
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('shows a new run appear live and fits a phone screen without sideways scrolling', async () => {
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs#token=${stack.tokenFor('iso-alice')}`);
    await page.locator('tr[data-run-id]').nth(2).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    const workflowId = await createWorkflow(stack, 'iso-alice', 'late flow', GREETING_DEFINITION);
    await startRun(stack, 'iso-alice', workflowId, { name: 'Barbara' });
    await page.getByRole('link', { name: 'late flow' }).waitFor();
    await page.locator('tr[data-run-id][data-status="completed"]').nth(3).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'runs-phone');
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
