import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download cannot work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(__dirname, '../../docs/console');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records every browser console error and unhandled exception or rejection, for `assertNoBrowserErrors`. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens a fresh context (its own session storage) at the given viewport. The API's own 4xx answers are expected
 * in some tests and the browser logs each as "Failed to load resource"; pass the statuses a test provokes.
 */
export async function openPage(browser: Browser, viewport = DESKTOP, options: { allowHttpErrors?: number[] } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = new Set(options.allowHttpErrors ?? []);
  await page.addInitScript({
    content: "window.addEventListener('unhandledrejection', (e) => console.error('unhandledrejection: ' + String(e.reason)));",
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    if (status && allowed.has(Number(status)) && message.location().url.includes('/api/v1/')) return;
    errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return { page, context, errors, close: () => context.close() };
}

export function assertNoBrowserErrors(watched: WatchedPage): void {
  expect(watched.errors).toEqual([]);
}

/** Saves a screenshot for docs/console.md, from the top of the page (the whole page with `fullPage`). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: options.fullPage });
}

/** Whether the page scrolls sideways (it must not, except inside the graph canvas). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth + 1');
}
