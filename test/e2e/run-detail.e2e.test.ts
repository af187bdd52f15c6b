import type { Browser, Page } from 'playwright-core';
import { api, createWorkflow, startRun } from './api';
import { assertNoBrowserErrors, launchBrowser, openPage, PHONE, screenshot, hasHorizontalScroll } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

const USER = 'detail-alice';

/** input → a streaming LLM node on the loopback wire server (slow enough to watch) → output. */
const llmDefinition = (model: string) => ({
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'draft', type: 'llm', config: { provider: 'wire', model, prompt: 'say {{ input.topic }}' } },
    { id: 'out', type: 'output', config: { expression: '{"reply": nodes.draft.text}' } },
  ],
  edges: [
    { source: 'in', target: 'draft' },
    { source: 'draft', target: 'out' },
  ],
});

/** Two LLM nodes one after the other, each about 4.5 s: time to pause between them. */
const twoStepDefinition = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    { id: 'first', type: 'llm', config: { provider: 'wire', model: 'slow-3000+drip-12-250+first', prompt: 'say one' } },
    { id: 'second', type: 'llm', config: { provider: 'wire', model: 'slow-1500+drip-12-250+second', prompt: 'say two' } },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'first' },
    { source: 'first', target: 'second' },
    { source: 'second', target: 'out' },
  ],
};

const graphNode = (page: Page, id: string) => page.locator(`.graph-node[data-node-id="${id}"]`);
const runStatus = (page: Page) => page.locator('.run-title .badge[data-status]');

async function waitForNodeState(page: Page, id: string, state: string, timeout = 30_000) {
  try {
    await page.locator(`.graph-node[data-node-id="${id}"][data-state="${state}"]`).waitFor({ timeout });
  } catch (error) {
    const states = await page
      .locator('.graph-node')
      .evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-node-id')}=${n.getAttribute('data-state')}`));
    throw new Error(`node ${id} never became ${state}; run ${await runStatus(page).textContent()}, nodes ${states.join(' ')}`, {
      cause: error,
    });
  }
}

describe('run detail', () => {
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

  it('follows a run started from the Workflows page live from running to completed, streaming LLM tokens, and shows a node’s recorded data', async () => {
    const workflowId = await createWorkflow(stack, USER, 'drafting', llmDefinition('slow-2500+drip-30-120'));
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/workflows/${workflowId}#token=${stack.tokenFor(USER)}`);
    await page.getByLabel('Input (JSON)').fill('{"topic": "hello from the console"}');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);

    // Live: the LLM node runs (its tokens stream into the panel), then everything completes.
    await waitForNodeState(page, 'draft', 'running');
    expect(await graphNode(page, 'out').getAttribute('data-state')).toBe('pending');
    await page.getByRole('button', { name: /^Node draft/ }).click();
    await page
      .getByLabel('Live LLM output')
      .filter({ hasText: /t\d+ t\d+ t\d+/ })
      .waitFor();
    await screenshot(page, 'run-detail-live');
    await waitForNodeState(page, 'draft', 'completed');
    await waitForNodeState(page, 'out', 'completed');
    await runStatus(page).filter({ hasText: 'completed' }).waitFor();

    // The recorded input and output of the selected node.
    await page.getByRole('button', { name: /^Node draft/ }).click();
    const output = page.getByRole('tree', { name: 'Output of draft' });
    await output.filter({ hasText: 't0 t1 t2' }).waitFor();
    expect(await page.getByRole('tree', { name: 'Input of draft' }).textContent()).toContain('hello from the console');
    await page.getByRole('button', { name: /^Node out/ }).click();
    await page.getByRole('tree', { name: 'Output of out' }).filter({ hasText: 'reply' }).waitFor();

    // Timeline and logs.
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('list', { name: 'Log entries' }).filter({ hasText: 'draft' }).waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('list', { name: 'Timeline' }).filter({ hasText: 'execution.completed' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open in Temporal UI' }).getAttribute('href')).toContain('/namespaces/default/workflows/');
    await page.getByRole('button', { name: /^Node draft/ }).click();
    await screenshot(page, 'run-detail', { fullPage: true });
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('pauses and resumes a run from its buttons, each enabled only when allowed', async () => {
    const workflowId = await createWorkflow(stack, USER, 'two steps', twoStepDefinition);
    const { id } = await startRun(stack, USER, workflowId, {});
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs/${id}#token=${stack.tokenFor(USER)}`);
    await waitForNodeState(page, 'first', 'running');
    const button = (name: string) => page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name });
    expect(await button('Resume').isDisabled()).toBe(true);
    await button('Pause').click();
    await runStatus(page).filter({ hasText: 'paused' }).waitFor();
    expect(await button('Pause').isDisabled()).toBe(true);
    // The node in flight finishes; the next one waits for the resume.
    await waitForNodeState(page, 'first', 'completed');
    await waitForNodeState(page, 'second', 'paused');
    await screenshot(page, 'run-detail-paused');
    await button('Resume').click();
    await runStatus(page).filter({ hasText: 'running' }).waitFor();
    await waitForNodeState(page, 'second', 'running');
    await runStatus(page).filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    // A finished run offers no controls at all.
    await page.getByRole('group', { name: 'Run controls' }).waitFor({ state: 'detached' });
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('shows the API’s 409 message when a race refuses an action', async () => {
    const workflowId = await createWorkflow(stack, USER, 'slow', llmDefinition('slow-1000+drip-60-150'));
    const { id } = await startRun(stack, USER, workflowId, { topic: 'race' });
    const watched = await openPage(browser, undefined, { allowHttpErrors: [409] });
    const { page } = watched;
    // Hold back the run's live events so the page still shows it running after it was stopped elsewhere.
    let frozen = false;
    await page.routeWebSocket(/\/ws\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (!frozen) ws.send(message);
      });
    });
    await page.goto(`${stack.baseUrl}/runs/${id}#token=${stack.tokenFor(USER)}`);
    await waitForNodeState(page, 'draft', 'running');
    frozen = true;
    await api(stack, USER, 'POST', `/executions/${id}/cancel`);
    await waitUntil(async () => (await api<{ status: string }>(stack, USER, 'GET', `/executions/${id}`)).status === 'cancelled');
    await page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Pause' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'INVALID_TRANSITION' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('cannot pause an execution that is cancelled');
    // After the refusal the page reads the run again and shows the truth.
    await runStatus(page).filter({ hasText: 'cancelled' }).waitFor();
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('keeps the run page usable at phone width', async () => {
    const workflowId = await createWorkflow(stack, USER, 'phone', llmDefinition('drip-3-10'));
    const { id } = await startRun(stack, USER, workflowId, { topic: 'phone' }, 'sync');
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/runs/${id}#token=${stack.tokenFor(USER)}`);
    await runStatus(page).filter({ hasText: 'completed' }).waitFor();
    await waitForNodeState(page, 'out', 'completed');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'run-detail-phone');
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
