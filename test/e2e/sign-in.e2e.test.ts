import type { Browser } from 'playwright-core';
import { createWorkflow, GREETING_DEFINITION, startRun } from './api';
import { assertNoBrowserErrors, launchBrowser, openPage, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

describe('signing in', () => {
  let stack: E2eStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    const workflowId = await createWorkflow(stack, 'signin-alice', 'greeting', GREETING_DEFINITION);
    await startRun(stack, 'signin-alice', workflowId, { name: 'Ada' }, 'sync');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs in from the #token= link, drops the token from the address bar and shows the runs', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/#token=${stack.tokenFor('signin-alice')}`);
    await page.getByRole('heading', { name: 'Runs' }).waitFor();
    await page.locator('tr[data-status="completed"]').first().waitFor();
    expect(page.url()).toBe(`${stack.baseUrl}/runs`);
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Workflows');
    await screenshot(page, 'runs');
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('signs in with a pasted token and keeps it for the tab only', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs`);
    await page.getByLabel('Access token (JWT)').waitFor();
    await screenshot(page, 'sign-in');
    await page.getByLabel('Access token (JWT)').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That is not a JWT').waitFor();
    // One token: each mint carries the second it was made in, so two calls can differ.
    const token = stack.tokenFor('signin-alice');
    await page.getByLabel('Access token (JWT)').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'greeting' }).first().waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('trellis.token')")).toBe(token);
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('returns to sign-in with a clear message when the API answers 401', async () => {
    const watched = await openPage(browser, undefined, { allowHttpErrors: [401] });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/#token=${stack.tokenFor('signin-alice')}`);
    await page.getByRole('heading', { name: 'Runs' }).waitFor();
    // A token the API does not accept (signed with another secret) stands in for an expired or revoked one.
    const [header, payload] = stack.tokenFor('signin-alice').split('.');
    await page.evaluate(`sessionStorage.setItem('trellis.token', '${header}.${payload}.invalid-signature')`);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Your session ended' }).waitFor();
    expect(await page.getByLabel('Access token (JWT)').isVisible()).toBe(true);
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
