import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { UnspinError } from '../../src/core/errors.js';
import { webBundlePath } from '../../src/core/paths.js';
import { renderAppPage } from '../../src/interfaces/server/page.js';
import { renderHtmlReport } from '../../src/outputs/html.js';
import { webBundle } from '../../src/outputs/html-assets.js';
import { sampleAnalysis, sampleLabels } from './html-fixtures.js';

const inlineScripts = (html: string): string[] => [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]!);

describe('browser bundles (npm run build -> dist/web)', () => {
  it('the report inlines the bundled renderer, and the page the renderer then the page script', () => {
    const report = readFileSync(webBundlePath('report.js'), 'utf8');
    const app = readFileSync(webBundlePath('app.js'), 'utf8');
    // Bundles, not the TypeScript: no import statements, no type annotations left.
    assert.doesNotMatch(report, /^import /m);
    assert.doesNotMatch(report, /: ReportHandle/);
    assert.deepEqual(inlineScripts(renderHtmlReport(sampleAnalysis(), { labels: sampleLabels() })), [report]);
    assert.deepEqual(inlineScripts(renderAppPage({ labels: sampleLabels() })), [report, app]);
  });

  it('a missing bundle is a clear packaging error naming the file', () => {
    assert.throws(() => webBundle('no-such-bundle.js'), (e: unknown) => e instanceof UnspinError && /dist\/web\/no-such-bundle\.js.*npm run build/.test(e.message));
  });
});
