import type { Browser, Page } from 'playwright-core';
import { api, createWorkflow, startRun } from './api';
import { assertNoBrowserErrors, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

const USER = 'waits-alice';
const ASSIGNEE = 'waits-bob';

/** in → review (a human node, with a form when given) → out, which reports the answer. */
const reviewDefinition = (form?: unknown, assignees?: string[]) => ({
  nodes: [
    { id: 'in', type: 'input', config: {} },
    {
      id: 'review',
      type: 'human',
      config: {
        prompt: 'Refund {{ input.amount }} EUR to {{ input.customer }}?',
        ...(form === undefined ? {} : { form }),
        ...(assignees ? { assignees } : {}),
      },
    },
    { id: 'out', type: 'output', config: { expression: '{"decision": nodes.review}' } },
  ],
  edges: [
    { source: 'in', target: 'review' },
    { source: 'review', target: 'out' },
  ],
});

const refundForm = {
  type: 'object',
  properties: {
    approved: { type: 'boolean', title: 'Approve the refund' },
    reason: { type: 'string', title: 'Reason', maxLength: 20, description: 'Shown to the customer' },
    priority: { enum: ['normal', 'urgent'], title: 'Priority' },
  },
  required: ['approved', 'reason'],
  additionalProperties: false,
};

const waitItem = (page: Page, executionId: string) => page.locator(`.wait-item[data-execution-id="${executionId}"]`);

async function waitForNodeState(page: Page, id: string, state: string, timeout = 30_000) {
  await page.locator(`.graph-node[data-node-id="${id}"][data-state="${state}"]`).waitFor({ timeout });
}

/** Polls the API until the run's node waits (the worker got there). */
async function waitUntilWaiting(stack: E2eStack, executionId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = await api<{ waits: unknown[] }>(stack, USER, 'GET', `/executions/${executionId}/status`);
    if (status.waits.length) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`run ${executionId} never waited`);
}

