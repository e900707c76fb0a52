import { readFileSync } from 'node:fs';
import type { Analysis } from '../../src/core/types.js';
import type { ReportLabel } from '../../src/outputs/html-labels.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The hand-made analysis of examples/state-media-blog.txt (a fresh copy each call). */
export function sampleAnalysis(): Analysis {
  return JSON.parse(fixture('report-sample.json')) as Analysis;
}

export function sampleLabels(): ReportLabel[] {
  return JSON.parse(fixture('report-labels.json')) as ReportLabel[];
}

export const XSS_SCRIPT = '</script><script>window.__xss=1;alert(1)</script>';
export const XSS_IMG = '<img src=x onerror="window.__xss=2;alert(2)">';

/**
 * An analysis whose text, metadata, names, labels and explanations all carry markup
 * that would run if any of it were parsed as HTML. Spans are exact.
 */
export function hostileAnalysis(): Analysis {
  const text = `Intro ${XSS_SCRIPT} middle “${XSS_IMG} said” end <!-- comment --> & more.`;
  const quoteStart = text.indexOf('“');
  const quoteEnd = text.indexOf('”') + 1;
  const imgStart = text.indexOf(XSS_IMG);
  const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
  return {
    schemaVersion: 1,
    text,
    meta: { source: `evil${XSS_IMG}.txt`, title: `Title ${XSS_SCRIPT}`, byline: XSS_IMG, publishedAt: null, url: 'javascript:window.__xss=3', language: 'en', format: 'text' },
    sentences: [{ start: 0, end: text.length }],
    voices: [
      { start: 0, end: quoteStart - 1, voice: 'author' },
      { start: quoteStart, end: quoteEnd, voice: 'quoted', quoteId: 'q1' },
      { start: quoteEnd + 1, end: text.length, voice: 'author' },
    ],
    quotes: [{ id: 'q1', kind: 'direct', ...span(quoteStart, quoteEnd), speakerId: 's1', outletId: 'o1', cue: null, explanation: `because ${XSS_IMG}` }],
    speakers: [{ id: 's1', name: `Speaker ${XSS_IMG}`, mentions: [] }],
    outlets: [{ id: 'o1', name: `Outlet ${XSS_SCRIPT}`, country: XSS_IMG, stateAffiliated: true, typology: 'SC', owner: XSS_IMG, mentions: [] }],
    findings: [
      { id: 'f1', kind: 'hate', label: `hatespeech${XSS_IMG}`, ...span(6, 6 + XSS_SCRIPT.length), score: 0.9, voice: 'author', explanation: XSS_SCRIPT, targets: [XSS_IMG], evidence: [span(6, 15)] },
      { id: 'f2', kind: 'propaganda', label: XSS_SCRIPT, ...span(imgStart, imgStart + XSS_IMG.length), score: 0.5, voice: 'quoted', explanation: XSS_IMG },
      { id: 'f3', kind: 'claim', label: 'check-worthy', ...span(0, text.length - 1), score: 0.4, voice: 'author', explanation: 'x', parts: [{ type: 'number', ...span(imgStart, imgStart + 4), value: XSS_IMG }] },
    ],
  };
}
