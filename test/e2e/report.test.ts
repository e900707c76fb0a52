import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/core/types.js';
import { renderHtmlReport } from '../../src/outputs/html.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { hostileAnalysis, sampleAnalysis, sampleLabels } from '../outputs/html-fixtures.js';
import { articlePieces, assertOneChipPerQuote, shownFindings, withoutBreaks } from './article.js';
import { browserMissing, launchBrowser, scrollSettled, type Browser, type WatchedPage } from './browser.js';

const missing = browserMissing();
/** Screenshots for a person to look at; the path is printed as a test diagnostic. */
let shots = '';

function writeReport(name: string, analysis: Analysis, labels = sampleLabels()): string {
  const file = join(shots, `${name}.html`);
  writeFileSync(file, renderHtmlReport(analysis, { labels }));
  return pathToFileURL(file).href;
}

async function open(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await browser.newPage(viewport);
  await watched.page.goto(url);
  await watched.page.waitForSelector('.u-article');
  return watched;
}

function onlyLocal(requests: string[]): string[] {
  return requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'));
}

describe('HTML report in Chromium', { skip: missing ?? false }, () => {
  let browser: Browser;
  const analysis = sampleAnalysis();
  let url: string;

  before(async () => {
    shots = mkdtempSync(join(tmpdir(), 'unspin-report-shots-'));
    browser = await launchBrowser();
    url = writeReport('sample', analysis);
  });
  after(async () => {
    await browser?.close();
  });

  describe('of the real analysis of the example article', () => {
    const source = 'examples/state-media-blog.txt';
    const real = analyze({ text: readFileSync(new URL(`../../${source}`, import.meta.url), 'utf8') }, { meta: { source } });
    let realUrl: string;
    before(() => {
      // The default labels: those of the detectors that produced the findings.
      realUrl = writeReport('state-media-blog', real, undefined);
    });

    it('shows every quote with its source, every finding, and the panels', async (t) => {
      const { page, errors, requests } = await open(browser, realUrl);
      assert.equal(await page.locator('.u-article').textContent(), real.text);
      const pieces = await articlePieces(page);
      assertOneChipPerQuote(real, pieces);
      for (const voice of ['quoted', 'reported'] as const) {
        const shown = pieces.filter((p) => p.classes.includes(`v-${voice}`)).map((p) => p.text).join('');
        assert.equal(withoutBreaks(shown), withoutBreaks(real.voices.filter((v) => v.voice === voice).map((v) => real.text.slice(v.start, v.end)).join('')), `${voice} text`);
      }
      // The quoted hate ("... into jungles," he said, to applause ...) is a finding on the quoted words only, and marked there.
      const quotedHate = real.findings.find((f) => f.kind === 'hate' && f.voice === 'quoted')!;
      const marked = pieces.filter((p) => p.classes.includes('hate-quoted')).map((p) => p.text).join('');
      assert.ok(quotedHate.text.includes('into jungles') && !quotedHate.text.includes('he said'), quotedHate.text);
      assert.ok(marked.length > 0 && !marked.includes('he said') && withoutBreaks(quotedHate.text).includes(withoutBreaks(marked).trim()), marked);
      assert.ok(pieces.filter((p) => p.classes.includes('hate-quoted')).every((p) => p.classes.includes('v-quoted')));
      const claimMin = Number(await page.locator('.u-claim-min').inputValue());
      assert.deepEqual([...shownFindings(pieces)].sort(), real.findings.filter((f) => f.kind !== 'claim' || f.score >= claimMin).map((f) => f.id).sort());
      assert.deepEqual((await page.locator('.u-item-speaker > .u-item-title').allTextContents()).sort(), real.speakers.map((s) => s.name).sort());
      assert.equal(await page.locator('.u-item-state .u-badge-state').count(), real.outlets.filter((o) => o.stateAffiliated).length);
      // Claims ranked by score, named in words rather than by the detector's label id.
      const claims = real.findings.filter((f) => f.kind === 'claim');
      const scores = (await page.locator('.u-claims .u-score').allTextContents()).map(Number);
      assert.deepEqual(scores, claims.map((f) => Number(f.score.toFixed(2))).sort((a, b) => b - a));
      assert.deepEqual(new Set(await page.locator('.u-claims .u-item-label').allTextContents()), new Set(claims.length ? ['Check-worthy claim'] : []));
      await page.screenshot({ path: join(shots, 'real-1280.png'), fullPage: true });
      t.diagnostic(`screenshots in ${shots}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(onlyLocal(requests), []);
      await page.close();
    });

    it('opens each finding clicked in a panel with its details inside the window', async () => {
      const { page, errors } = await open(browser, realUrl, { width: 1280, height: 720 });
      // Instant scrolling (the renderer honours reduced motion) keeps fifteen clicks quick; the scroll target is the same.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const items = page.locator('.u-item-finding');
      assert.equal(await items.count(), real.findings.length);
      // Long lists show their first items; "Show all" opens the rest.
      while ((await page.locator('.u-side .u-more').count()) > 0) await page.locator('.u-side .u-more').first().click();
      for (let i = 0; i < real.findings.length; i++) {
        await items.nth(i).click();
        await scrollSettled(page);
        const [finding, details] = await Promise.all([page.locator('.u-article .is-selected').first().boundingBox(), page.locator('.u-popover').boundingBox()]);
        const label = `finding ${i + 1}: ${(await items.nth(i).getAttribute('aria-label'))?.slice(0, 60)}`;
        assert.ok(finding && details, label);
        assert.ok(finding.y >= 0 && finding.y + finding.height <= 720, `${label}: finding at ${finding.y}`);
        // Details taller than the window cannot fit; they start right below the finding instead.
        const fits = details.height + finding.height + 26 <= 720;
        if (fits) assert.ok(details.y + details.height <= 721, `${label}: details end at ${details.y + details.height}`);
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  });

  it('shows the exact text with every quote, speaker and finding highlighted', async (t) => {
    const { page, errors, requests } = await open(browser, url);
    assert.equal(await page.locator('.u-article').textContent(), analysis.text, 'article text is exact');

    // Every attributed quote starts with a marker; one chip names its speaker, once.
    assert.equal(await page.locator('.u-article .q-start').count(), analysis.quotes.filter((q) => q.kind !== 'scare').length);
    assertOneChipPerQuote(analysis, await articlePieces(page));
    // Quoted and reported text carry their voice classes over exactly the voice spans.
    for (const voice of ['quoted', 'reported'] as const) {
      const shown = (await page.locator(`.u-article .v-${voice}`).allTextContents()).join('');
      const spans = analysis.voices.filter((v) => v.voice === voice).map((v) => analysis.text.slice(v.start, v.end).replace(/\s*\n\s*/g, ''));
      assert.equal(shown.replace(/\s*\n\s*/g, ''), spans.join(''), `${voice} text`);
    }
    // Author hate and quoted hate are marked differently, each only on the words in its own voice:
    // the quoted hate's mark stops where the narration ("he said, to applause") begins.
    const ownHate = analysis.findings.find((f) => f.kind === 'hate' && f.voice === 'author')!;
    const quotedHate = analysis.findings.find((f) => f.kind === 'hate' && f.voice === 'quoted')!;
    const inVoice = (f: typeof ownHate, own: boolean) => analysis.voices.filter((v) => (v.voice === 'author') === own).map((v) => analysis.text.slice(Math.max(v.start, f.start), Math.min(v.end, f.end))).join('');
    assert.equal((await page.locator('.u-article .k-hate.hate-own').allTextContents()).join(''), inVoice(ownHate, true));
    const quotedMarked = (await page.locator('.u-article .k-hate.hate-quoted').allTextContents()).join('');
    assert.equal(quotedMarked, inVoice(quotedHate, false));
    const evidence = await page.locator('.u-article .k-hate.is-evidence').allTextContents();
    assert.deepEqual(evidence.sort(), [...ownHate.evidence!, ...quotedHate.evidence!].map((e) => e.text).sort());
    // Marks never fill over the quoted tint: a quoted piece keeps its tint under any finding.
    const tints = await page.locator('.u-article .v-quoted[data-f]').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    assert.ok(tints.length > 0 && new Set(tints).size === 1, `one tint under findings: ${[...new Set(tints)].join(', ')}`);
    const claimMin = Number(await page.locator('.u-claim-min').inputValue());
    const ids = new Set((await page.locator('[data-f]').evaluateAll((els) => els.map((e) => e.getAttribute('data-f')))).flatMap((s) => s!.split(' ')));
    assert.deepEqual([...ids].sort(), analysis.findings.filter((f) => f.kind !== 'claim' || f.score >= claimMin).map((f) => f.id).sort());
    // Propaganda segments are underlined in their technique's colour.
    const shadows = await page.locator('.u-article .k-propaganda').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.boxShadow));
    assert.ok(shadows.length > 0 && shadows.every((s) => /rgb|#/.test(s)));
    // Side panels: speakers, outlets with the state badge, claims ranked by score.
    assert.deepEqual((await page.locator('.u-item-speaker > .u-item-title').allTextContents()).sort(), analysis.speakers.map((s) => s.name).sort());
    const stateOutlets = analysis.outlets.filter((o) => o.stateAffiliated).length;
    assert.equal(await page.locator('.u-item-state .u-badge-state').count(), stateOutlets);
    const claimScores = (await page.locator('.u-claims .u-score').allTextContents()).map(Number);
    assert.deepEqual(claimScores, [...claimScores].sort((a, b) => b - a));
    assert.equal(await page.locator('button.u-technique').count(), new Set(analysis.findings.filter((f) => f.kind === 'propaganda').map((f) => f.label)).size);

    await page.screenshot({ path: join(shots, 'report-1280.png'), fullPage: true });
    t.diagnostic(`screenshots in ${shots}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(onlyLocal(requests), []);
    await page.close();
  });

  it('scrolls to and highlights a finding clicked in a panel, with its details', async () => {
    const { page, errors } = await open(browser, url);
    const top = [...analysis.findings].filter((f) => f.kind === 'claim').sort((a, b) => b.score - a.score)[0]!;
    await page.locator('.u-claims .u-item').first().click();
    const selected = page.locator('.u-article .is-selected');
    await selected.first().waitFor();
    assert.equal((await selected.allTextContents()).join(''), top.text);
    await page.waitForFunction(() => {
      const r = document.querySelector('.u-article .is-selected')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    const popover = page.locator('.u-popover');
    assert.equal(await popover.isVisible(), true);
    assert.match((await popover.textContent())!, /Check-worthy claim/);
    assert.match((await popover.textContent())!, new RegExp(top.explanation.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.keyboard.press('Escape');
    assert.equal(await popover.isVisible(), false);

    // A quote listed under its speaker opens its provenance card.
    const gift = analysis.quotes.find((q) => q.text.startsWith('“a gift'))!;
    // A speaker's quotes beyond the first three are behind "Show all".
    await page.locator('[data-panel="speakers"] .u-more').first().click();
    await page.locator('.u-sublist .u-item', { hasText: 'a gift that forced us' }).click();
    assert.equal((await page.locator('.u-article .is-selected').allTextContents()).join(''), gift.text);
    const card = (await popover.textContent())!;
    assert.match(card, /DIRECT QUOTE.*Speaker\s*Vladimir Putin.*Outlet\s*TASS\s*STATE-AFFILIATED.*Cue\s*“Putin described the sanctions as”/s);
    await page.keyboard.press('Escape');

    // A technique in the propaganda legend highlights all its findings.
    const twice = analysis.findings.filter((f) => f.label === 'Appeal_to_fear-prejudice');
    assert.equal(twice.length, 2);
    // With many propaganda findings the section starts folded: open it first.
    if (!(await page.locator('[data-panel="propaganda"] details').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('[data-panel="propaganda"] summary').click();
    await page.locator('button.u-technique', { hasText: 'Appeal to fear-prejudice' }).click();
    const lit = (await page.locator('.u-article .is-selected').allTextContents()).join('');
    assert.equal(lit, twice.map((f) => f.text).join(''));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('opens details below a finding, or above it near the bottom of the window', async () => {
    const { page, errors } = await open(browser, url);
    const target = page.locator('.u-article .hate-own').first();
    // Put the finding 60px above the bottom edge, then click it.
    await target.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().bottom - window.innerHeight + 60));
    await target.click();
    let box = (await target.boundingBox())!;
    let details = (await page.locator('.u-popover').boundingBox())!;
    assert.ok(details.y + details.height <= box.y, 'details above the finding');
    await page.keyboard.press('Escape');
    await target.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - 100));
    await target.click();
    box = (await target.boundingBox())!;
    details = (await page.locator('.u-popover').boundingBox())!;
    assert.ok(details.y >= box.y + box.height, 'details below the finding');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('works from the keyboard: Tab to a finding, Enter for details, Escape back', async () => {
    const { page, errors } = await open(browser, url);
    await page.locator('.u-article [data-f][tabindex="0"]').first().focus();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-f'));
    assert.ok(focused);
    assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', /Press Enter/);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'u-popover', 'details take focus');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Close details');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.u-popover').isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-f')), focused, 'focus returns');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.hasAttribute('data-f')), 'next finding takes focus');
    await page.keyboard.press(' ');
    assert.equal(await page.locator('.u-popover').isVisible(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters by kind and by voice', async () => {
    const { page, errors } = await open(browser, url);
    const filter = (group: string, name: string) => page.locator(`.u-toolbar input[data-filter="${group}"][value="${name}"]`);
    await filter('kind', 'hate').uncheck();
    assert.equal(await page.locator('.u-article .k-hate').count(), 0);
    assert.ok((await page.locator('.u-article .k-propaganda').count()) > 0);
    await filter('kind', 'hate').check();
    assert.ok((await page.locator('.u-article .k-hate').count()) > 0);
    await filter('voice', 'quoted').uncheck();
    const shown = await page.locator('.u-article [data-f]').evaluateAll((els) => els.flatMap((e) => e.getAttribute('data-f')!.split(' ')));
    const quotedIds = analysis.findings.filter((f) => f.voice === 'quoted').map((f) => f.id);
    assert.ok(quotedIds.length > 0);
    assert.ok(!shown.some((id) => quotedIds.includes(id)), 'no quoted finding highlighted');
    assert.equal(await page.locator('.unspin.u-dim-quoted').count(), 1);
    // The text itself stays exact whatever is filtered.
    assert.equal(await page.locator('.u-article').textContent(), analysis.text);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('stacks the panels below the text on a phone-width screen', async () => {
    const { page, errors } = await open(browser, url, { width: 390, height: 844 });
    const article = (await page.locator('.u-article').boundingBox())!;
    const side = (await page.locator('.u-side').boundingBox())!;
    assert.ok(side.y >= article.y + article.height, 'side panels after the article');
    assert.ok(article.width <= 390);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `no horizontal scroll (${scrollWidth})`);
    await page.screenshot({ path: join(shots, 'report-390.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('runs nothing from the input: script, onerror and comment payloads stay text', async () => {
    const hostile = hostileAnalysis();
    const { page, errors, dialogs, requests } = await open(browser, writeReport('hostile', hostile));
    assert.equal(await page.locator('.u-article').textContent(), hostile.text);
    await page.locator('.u-article [data-f]').first().click();
    await page.locator('.u-side .u-item').first().click();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 2, 'only the data block and the renderer');
    assert.match((await page.locator('.u-title').textContent())!, /<\/script><script>window.__xss=1/);
    assert.deepEqual(errors, []);
    assert.deepEqual(onlyLocal(requests), []);
    await page.close();
  });
});