/** The review node's record once it completed with its answer. */
async function answeredNode(stack: E2eStack, executionId: string): Promise<{ output: unknown; answered_by: string | null }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const nodes = await api<{ items: { node_id: string; status: string; output: unknown; answered_by: string | null }[] }>(
      stack,
      USER,
      'GET',
      `/executions/${executionId}/nodes`,
    );
    const review = nodes.items.find((n) => n.node_id === 'review');
    if (review?.status === 'completed' || Date.now() > deadline) return review ?? { output: undefined, answered_by: null };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('waiting for you', () => {
  let stack: E2eStack;
  let browser: Browser;
  let workflowId: string;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    workflowId = await createWorkflow(stack, USER, 'refund approval', reviewDefinition(refundForm));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('lists waiting runs live, and an answer from the run page’s form completes the run after a 422 shown next to its field', async () => {
    const first = await startRun(stack, USER, workflowId, { amount: 40, customer: 'Ada' });
    await waitUntilWaiting(stack, first.id);
    const watched = await openPage(browser, undefined, { allowHttpErrors: [422] });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/waits#token=${stack.tokenFor(USER)}`);
    await page.getByRole('heading', { name: 'Waiting for you' }).waitFor();
    await waitItem(page, first.id).getByText('Refund 40 EUR to Ada?').waitFor();
    expect(await waitItem(page, first.id).textContent()).toContain('refund approval');

    // A run that starts waiting while the page is open appears without a reload.
    await page.locator('.live-indicator[data-state="live"]').waitFor();
    const second = await startRun(stack, USER, workflowId, { amount: 12, customer: 'Grace' });
    await waitItem(page, second.id).getByText('Refund 12 EUR to Grace?').waitFor({ timeout: 30_000 });
    await screenshot(page, 'waits');

    // The run page shows the waiting node's prompt and the form generated from its schema.
    await waitItem(page, first.id)
      .getByRole('link', { name: `Open run ${first.id}` })
      .click();
    await waitForNodeState(page, 'review', 'waiting');
    const form = page.getByRole('form', { name: 'Answer to review' });
    await form.waitFor();
    expect(await page.locator('.wait-panel').getByText('Refund 40 EUR to Ada?').isVisible()).toBe(true);
    expect(await form.getByLabel('Priority').locator('option').allTextContents()).toEqual(['— none —', 'normal', 'urgent']);

    // An answer the form refuses: the API's problem is shown next to the field it names.
    await form.getByLabel('Approve the refund').check();
    await form.getByLabel('Reason').fill('far too long for the form');
    await form.getByRole('button', { name: 'Send answer' }).click();
    const reasonError = form.locator('.answer-field[data-field="reason"] .field-error');
    await reasonError.getByText('must have at most 20 characters').waitFor();
    expect(await form.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').first().textContent()).toContain('does not match the form');
    await screenshot(page, 'run-detail-answer');

    // A good answer completes the run; the node states follow live.
    await form.getByLabel('Reason').fill('duplicate charge');
    await form.getByLabel('Priority').selectOption('urgent');
    await form.getByRole('button', { name: 'Send answer' }).click();
    await waitForNodeState(page, 'review', 'completed');
    await waitForNodeState(page, 'out', 'completed');
    await page.locator('.run-title .badge[data-status="completed"]').waitFor({ timeout: 30_000 });
    const run = await api<{ output_data: unknown }>(stack, USER, 'GET', `/executions/${first.id}`);
    expect(run.output_data).toEqual({ decision: { approved: true, reason: 'duplicate charge', priority: 'urgent' } });

    // Back in the inbox: the answered wait left the open tab and is listed as answered, by whom.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waiting for you' }).click();
    await waitItem(page, second.id).waitFor();
    await waitItem(page, first.id).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Answered' }).click();
    await waitItem(page, first.id).getByText(`answered by ${USER}`).waitFor();
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('answers from the inbox as raw JSON when the node has no form, and says plainly who answered first on a 409', async () => {
    const freeform = await createWorkflow(stack, USER, 'free answer', reviewDefinition(undefined, [ASSIGNEE]));
    const run = await startRun(stack, USER, freeform, { amount: 7, customer: 'Linus' });
    const raced = await startRun(stack, USER, freeform, { amount: 8, customer: 'Barbara' });
    await waitUntilWaiting(stack, run.id);
    await waitUntilWaiting(stack, raced.id);

    const owner = await openPage(browser);
    await owner.page.goto(`${stack.baseUrl}/waits#token=${stack.tokenFor(USER)}`);
    const item = waitItem(owner.page, run.id);
    await item.getByRole('button', { name: 'Answer' }).click();
    await item.getByLabel('Answer (JSON)').fill('not json');
    await item.getByRole('button', { name: 'Send answer' }).click();
    await item.getByText('Not valid JSON').waitFor();
    await item.getByLabel('Answer (JSON)').fill('{"ok": true, "by": "console"}');
    await item.getByRole('button', { name: 'Send answer' }).click();
    // Once recorded, the wait leaves the open list (its "Answer recorded" note may be gone before it can be read).
    await item.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await answeredNode(stack, run.id)).toMatchObject({ output: { ok: true, by: 'console' }, answered_by: USER });
    assertNoBrowserErrors(owner);
    await owner.close();

    // An assignee (who cannot open the run itself) answers from the inbox, but the owner's answer arrives first.
    const assignee = await openPage(browser, undefined, { allowHttpErrors: [409] });
    const { page } = assignee;
    await page.goto(`${stack.baseUrl}/waits#token=${stack.tokenFor(ASSIGNEE)}`);
    const other = waitItem(page, raced.id);
    await other.getByText('Refund 8 EUR to Barbara?').waitFor();
    expect(await waitItem(page, run.id).count()).toBe(0);
    await other.getByRole('button', { name: 'Answer' }).click();
    await other.getByLabel('Answer (JSON)').fill('"from the console"');
    await api(stack, USER, 'POST', `/executions/${raced.id}/nodes/review/answer`, { answer: 'from the API' });
    await other.getByRole('button', { name: 'Send answer' }).click();
    const refusal = other.getByRole('alert').filter({ hasText: 'Someone answered first' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`${USER} answered it`);
    assertNoBrowserErrors(assignee);
    await assignee.close();
  });

  it('fits a phone screen', async () => {
    const run = await startRun(stack, USER, workflowId, { amount: 99, customer: 'Margaret Hamilton, Apollo guidance' });
    await waitUntilWaiting(stack, run.id);
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/waits#token=${stack.tokenFor(USER)}`);
    const item = waitItem(page, run.id);
    await item.getByRole('button', { name: 'Answer' }).click();
    await item.getByLabel('Reason').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'waits-phone');
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
