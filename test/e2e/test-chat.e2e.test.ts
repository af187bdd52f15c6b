import type { Browser } from 'playwright-core';
import { api, createWorkflow } from './api';
import { assertNoBrowserErrors, hasHorizontalScroll, launchBrowser, openPage, PHONE, screenshot } from './browser';
import { startE2eStack, type E2eStack } from './e2e-stack';

const USER = 'chat-alice';

/** Replies with the message and a variable; asks for a human when the message mentions a refund. */
const CHAT_DEFINITION = {
  nodes: [
    { id: 'in', type: 'input', config: {} },
    {
      id: 'reply',
      type: 'transform',
      config: {
        expression:
          '{"reply": "Echo: " & input.message & " (for " & variables.customerName & ")", "needHumanTransfer": $contains(input.message, "refund")}',
      },
    },
    { id: 'out', type: 'output', config: {} },
  ],
  edges: [
    { source: 'in', target: 'reply' },
    { source: 'reply', target: 'out' },
  ],
};

describe('test chat', () => {
  let stack: E2eStack;
  let browser: Browser;
  let workflowId: string;
  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    workflowId = await createWorkflow(stack, USER, 'support bot', CHAT_DEFINITION);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('holds a two-turn conversation with node details, clears it and closes the session', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/test-chat?workflow=${workflowId}#token=${stack.tokenFor(USER)}`);
    await page.getByLabel('Variables (JSON)').fill('{"customerName": "Ada"}');
    await page.getByRole('button', { name: 'Start session' }).click();
    const messages = page.getByRole('list', { name: 'Messages' });
    await page.getByText('Send a message to start testing').waitFor();

    await page.getByRole('textbox', { name: 'Message' }).fill('hello there');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await messages.getByText('Echo: hello there (for Ada)', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill('I want a refund');
    await page.getByRole('button', { name: 'Send' }).click();
    await messages.getByText('Echo: I want a refund (for Ada)', { exact: true }).waitFor();
    expect(await messages.locator('.chat-message[data-role="assistant"]').count()).toBe(2);
    await messages.getByText('Needs a human').waitFor();
    expect(await messages.locator('.chip-success').count()).toBe(2);

    // Node details expand per node, with the node's input and output.
    const second = messages.locator('.chat-message[data-role="assistant"]').nth(1);
    await second.getByText('Node details (3)').click();
    await second.locator('.node-detail[data-node-id="reply"] summary').click();
    await second.locator('.node-detail[data-node-id="reply"] .chat-pre').filter({ hasText: 'needHumanTransfer' }).first().waitFor();
    await screenshot(page, 'test-chat');

    await page.getByRole('button', { name: 'Clear history' }).click();
    await page.getByText('Send a message to start testing').waitFor();
    expect(await messages.locator('.chat-message').count()).toBe(0);

    await page.getByRole('button', { name: 'Close session' }).click();
    await page.getByText('No session open').waitFor();
    expect(await api<unknown[]>(stack, USER, 'GET', '/workflow-test/sessions')).toEqual([]);
    assertNoBrowserErrors(watched);
    await watched.close();
  });

  it('says so when a session has expired or was closed', async () => {
    const session = await api<{ testSessionId: string }>(stack, USER, 'POST', '/workflow-test/sessions', { workflowId });
    await api(stack, USER, 'DELETE', `/workflow-test/sessions/${session.testSessionId}`);
    const watched = await openPage(browser, PHONE, { allowHttpErrors: [400] });
    const { page } = watched;
    await page.goto(`${stack.baseUrl}/test-chat?session=${session.testSessionId}#token=${stack.tokenFor(USER)}`);
    await page.getByRole('alert').filter({ hasText: 'expired or was closed' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    assertNoBrowserErrors(watched);
    await watched.close();
  });
});
