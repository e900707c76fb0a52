import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM = process.env.UNSPIN_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} not found (apt-get install chromium)`;
}

export interface Browser {
  context: BrowserContext;
  /** A new page that records console errors, page errors, dialogs and every request. */
  newPage(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  dialogs: string[];
  requests: string[];
  /** Content-Security-Policy violations reported by the page: `directive blocked-uri`. */
  violations: string[];
}

/** One headless Chromium with a fresh profile in a temp dir, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'unspin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const watched: WatchedPage = { page, errors: [], dialogs: [], requests: [], violations: [] };
      // Bindings and init scripts come from the browser, not the page, so the page's own CSP does not block them.
      await page.exposeFunction('__unspinCspViolation', (what: string) => watched.violations.push(what));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __unspinCspViolation(s: string): void }).__unspinCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') watched.errors.push(m.text());
      });
      page.on('pageerror', (e) => watched.errors.push(String(e)));
      page.on('dialog', (d) => {
        watched.dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => watched.requests.push(r.url()));
      return watched;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the window has stopped scrolling (smooth scrolls take a few hundred ms). */
export async function scrollSettled(page: Page): Promise<void> {
  // A fresh key per call, so the first poll only records where the window is.
  const key = `__unspinScrollY${Math.random().toString(36).slice(2)}`;
  await page.waitForFunction(
    (k) => {
      const w = window as unknown as Record<string, number | undefined>;
      const still = w[k] === window.scrollY;
      w[k] = window.scrollY;
      return still;
    },
    key,
    { polling: 100 },
  );
}
