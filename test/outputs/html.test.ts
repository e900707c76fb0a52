import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Analysis } from '../../src/core/types.js';
import type { Detector } from '../../src/detectors/detector.js';
import { defaultDetectors } from '../../src/detectors/registry.js';
import { appPageCsp, renderAppPage } from '../../src/interfaces/server/page.js';
import { escapeHtml, renderHtmlReport } from '../../src/outputs/html.js';
import { inlineScript, jsonScript } from '../../src/outputs/html-inline.js';
import { labelsOf } from '../../src/outputs/html-labels.js';
import { renderers } from '../../src/outputs/index.js';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { hostileAnalysis, sampleAnalysis, sampleLabels, XSS_IMG, XSS_SCRIPT } from './html-fixtures.js';

/** The JSON in <script type="application/json" id=...>, parsed. */
function dataBlock(html: string, id: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${id}">([^]*?)</script>`).exec(html);
  assert.ok(m, `data block #${id} present`);
  return JSON.parse(m[1]!);
}

/** Everything that could make a browser fetch something. */
function externalLoads(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|action|poster|srcset|formaction)\s*=\s*["']?\s*(?:https?:)?\/\//gi)) found.push(m[0]);
  for (const m of html.matchAll(/url\(\s*["']?\s*(?:https?:)?\/\//gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import|<link\b|<iframe\b|<object\b|<embed\b/gi)) found.push(m[0]);
  return found;
}

/** Checks the CSP meta lists the hash of every inline script and style, and nothing looser. */
function assertCspCoversInlineCode(html: string, connect: string): void {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(policy, 'CSP meta present');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, new RegExp(`connect-src ${connect}`));
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<style>([^]*?)<\/style>/g)].map((m) => m[1]!);
  assert.ok(scripts.length > 0 && styles.length > 0);
  for (const s of scripts) assert.ok(policy.includes(hash(s)), 'script hash in CSP');
  for (const s of styles) assert.ok(policy.includes(hash(s)), 'style hash in CSP');
}

describe('renderHtmlReport', () => {
  it('uses a fixture whose spans are exact', () => {
    const analysis = sampleAnalysis();
    assertSpansConsistent(analysis);
    assertVoicesPartition(analysis);
    const kinds = new Set(analysis.findings.map((f) => `${f.kind}/${f.kind === 'hate' ? f.voice : ''}`));
    for (const k of ['hate/author', 'hate/quoted', 'propaganda/', 'claim/']) assert.ok(kinds.has(k), `fixture has ${k}`);
    assert.ok(analysis.outlets.some((o) => o.stateAffiliated) && analysis.outlets.some((o) => o.stateAffiliated === false));
  });

  it('is self-contained: no external loads, a CSP that forbids every request', () => {
    const html = renderHtmlReport(sampleAnalysis(), { labels: sampleLabels() });
    assert.deepEqual(externalLoads(html), []);
    assertCspCoversInlineCode(html, "'none'");
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta name="viewport"/);
  });

  it('carries the analysis and the labels as data', () => {
    const analysis = sampleAnalysis();
    const labels = sampleLabels();
    const html = renderHtmlReport(analysis, { labels });
    assert.deepEqual(dataBlock(html, 'unspin-data'), { analysis, labels });
    assert.ok(html.includes('<title>The Interview the Western Press Won&#39;t Show You · unspin report</title>'));
  });

  it('defaults the labels to those of the default detectors', () => {
    const html = renderHtmlReport(sampleAnalysis());
    const data = dataBlock(html, 'unspin-data') as { labels: unknown };
    assert.deepEqual(data.labels, labelsOf(defaultDetectors()));
  });

  it('is what --format html renders', () => {
    const analysis = sampleAnalysis();
    assert.equal(renderers.html(analysis, { several: false, color: false }), renderHtmlReport(analysis));
  });

  it('never lets input text out as markup', () => {
    const analysis: Analysis = hostileAnalysis();
    assertSpansConsistent(analysis);
    const html = renderHtmlReport(analysis, { labels: [{ kind: 'hate', label: 'x', definition: XSS_SCRIPT }] });
    // The raw payloads appear nowhere: not in the title, the data block or the fallback.
    assert.ok(!html.includes(XSS_IMG), 'img payload raw');
    assert.ok(!html.includes('<script>window.__xss'), 'script payload raw');
    assert.ok(!/<img\b/i.test(html), 'no img element');
    assert.ok(!html.includes('<!-- comment -->'), 'comment raw');
    // Exactly our own script blocks close: two (data + renderer).
    assert.equal(html.match(/<\/script>/g)?.length, 2);
    // The noscript fallback shows them, escaped.
    assert.ok(html.includes(escapeHtml(XSS_IMG)));
    assert.ok(html.includes(`<title>Title ${escapeHtml(XSS_SCRIPT)} · unspin report</title>`));
    // And the data round-trips.
    assert.deepEqual((dataBlock(html, 'unspin-data') as { analysis: Analysis }).analysis, analysis);
  });
});

