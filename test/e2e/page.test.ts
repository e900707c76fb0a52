/**
 * The web page at `/` in Chromium, served by the real server (`buildServer`, its worker
 * pool and the real pipeline). Expectations come from `analyze()` on the same input, so
 * these tests follow the detectors as they change instead of a hand-made fixture.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Page, Response } from 'playwright-core';
import type { Analysis } from '../../src/core/types.js';
import { buildServer } from '../../src/interfaces/server/app.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { articlePieces, assertOneChipPerQuote, shownFindings, withoutBreaks } from './article.js';
import { browserMissing, launchBrowser, scrollSettled, type Browser, type WatchedPage } from './browser.js';

const missing = browserMissing();
/** Screenshots for a person to look at; the path is printed as a test diagnostic. */
let shots = '';
const example = readFileSync(new URL('../../examples/state-media-blog.txt', import.meta.url), 'utf8');

/** What the server must answer for `{text}`: the pipeline's analysis, as JSON carries it. */
function expectedFor(text: string): Analysis {
  return JSON.parse(JSON.stringify(analyze({ text }))) as Analysis;
}

describe('web page at / in Chromium, against the real server', { skip: missing ?? false }, () => {
  let browser: Browser;
  let app: FastifyInstance;
  let origin = '';
  let expected: Analysis;

  before(async () => {
    shots = mkdtempSync(join(tmpdir(), 'unspin-page-shots-'));
    expected = expectedFor(example);
    app = await buildServer({ workers: 1, rateLimit: false, logger: false });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    [browser] = await Promise.all([launchBrowser(), app.analysisPool.whenReady()]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await browser.newPage(viewport);
    await watched.page.goto(origin + '/');
    return watched;
  }
  function foreign(requests: string[]): string[] {
    return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:'));
  }
  const isAnalyze = (r: Response) => r.url() === `${origin}/v1/analyze` && r.request().method() === 'POST';

  /** Pastes `text`, presses Analyse, and returns what the page sent and what the server answered. */
  async function analyse(page: Page, text: string): Promise<{ sent: unknown; answer: Analysis }> {
    await page.getByLabel('Article text').fill(text);
    // Text with markup in it is taken for HTML; these tests send it as text, as a reader can choose to.
    if (await page.locator('#u-html-note').isVisible()) await page.getByRole('button', { name: 'Treat it as plain text' }).click();
    const [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
    assert.equal(response.status(), 200, await response.text());
    await page.locator('#u-result .u-article').waitFor();
    return { sent: response.request().postDataJSON(), answer: (await response.json()) as Analysis };
  }

  it('serves the page under a CSP header that lets it run', async () => {
    const { page, errors, violations } = await browser.newPage();
    const response = (await page.goto(origin + '/'))!;
    assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    await page.getByLabel('Article text').fill('The mayor said the bridge would open in June.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#u-result .u-article').waitFor();
    // The inline styles apply (allowed by hash) and the renderer's script ran (it drew the result).
    assert.notEqual(await page.locator('.app-bar').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.equal(await page.locator('#u-result .u-article').textContent(), 'The mayor said the bridge would open in June.');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('analyses the pasted example: quotes with speakers, panels, a finding, filters, JSON download', async (t) => {
    const { page, errors, requests, violations } = await openPage({ width: 1280, height: 800 });
    const { sent, answer } = await analyse(page, example);
    assert.deepEqual(sent, { text: example });
    assert.deepEqual(answer, expected, 'the server answers what analyze() gives');
    const quotes = expected.quotes.filter((q) => q.kind !== 'scare');
    assert.equal(await page.locator('#u-status').textContent(), `Done: ${quotes.length} quotes, ${expected.findings.length} findings.`);

    // The article is the exact text; every quote starts with a marker that shows its speaker.
    const article = page.locator('#u-result .u-article');
    assert.equal(await article.textContent(), example);
    const pieces = await articlePieces(page, '#u-result .u-article');
    const direct = expected.quotes.filter((q) => q.kind === 'direct');
    assert.ok(direct.length > 0, 'the example has direct quotes');
    assertOneChipPerQuote(expected, pieces);
    assert.equal(pieces.filter((p) => p.classes.includes('q-start')).length, new Set(quotes.map((q) => q.start)).size);
    // Direct quotes are tinted exactly over the quoted voice.
    const quoted = pieces.filter((p) => p.classes.includes('v-quoted')).map((p) => p.text).join('');
    const quotedVoice = expected.voices.filter((v) => v.voice === 'quoted').map((v) => example.slice(v.start, v.end)).join('');
    assert.equal(withoutBreaks(quoted), withoutBreaks(quotedVoice));
    // Every finding is drawn in the text, claims from the score the slider shows.
    const claimMin = Number(await page.locator('.u-claim-min').inputValue());
    assert.deepEqual([...shownFindings(pieces)].sort(), expected.findings.filter((f) => f.kind !== 'claim' || f.score >= claimMin).map((f) => f.id).sort());

    // Panels: the speakers found, the outlets with state-affiliated ones marked.
    assert.ok(expected.speakers.length > 0);
    assert.deepEqual((await page.locator('.u-item-speaker > .u-item-title').allTextContents()).sort(), expected.speakers.map((s) => s.name).sort());
    assert.ok(expected.outlets.some((o) => o.stateAffiliated), 'the example cites a state outlet');
    const outletItems = page.locator('section[aria-labelledby="u-h-outlets"] .u-item');
    assert.equal(await outletItems.count(), expected.outlets.length);
    // State outlets first.
    const titles = await outletItems.locator('.u-item-title').allTextContents();
    assert.deepEqual(titles.map((t) => /STATE-AFFILIATED/.test(t)), [...titles.map((t) => /STATE-AFFILIATED/.test(t))].sort((a, b) => Number(b) - Number(a)));
    for (const o of expected.outlets) {
      const item = outletItems.filter({ has: page.locator('.u-item-title', { hasText: o.name }) }).first();
      const title = (await item.locator('.u-item-title').textContent())!;
      assert.ok(title.startsWith(o.name), `outlet ${o.name} listed`);
      assert.equal(/STATE-AFFILIATED/.test(title), o.stateAffiliated === true, `${o.name}: state badge`);
      assert.equal(await item.evaluate((e) => e.classList.contains('u-item-state')), o.stateAffiliated === true);
    }

    // Click the author's own hate finding in its panel: scrolled to, exactly its text highlighted, explained.
    const hate = expected.findings.filter((f) => f.kind === 'hate');
    const own = hate.find((f) => f.voice === 'author');
    assert.ok(own, 'the example has hate speech in the author’s own words');
    // The author's own hate is listed first.
    await page.locator('.u-panel-hate .u-item').first().click();
    await scrollSettled(page);
    // The finding and its details below it both end up inside the window.
    const [finding, details] = await Promise.all([article.locator('.is-selected').first().boundingBox(), page.locator('.u-popover').boundingBox()]);
    assert.ok(finding!.y >= 0, `finding at ${finding!.y}`);
    assert.ok(details!.y >= finding!.y + finding!.height && details!.y + details!.height <= 801, `details from ${details!.y} to ${details!.y + details!.height}`);
    assert.equal(withoutBreaks((await article.locator('.is-selected').allTextContents()).join('')), withoutBreaks(own.text));
    const popover = page.locator('.u-popover');
    assert.equal(await popover.isVisible(), true);
    const card = (await popover.textContent())!;
    assert.match(card, /AUTHOR’S OWN WORDS/);
    assert.ok(card.includes(own.explanation), 'details give the reason');
    for (const e of own.evidence ?? []) assert.ok(card.includes(`“${e.text}”`), `evidence ${e.text}`);
    const box = (await popover.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 1280, 'details inside the window');
    // Excerpts in the panels do not double the quotation marks a finding starts with.
    for (const excerpt of await page.locator('.u-item-finding .u-excerpt').allTextContents()) assert.doesNotMatch(excerpt, /^[“"]{2}/);
    await page.screenshot({ path: join(shots, 'page-1280-details.png') });
    await page.keyboard.press('Escape');
    assert.equal(await popover.isVisible(), false);

    // Filter by voice: without the author's voice, none of the author's findings is highlighted, all others are.
    const byVoice = (voice: string) => new Set(expected.findings.filter((f) => f.voice === voice).map((f) => f.id));
    const authorIds = byVoice('author');
    // Claims under the slider's score are not drawn.
    const others = expected.findings.filter((f) => f.voice !== 'author' && (f.kind !== 'claim' || f.score >= claimMin)).map((f) => f.id);
    await page.locator('input[data-filter="voice"][value="author"]').uncheck();
    let shown = shownFindings(await articlePieces(page, '#u-result .u-article'));
    assert.deepEqual([...shown].filter((id) => authorIds.has(id)), []);
    assert.deepEqual([...shown].sort(), [...others].sort());
    assert.equal(await article.locator('.hate-own').count(), 0);
    assert.equal(await article.textContent(), example, 'the text stays exact while filtered');
    await page.locator('input[data-filter="voice"][value="author"]').check();
    shown = shownFindings(await articlePieces(page, '#u-result .u-article'));
    assert.deepEqual([...shown].sort(), expected.findings.filter((f) => f.kind !== 'claim' || f.score >= claimMin).map((f) => f.id).sort());

    // Download JSON: a blob holding exactly what the server answered.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    assert.match(download.url(), /^blob:/);
    assert.match(download.suggestedFilename(), /^[\w.-]+\.unspin\.json$/);
    assert.deepEqual(JSON.parse(readFileSync((await download.path())!, 'utf8')), answer);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'page-1280.png') });
    await page.screenshot({ path: join(shots, 'page-1280-full.png'), fullPage: true });
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests), []);
    await page.close();
  });

  it('is usable at phone width: panels stack below the text, no sideways scroll', async () => {
    const { page, errors, requests, violations } = await openPage({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, 'page-390-empty.png') });
    // The Analyse button lines up with the text box: an empty status takes no room.
    const [button, textbox] = await Promise.all([page.getByRole('button', { name: 'Analyse' }).boundingBox(), page.getByLabel('Article text').boundingBox()]);
    assert.ok(Math.abs(button!.x - textbox!.x) < 1, `button at ${button!.x}, text box at ${textbox!.x}`);
    await analyse(page, example);
    const article = (await page.locator('.u-article').boundingBox())!;
    const side = (await page.locator('.u-side').boundingBox())!;
    assert.ok(side.y >= article.y + article.height);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    // The first quote's speaker marker fits on the screen.
    const marker = (await page.locator('.u-article .q-start').first().boundingBox())!;
    assert.ok(marker.x >= 0 && marker.x + Math.min(marker.width, 390) <= 390);
    assert.ok(expected.findings.length > 0);
    await page.locator('.u-item-finding').first().click();
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    // The finding scrolls above the details sheet.
    await page.waitForFunction(() => {
      const r = document.querySelector('.u-article .is-selected')?.getBoundingClientRect();
      const sheet = document.querySelector('.u-popover')!.getBoundingClientRect();
      return !!r && r.top >= 0 && r.top < sheet.top;
    });
    await page.waitForFunction(() => Math.abs(document.querySelector('.u-article .is-selected')!.getBoundingClientRect().top - 72) < 2, null, { timeout: 3000 });
    await page.screenshot({ path: join(shots, 'page-390.png') });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(shots, 'page-390-full.png'), fullPage: true });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests), []);
    await page.close();
  });

  it('is keyboard-usable: type, Ctrl+Enter; Tab reaches the findings, Enter opens details', async () => {
    const { page, errors } = await openPage();
    await page.getByLabel('Article text').focus();
    await page.keyboard.insertText(example);
    await Promise.all([page.waitForResponse(isAnalyze), page.keyboard.press('Control+Enter')]);
    await page.locator('#u-result .u-article').waitFor();
    // Tab from the report's first control through the filters into the text's findings.
    await page.getByRole('button', { name: 'Download JSON' }).focus();
    let steps = 0;
    while (!(await page.evaluate(() => document.activeElement?.hasAttribute('data-f'))) && steps++ < 20) await page.keyboard.press('Tab');
    // Past the verdict's links (hate, claims) and the filters, including the claim slider.
    assert.ok(steps <= 14, `reached the first finding in ${steps} tabs`);
    // The first finding drawn: claims under the slider's score are not.
    const claimMin = Number(await page.locator('.u-claim-min').inputValue());
    const first = [...expected.findings].filter((f) => f.kind !== 'claim' || f.score >= claimMin).sort((a, b) => a.start - b.start)[0]!;
    assert.ok((await page.evaluate(() => document.activeElement!.getAttribute('data-f')!.split(' '))).includes(first.id), 'the first finding in the text');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'visible focus');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'u-popover');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('runs nothing from pasted text or a dropped HTML file', async () => {
    const { page, errors, dialogs, requests, violations } = await openPage();
    const payload = 'Breaking: </script><script>window.__xss=1;alert(1)</script> and <img src=x onerror="window.__xss=2;alert(2)"> said nobody.';
    const { answer } = await analyse(page, payload);
    assert.deepEqual(answer, expectedFor(payload));
    assert.equal(await page.locator('.u-article').textContent(), payload);

    const html = `<!doctype html><html><head><title>Hostile &lt;b&gt; page</title></head><body><article><h1>Report</h1>
<p>The minister said the harbour would reopen on 3 May. <img src=x onerror="window.__xss=3;alert(3)"></p>
<p>Critics were not convinced, and said so at length in a statement issued late on Friday evening.</p>
<script>window.__xss=4;alert(4)</script></article></body></html>`;
    // Dropped on the drop zone, as a person would.
    const dropped = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'hostile.html', { type: 'text/html' }));
      return transfer;
    }, html);
    await page.dispatchEvent('#u-drop', 'drop', { dataTransfer: dropped });
    await page.waitForFunction(() => (document.getElementById('u-mode-html') as HTMLInputElement).checked);
    assert.match((await page.locator('#u-file-note').textContent())!, /hostile\.html .* as an HTML page/);
    const [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
    assert.deepEqual(Object.keys(response.request().postDataJSON() as object), ['html']);
    await page.waitForFunction(() => /minister said/.test(document.querySelector('.u-article')?.textContent ?? ''));
    assert.equal(await page.locator('.u-article').textContent(), ((await response.json()) as Analysis).text);
    assert.doesNotMatch((await page.locator('.u-article').textContent())!, /__xss/);
    // The page's title comes from the hostile <title>, as text.
    assert.match((await page.locator('#u-result .u-title').textContent())!, /Hostile <b> page|Report/);

    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('#u-result img, #u-result script').count(), 0);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests), []);
    await page.close();
  });

  it('reads a chosen .txt file as plain text', async () => {
    const { page, errors } = await openPage();
    await page.locator('#u-mode-html').check();
    await page.locator('#u-file').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('The mayor said the bridge would open in June.') });
    await page.waitForFunction(() => (document.getElementById('u-mode-text') as HTMLInputElement).checked);
    assert.equal(await page.getByLabel('Article text').inputValue(), 'The mayor said the bridge would open in June.');
    assert.match((await page.locator('#u-file-note').textContent())!, /note\.txt .* as plain text/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says what is wrong instead of failing silently', async () => {
    const { page, errors } = await openPage();
    await page.getByRole('button', { name: 'Analyse' }).click();
    assert.match((await page.locator('#u-status').textContent())!, /Paste an article/);
    assert.equal(await page.locator('#u-status').getAttribute('role'), 'alert');
    assert.equal(await page.locator('#u-result').isHidden(), true);

    // A page with no text: the server's error, in words, with its code.
    await page.getByLabel('Article text').fill('<!doctype html><html><body><nav></nav></body></html>');
    await page.locator('#u-mode-html').check();
    const [response] = await Promise.all([page.waitForResponse(isAnalyze), page.getByRole('button', { name: 'Analyse' }).click()]);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(response.status(), 400);
    assert.equal(body.error.code, 'UNSPIN_E_INPUT_EMPTY');
    await page.waitForFunction(() => document.getElementById('u-status')!.getAttribute('role') === 'alert' && /UNSPIN_E_/.test(document.getElementById('u-status')!.textContent!));
    assert.equal(await page.locator('#u-status').textContent(), `${body.error.message} (UNSPIN_E_INPUT_EMPTY)`);
    assert.equal(await page.getByRole('button', { name: 'Analyse' }).isEnabled(), true);
    // The browser itself logs the 400 response; nothing else may be logged.
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    await page.close();
  });
});
