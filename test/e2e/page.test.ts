import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/types.js';
import type { AnalyzeInput } from '../../src/input/document.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { sampleAnalysis, sampleLabels } from '../outputs/html-fixtures.js';
import { browserMissing, launchBrowser, type Browser, type WatchedPage } from './browser.js';
import { serveForTest, type TestServer } from './serve-for-test.js';

const missing = browserMissing();
/** Screenshots for a person to look at; the path is printed as a test diagnostic. */
let shots = '';
const example = readFileSync(new URL('../../examples/state-media-blog.txt', import.meta.url), 'utf8');
const fixture = sampleAnalysis();

/**
 * The example article gets the hand-made fixture (its analysis as the finished detectors
 * should see it); anything else goes through the real pipeline.
 */
function analyzeForTest(input: AnalyzeInput): Analysis {
  return input.text === example ? fixture : analyze(input);
}

describe('web page at / in Chromium', { skip: missing ?? false }, () => {
  let browser: Browser;
  let server: TestServer;

  before(async () => {
    shots = mkdtempSync(join(tmpdir(), 'unspin-page-shots-'));
    assert.equal(fixture.text, example, 'fixture is the analysis of the example article');
    server = await serveForTest({ analyze: analyzeForTest, labels: sampleLabels() });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await browser.newPage(viewport);
    await watched.page.goto(server.url + '/');
    return watched;
  }
  function foreign(requests: string[]): string[] {
    return requests.filter((u) => !u.startsWith(server.url + '/') && !u.startsWith('blob:'));
  }

  it('analyses a pasted article: quotes, speakers, findings, details, filters, JSON download', async (t) => {
    const { page, errors, requests } = await openPage({ width: 1280, height: 800 });
    await page.getByLabel('Article text').fill(example);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#u-result .u-article').waitFor();
    assert.deepEqual(server.posted.at(-1), { text: example });
    assert.match((await page.locator('#u-status').textContent())!, /^Done: 10 quotes, 23 findings/);

    // Quotes highlighted, each with its speaker's name; speakers listed.
    const article = page.locator('#u-result .u-article');
    assert.equal(await article.textContent(), example);
    assert.ok((await article.locator('.v-quoted').count()) > 0);
    const who = await article.locator('.q-start').evaluateAll((els) => els.map((e) => e.getAttribute('data-who')));
    assert.equal(who.filter((w) => w === 'Vladimir Putin').length, fixture.quotes.filter((q) => q.speakerId === 'putin').length);
    assert.ok(who.includes('Dmitry Kiselyov'));
    assert.deepEqual(await page.locator('.u-item-speaker > .u-item-title').allTextContents(), ['Vladimir Putin', 'Dmitry Kiselyov']);
    assert.match((await page.locator('.u-item-state').first().textContent())!, /Rossiya 1\s*STATE-AFFILIATED/);

    // Click a hate finding in its panel: it is scrolled to, highlighted, and explained.
    const own = fixture.findings.find((f) => f.kind === 'hate' && f.voice === 'author')!;
    await page.locator('.u-panel-hate .u-item', { hasText: 'AUTHOR’S OWN WORDS' }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector('.u-article .is-selected');
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.equal((await article.locator('.is-selected').allTextContents()).join(''), own.text);
    const popover = page.locator('.u-popover');
    assert.equal(await popover.isVisible(), true);
    assert.match((await popover.textContent())!, /AUTHOR’S OWN WORDS/);
    assert.match((await popover.textContent())!, /parasites/);
    await page.screenshot({ path: join(shots, 'page-1280-details.png') });
    await page.keyboard.press('Escape');

    // Filter by voice: without the author's voice, the author's hate is not highlighted.
    await page.locator('input[data-filter="voice"][value="author"]').uncheck();
    assert.equal(await article.locator('.hate-own').count(), 0);
    assert.ok((await article.locator('.hate-quoted').count()) > 0);
    await page.locator('input[data-filter="voice"][value="author"]').check();
    assert.equal(await article.locator('.hate-own').count() > 0, true);

    // Download JSON: a blob with the analysis.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    assert.match(download.url(), /^blob:/);
    assert.equal(download.suggestedFilename(), 'state-media-blog.unspin.json');
    assert.deepEqual(JSON.parse(readFileSync((await download.path())!, 'utf8')), fixture);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'page-1280.png') });
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(requests), []);
    await page.close();
  });

  it('is usable at phone width: panels stack below the text, no sideways scroll', async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, 'page-390-empty.png') });
    await page.getByLabel('Article text').fill(example);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#u-result .u-article').waitFor();
    const article = (await page.locator('.u-article').boundingBox())!;
    const side = (await page.locator('.u-side').boundingBox())!;
    assert.ok(side.y >= article.y + article.height);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await page.locator('.u-claims .u-item').first().click();
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    // The finding scrolls above the details sheet.
    await page.waitForFunction(() => {
      const r = document.querySelector('.u-article .is-selected')?.getBoundingClientRect();
      const sheet = document.querySelector('.u-popover')!.getBoundingClientRect();
      return !!r && r.top >= 0 && r.top < sheet.top;
    });
    await page.waitForFunction(() => Math.abs(document.querySelector('.u-article .is-selected')!.getBoundingClientRect().top - 72) < 2, null, { timeout: 3000 });
    await page.screenshot({ path: join(shots, 'page-390.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is keyboard-usable: type, Tab to Analyse, Enter; findings take focus', async () => {
    const { page, errors } = await openPage();
    await page.getByLabel('Article text').focus();
    await page.keyboard.insertText(example);
    await page.keyboard.press('Control+Enter');
    await page.locator('#u-result .u-article').waitFor();
    // Tab from the report's first control through the filters into the text's findings.
    await page.getByRole('button', { name: 'Download JSON' }).focus();
    let steps = 0;
    while (!(await page.evaluate(() => document.activeElement?.hasAttribute('data-f'))) && steps++ < 20) await page.keyboard.press('Tab');
    assert.ok(steps <= 8, `reached the first finding in ${steps} tabs`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'visible focus');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'u-popover');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('runs nothing from pasted text or a dropped HTML file', async () => {
    const { page, errors, dialogs, requests } = await openPage();
    const payload = 'Breaking: </script><script>window.__xss=1;alert(1)</script> and <img src=x onerror="window.__xss=2;alert(2)"> said nobody.';
    await page.getByLabel('Article text').fill(payload);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#u-result .u-article').waitFor();
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
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForFunction(() => /minister said/.test(document.querySelector('.u-article')?.textContent ?? ''));
    assert.deepEqual(Object.keys(server.posted.at(-1) as object), ['html']);
    assert.doesNotMatch((await page.locator('.u-article').textContent())!, /__xss/);

    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('#u-result img').count(), 0);
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
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForFunction(() => document.getElementById('u-status')!.getAttribute('role') === 'alert' && /UNSPIN_E_/.test(document.getElementById('u-status')!.textContent!));
    assert.match((await page.locator('#u-status').textContent())!, /no text to analyse \(UNSPIN_E_INPUT_EMPTY\)/);
    assert.equal(await page.getByRole('button', { name: 'Analyse' }).isEnabled(), true);
    // The browser itself logs the 400 response; nothing else may be logged.
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    await page.close();
  });
});