describe('html helpers', () => {
  it('escapeHtml escapes the five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('jsonScript escapes < and line separators, and still parses back', () => {
    const value = { s: '</script><!-- \u2028\u2029 <b>' };
    const block = jsonScript('d', value);
    assert.ok(!block.slice(0, -'</script>'.length).includes('</script'));
    assert.ok(!block.includes('<!--') && !block.includes('\u2028') && !block.includes('\u2029'));
    assert.deepEqual(dataBlock(block, 'd'), value);
  });

  it('inlineScript refuses code that would end its own block', () => {
    assert.throws(() => inlineScript('var a = "</script>";'));
    assert.throws(() => inlineScript('var a = "<!--";'));
  });

  it('labelsOf lists each detector label with its kind, in order', () => {
    const fake = (kind: Detector['kind'], labels: string[]): Detector => ({ name: kind, kind, labels: labels.map((label) => ({ label, definition: `def ${label}` })), detect: () => [] });
    assert.deepEqual(labelsOf([fake('propaganda', ['B', 'A']), fake('hate', ['h'])]), [
      { kind: 'propaganda', label: 'B', definition: 'def B' },
      { kind: 'propaganda', label: 'A', definition: 'def A' },
      { kind: 'hate', label: 'h', definition: 'def h' },
    ]);
  });
});

describe('renderAppPage', () => {
  it('is self-contained, talks only to its own origin, and holds its config as data', () => {
    const labels = sampleLabels();
    const html = renderAppPage({ labels, endpoint: '/v1/analyze' });
    assert.deepEqual(externalLoads(html), []);
    assertCspCoversInlineCode(html, "'self'");
    assert.deepEqual(dataBlock(html, 'unspin-config'), { endpoint: '/v1/analyze', labels, maxBytes: 5 * 1024 * 1024, keyRequired: false });
    // A server with API keys says so to the page, which then shows its key field.
    assert.equal((dataBlock(renderAppPage({ labels, keyRequired: true }), 'unspin-config') as { keyRequired: boolean }).keyRequired, true);
    for (const id of ['u-text', 'u-file', 'u-analyze', 'u-result', 'u-status']) assert.ok(html.includes(`id="${id}"`), id);
    assert.match(html, /<label class="app-label" for="u-text">/);
  });
});

describe('appPageCsp', () => {
  it('is the policy the page carries in its meta tag', () => {
    const html = renderAppPage();
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${appPageCsp()}">`));
  });
});

describe('unspin analyze --format html', () => {
  it('writes a self-contained report of the input', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'analyze', 'examples/state-media-blog.txt', '--format', 'html'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<!doctype html>/);
    assert.deepEqual(externalLoads(run.stdout), []);
    const data = dataBlock(run.stdout, 'unspin-data') as { analysis: Analysis };
    assert.equal(data.analysis.text, readFileSync('examples/state-media-blog.txt', 'utf8'));
    assert.equal(data.analysis.meta.source, 'examples/state-media-blog.txt');
  });
});
