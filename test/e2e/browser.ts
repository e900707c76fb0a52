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
      const watched: WatchedPage = { page, errors: [], dialogs: [], requests: [] };
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
