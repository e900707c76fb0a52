/**
 * The report's verdict, its calm text and its side panel on a long article, in Chromium.
 * Screenshots at laptop and phone width go to a temp folder printed as a diagnostic.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/core/types.js';
import { renderHtmlReport } from '../../src/outputs/html.js';
import { verdictOf } from '../../src/outputs/verdict.js';
import { TARGET_NAMES } from '../../src/outputs/target-names.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { articlePieces, shownFindings } from './article.js';
import { browserMissing, launchBrowser, scrollSettled, type Browser, type WatchedPage } from './browser.js';

const missing = browserMissing();
const example = readFileSync(new URL('../../examples/state-media-blog.txt', import.meta.url), 'utf8');

describe('verdict, calm text and a long article in Chromium', { skip: missing ?? false }, () => {
  let browser: Browser;
  let shots = '';
  const blog = analyze({ text: example }, { meta: { source: 'examples/state-media-blog.txt' } });
  // Ten copies of the example: over 200 findings, to see that the panel stays usable.
  const long = analyze({ text: Array.from({ length: 12 }, () => example).join('\n\n') });

  function write(name: string, analysis: Analysis): string {
    const file = join(shots, `${name}.html`);
    writeFileSync(file, renderHtmlReport(analysis));
    return pathToFileURL(file).href;
  }
  async function open(url: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await browser.newPage(viewport);
    await watched.page.goto(url);
    await watched.page.waitForSelector('.u-article');
    return watched;
  }

  before(async () => {
    shots = mkdtempSync(join(tmpdir(), 'unspin-verdict-shots-'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('answers the four questions at the top, as src/outputs/verdict.ts does', async (t) => {
    const { page, errors } = await open(write('blog', blog));
    const v = verdictOf(blog);
    const cards = page.locator('.u-verdict .u-vcard');
    assert.equal(await cards.count(), 4);
    // The verdict comes before the text.
    const [verdictBox, articleBox] = await Promise.all([page.locator('.u-verdict').boundingBox(), page.locator('.u-article').boundingBox()]);
    assert.ok(verdictBox!.y < articleBox!.y && verdictBox!.y < 800, 'verdict above the text, in the first screen');
    const hate = (await cards.nth(0).textContent())!;
    assert.match(hate, /Hate speech/);
    for (const target of v.hate.targets) assert.ok(hate.includes(TARGET_NAMES[target] ?? target), target);
    const voices = (await cards.nth(1).textContent())!;
    assert.ok(voices.includes(`${Math.round((v.voices.quoted + v.voices.reported) * 100)}%`));
    for (const s of v.sources) assert.ok(voices.includes(s.name) && voices.includes(`${Math.round(s.share * 100)}%`), s.name);
    assert.deepEqual(await cards.nth(2).locator('.u-vcard-strong').allTextContents(), v.stateOutlets.map((o) => o.name));
    const claims = cards.nth(3).locator('.u-vlink');
    assert.deepEqual((await claims.locator('.u-score').allTextContents()).map(Number), v.topClaims.map((f) => Number(f.score.toFixed(2))));
    // A claim in the verdict opens it in the text, even when its score is under the slider's.
    await page.locator('.u-claim-min').fill('1');
    await claims.nth(2).click();
    await scrollSettled(page);
    assert.equal((await page.locator('.u-article .is-selected').allTextContents()).join(''), v.topClaims[2]!.text);
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    await page.screenshot({ path: join(shots, 'verdict-1280.png') });
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws claims from the score the reader sets, with their parts bold only when selected', async () => {
    const { page, errors } = await open(write('blog', blog));
    const claims = blog.findings.filter((f) => f.kind === 'claim');
    const drawnClaims = async () => [...shownFindings(await articlePieces(page))].filter((id) => claims.some((f) => f.id === id)).sort();
    const atLeast = (min: number) => claims.filter((f) => f.score >= min).map((f) => f.id).sort();
    const start = Number(await page.locator('.u-claim-min').inputValue());
    assert.ok(atLeast(start).length < claims.length, 'not every claim is drawn at first');
    assert.deepEqual(await drawnClaims(), atLeast(start));
    await page.locator('.u-claim-min').fill('0');
    assert.deepEqual(await drawnClaims(), atLeast(0));
    assert.match((await page.locator('.u-claim-min-value').textContent())!, new RegExp(`${claims.length} of ${claims.length} shown`));
    await page.locator('.u-claim-min').fill('1');
    assert.deepEqual(await drawnClaims(), atLeast(1));
    // Parts of a claim are bold only once it is selected.
    await page.locator('.u-claim-min').fill('0');
    // A part that is only a part (speaker names and outlets have their own weight).
    const part = page.locator('.u-article .is-part:not(.is-speaker):not(.is-outlet):not(.is-evidence)').first();
    assert.equal(await part.evaluate((e) => getComputedStyle(e).fontWeight), '400');
    const claimId = (await part.getAttribute('data-f'))!.split(' ').find((id) => claims.some((f) => f.id === id))!;
    await page.evaluate((id) => (window as unknown as { unspinReport: { select(id: string): void } }).unspinReport.select(id), claimId);
    assert.equal(await part.evaluate((e) => e.classList.contains('is-selected')), true);
    assert.equal(await part.evaluate((e) => getComputedStyle(e).fontWeight), '700');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps the panel usable with over 200 findings: folded sections, short lists, Show all', async (t) => {
    assert.ok(long.findings.length >= 200, `${long.findings.length} findings`);
    const { page, errors } = await open(write('long', long), { width: 1280, height: 800 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // No scroll box of its own: the side panel is as tall as its content, which is short.
    const side = page.locator('.u-side');
    assert.equal(await side.evaluate((e) => getComputedStyle(e).overflowY), 'visible');
    const sideBox = (await side.boundingBox())!;
    assert.ok(sideBox.height < 4 * 800, `side panel ${Math.round(sideBox.height)} px high`);
    // Each section shows its count, and at most six items until Show all.
    const claims = long.findings.filter((f) => f.kind === 'claim');
    const panel = page.locator('[data-panel="claims"]');
    assert.equal(await panel.locator('h2 .u-count').textContent(), String(claims.length));
    assert.ok((await panel.locator('.u-list > li:visible').count()) <= 6);
    await panel.getByRole('button', { name: `Show all ${claims.length}` }).click();
    assert.equal(await panel.locator('.u-list > li:visible').count(), claims.length);
    // The last, lowest-ranked claim still opens in the text.
    await panel.locator('.u-item-finding').last().click();
    await scrollSettled(page);
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    const selected = (await page.locator('.u-article .is-selected').first().boundingBox())!;
    assert.ok(selected.y >= 0 && selected.y < 800);
    // Many propaganda findings start folded; a section opened or folded stays so when the text is filtered.
    const isOpen = (id: string) => page.locator(`[data-panel="${id}"] details`).evaluate((d) => (d as HTMLDetailsElement).open);
    assert.equal(await isOpen('propaganda'), false);
    await page.locator('[data-panel="propaganda"] summary').click();
    await page.locator('[data-panel="outlets"] summary').click();
    await page.getByRole('checkbox', { name: /^Hate/ }).uncheck();
    assert.deepEqual([await isOpen('propaganda'), await isOpen('outlets')], [true, false]);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'long-1280.png') });
    assert.deepEqual(errors, []);
    await page.close();
    const phone = await open(write('long', long), { width: 390, height: 844 });
    assert.ok((await phone.page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await phone.page.screenshot({ path: join(shots, 'long-390.png') });
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(phone.errors, []);
    await phone.page.close();
  });
});
