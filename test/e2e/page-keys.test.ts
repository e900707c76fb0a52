/**
 * The web page against a server started the way `unspin serve` starts it with
 * UNSPIN_API_KEYS set (and a small rate limit): the key field, the Bearer header, the
 * key kept only for the tab, and clear 401 and 429 messages. Also pasted HTML.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Response } from 'playwright-core';
import { buildServer } from '../../src/interfaces/server/app.js';
import { resolveServeConfig } from '../../src/interfaces/server/config.js';
import { browserMissing, launchBrowser, type Browser } from './browser.js';

const missing = browserMissing();
const KEY = 'k-page-test-0123456789';

describe('web page with API keys and pasted HTML, in Chromium', { skip: missing ?? false }, () => {
  let browser: Browser;
  let app: FastifyInstance;
  let origin = '';
  /** A server without keys or rate limit. */
  let plain: FastifyInstance;
  let plainOrigin = '';
  let shots = '';

  before(async () => {
    shots = mkdtempSync(join(tmpdir(), 'unspin-page-keys-shots-'));
    const config = resolveServeConfig({}, { UNSPIN_API_KEYS: `other-key, ${KEY}`, UNSPIN_RATE_LIMIT: '3' });
    app = await buildServer({ ...config.server, workers: 1, logger: false });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    plain = await buildServer({ workers: 1, rateLimit: false, logger: false });
    plainOrigin = await plain.listen({ host: '127.0.0.1', port: 0 });
    [browser] = await Promise.all([launchBrowser(), app.analysisPool.whenReady(), plain.analysisPool.whenReady()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await plain?.close();
  });
  const isAnalyze = (r: Response) => r.url() === `${origin}/v1/analyze` && r.request().method() === 'POST';

  it('asks for a key, sends it as a Bearer token, keeps it only in the tab, and explains 401 and 429', async (t) => {
    const { page, errors } = await browser.newPage({ width: 1280, height: 800 });
    await page.goto(origin + '/');
    const key = page.getByLabel('API key');
    assert.equal(await key.isVisible(), true, 'the key field shows when the server has keys');
    assert.equal(await key.getAttribute('type'), 'password');
    await page.getByLabel('Article text').fill('The mayor said the bridge would open in June.');

    // No key: the page says so before asking the server.
    await page.getByRole('button', { name: 'Analyse' }).click();
    assert.match((await page.locator('#u-status').textContent())!, /asks for an API key/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'u-key');

    // A wrong key: the server's 401, in words.
    await key.fill('not-a-key');
    let [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
    assert.equal(response.status(), 401);
    assert.equal(response.request().headers().authorization, 'Bearer not-a-key');
    await page.waitForFunction(() => /401/.test(document.getElementById('u-status')!.textContent!));
    assert.match((await page.locator('#u-status').textContent())!, /did not accept this API key/);

    // The right key, kept for the tab: analysed, and nothing stored beyond session storage.
    await key.fill(KEY);
    await page.getByLabel(/keep it in this tab/).check();
    [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
    assert.equal(response.status(), 200);
    assert.equal(response.request().headers().authorization, `Bearer ${KEY}`);
    await page.locator('#u-result .u-article').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('unspin.apiKey')), KEY);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.equal(await page.evaluate(() => document.cookie), '');
    await page.screenshot({ path: join(shots, 'keys-1280.png') });
    // A reload in the same tab keeps the key; unticking forgets it.
    await page.reload();
    assert.equal(await page.getByLabel('API key').inputValue(), KEY);
    await page.getByLabel(/keep it in this tab/).uncheck();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('unspin.apiKey')), null);

    // Over the limit (3 a minute, two used): the 429, in words.
    await page.getByLabel('Article text').fill('The mayor said the bridge would open in June.');
    let status = 200;
    for (let i = 0; i < 3 && status !== 429; i++) {
      [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
      status = response.status();
      await page.waitForFunction(() => !(document.getElementById('u-analyze') as HTMLButtonElement).disabled);
    }
    assert.equal(status, 429);
    assert.match((await page.locator('#u-status').textContent())!, /Too many requests \(429\).*try again in \d+ s/);
    assert.equal(await page.locator('#u-status').getAttribute('role'), 'alert');
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(errors.filter((e) => !/status of 40[01]|status of 429/.test(e)), []);
    await page.close();
  });

  it('without keys on the server, shows no key field', async () => {
    const { page } = await browser.newPage();
    await page.goto(plainOrigin + '/');
    assert.equal(await page.locator('#u-key-row').isHidden(), true);
    await page.close();
  });

  it('spots pasted HTML, switches to HTML analysis, and offers the way back', async () => {
    const { page, errors } = await browser.newPage({ width: 390, height: 844 });
    await page.goto(plainOrigin + '/');
    const fragment = '<div class="story"><p>The minister said the harbour would reopen on 3 May.</p>\n<p>Critics were <em>not</em> convinced.</p></div>';
    await page.getByLabel('Article text').fill(fragment);
    assert.equal(await page.locator('#u-mode-html').isChecked(), true);
    assert.match((await page.locator('#u-html-note').textContent())!, /looks like HTML/);
    await page.getByRole('button', { name: 'Treat it as plain text' }).click();
    assert.equal(await page.locator('#u-mode-text').isChecked(), true);
    // The reader's choice holds while they edit.
    await page.locator('#u-text').fill(fragment + ' ');
    assert.equal(await page.locator('#u-mode-text').isChecked(), true);
    await page.getByRole('button', { name: 'Treat it as an HTML page' }).click();
    assert.equal(await page.locator('#u-mode-html').isChecked(), true);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url() === `${plainOrigin}/v1/analyze`), page.getByRole('button', { name: 'Analyse' }).click()]);
    assert.equal(response.status(), 200);
    assert.deepEqual(Object.keys(response.request().postDataJSON() as object), ['html']);
    await page.locator('#u-result .u-article').waitFor();
    assert.doesNotMatch((await page.locator('#u-result .u-article').textContent())!, /<p>|<div/);
    await page.screenshot({ path: join(shots, 'html-390.png'), fullPage: true });
    // Plain prose is not taken for HTML.
    await page.locator('#u-text').fill('Prices rose 3% in May, and x < y > z is not markup.');
    assert.equal(await page.locator('#u-html-note').isHidden(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
