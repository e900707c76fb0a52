/**
 * Renders an HTML report and photographs it in headless Chromium, to look at the design.
 *   npx tsx scripts/screenshot.ts [ANALYSIS.json | ARTICLE.txt|.html] [--labels LABELS.json] [--out DIR]
 * Default input: test/fixtures/report-sample.json with test/fixtures/report-labels.json.
 * Writes report.html and PNGs at 1280x800 and 390x844 (page, full page, and with a
 * finding's details open) and prints any console errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../src/core/types.js';
import { renderHtmlReport, type ReportLabel } from '../src/outputs/html.js';
import { analyze } from '../src/pipeline/analyze.js';
import { browserMissing, launchBrowser } from '../test/e2e/browser.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const out = resolve(option('--out') ?? 'scratch/screenshots');
const labelsPath = option('--labels') ?? (args[0] ? undefined : 'test/fixtures/report-labels.json');
const input = args[0] ?? 'test/fixtures/report-sample.json';

const missing = browserMissing();
if (missing) {
  console.error(`screenshot: ${missing}`);
  process.exit(1);
}

const raw = readFileSync(input, 'utf8');
const analysis: Analysis = input.endsWith('.json') ? JSON.parse(raw) : analyze(/\.html?$/i.test(input) ? { html: raw } : { text: raw }, { meta: { source: input } });
const labels: ReportLabel[] | undefined = labelsPath ? JSON.parse(readFileSync(labelsPath, 'utf8')) : undefined;
mkdirSync(out, { recursive: true });
const file = join(out, 'report.html');
writeFileSync(file, renderHtmlReport(analysis, labels ? { labels } : {}));

const browser = await launchBrowser();
try {
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    const { page, errors, requests } = await browser.newPage({ width, height });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('.u-article');
    await page.screenshot({ path: join(out, `report-${width}.png`) });
    await page.screenshot({ path: join(out, `report-${width}-full.png`), fullPage: true });
    const first = page.locator('.u-panel-hate .u-item').first();
    if (await first.count()) {
      await first.click();
      await page.waitForTimeout(700);
      await page.screenshot({ path: join(out, `report-${width}-details.png`) });
    }
    const external = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    console.log(`${width}x${height}: ${errors.length} console errors${errors.length ? ': ' + errors.join(' | ') : ''}; ${external.length} external requests`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote ${out}`);
