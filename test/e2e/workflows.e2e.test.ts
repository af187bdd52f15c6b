import type { Browser } from 'playwright-core';
import { createWorkflow, GREETING_DEFINITION } from './api';
import { assertNoBrowserErrors, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

const USER = 'workflows-alice';

/** A definition whose transform expression does not parse: the API answers 422 naming node `greet`. */
const BROKEN = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'greet', type: 'transform', config: { expression: '{"greeting": "Hello, " & input.name &' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'greet' },
    { source: 'greet', target: 'out' },
  ],
};

describe('workflows', () => {
  let stack: E2eStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    await createWorkflow(stack, USER, 'greeting', GREETING_DEFINITION);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('lists workflows and shows the API’s validation problem next to the node it names', async () => {
    const watched = await openPage(browser, undefined, { allowHttpErrors: [422] });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/workflows#token=${stack.tokenFor(USER)}`);
    await page.getByRole('link', { name: 'greeting', exact: true }).waitFor();
    await screenshot(page, 'workflows');

    await page.getByRole('link', { name: 'New workflow' }).click();
    const editor = page.getByRole('textbox', { name: 'Workflow definition (JSON)' });
    await editor.waitFor();
    // The preview draws the starter graph while typing.
    await page.locator('.graph-node[data-node-id="answer"]').waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(BROKEN, null, 2));
    await page.locator('.graph-node[data-node-id="greet"]').waitFor();
    await page.getByLabel('Name').fill('broken greeting');
    await page.getByRole('button', { name: 'Create workflow' }).click();

    // Next to the node in the preview, in the problem list, and underlined in the editor.
    const problem = page.locator('.graph-node[data-node-id="greet"] .graph-node-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('EXPRESSION_SYNTAX');
    const listed = page.getByRole('region', { name: 'Validation problems' }).locator('.problem[data-node-id="greet"]');
    expect(await listed.textContent()).toContain('node greet');
    await page.locator('.cm-lintRange-error').first().waitFor();
    await screenshot(page, 'workflow-editor-problems', { fullPage: true });

    // Fix it, save, and the problems go away.
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(GREETING_DEFINITION, null, 2));
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByRole('heading', { name: /broken greeting/ }).waitFor();
    await page.waitForURL(/\/workflows\/wf_/);
    expect(await problem.count()).toBe(0);
    await page.getByRole('button', { name: 'Start run' }).waitFor();
    await screenshot(page, 'workflow-editor');
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('starts a sync run from the editor and lands on its page', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/workflows#token=${stack.tokenFor(USER)}`);
    await page.getByRole('link', { name: 'greeting', exact: true }).click();
    await page.getByLabel('Input (JSON)').fill('{"name": "Grace"}');
    await page.getByLabel(/Sync/).check();
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    await page.locator('.run-title .badge[data-status="completed"]').waitFor();
    await page.getByRole('tab', { name: 'Run input & output' }).click();
    await page.getByRole('tree', { name: 'Run output' }).filter({ hasText: 'Hello, Grace!' }).waitFor();
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('fits the workflow list and editor on a phone', async () => {
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/workflows#token=${stack.tokenFor(USER)}`);
    await page.getByRole('link', { name: 'greeting', exact: true }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('link', { name: 'greeting', exact: true }).click();
    await page.getByRole('textbox', { name: 'Workflow definition (JSON)' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
