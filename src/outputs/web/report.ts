/*
 * unspin report renderer, shared by the self-contained HTML report and the web page.
 * Typed browser code (tsconfig.web.json), bundled to dist/web/report.js by npm run build; no framework, no network.
 *
 * Input text reaches the page only through textContent, attribute values and CSS
 * attr(), never through HTML parsing, so an article containing markup runs nothing.
 *
 * API: window.Unspin.render(root, analysis, labels) -> { select(id), setFilter(kind|voice, name, on) }
 * The report page boots itself from <script type="application/json" id="unspin-data">.
 */
import type { Analysis, Finding, FindingKind, Outlet, Quote, Span, Speaker, Voice } from '../../core/types.js';
import type { ReportLabel } from '../report-label.js';
// Written once, shared with the server's outputs: esbuild bundles these pure modules in.
import { lineColumn } from '../../core/spans.js';
import { humanDate, paragraphOf } from '../display.js';
import { verdictOf } from '../verdict.js';
import { targetNames } from '../target-names.js';

/** What render() returns: the live report's controls (the end-to-end tests drive them). */
export interface ReportHandle {
  select(id: string): boolean;
  setFilter(group: 'kind' | 'voice', name: string, on: boolean): void;
  close(): void;
  onDocumentClick(event: MouseEvent): void;
}

declare global {
  interface Window {
    Unspin: { render: typeof render };
    unspinReport?: ReportHandle;
  }
}

type Child = Node | string | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;
const KINDS: FindingKind[] = ['hate', 'propaganda', 'claim'];
const VOICES: Voice[] = ['author', 'quoted', 'reported'];
const KIND_TITLE: Record<string, string> = { hate: 'Hate speech', propaganda: 'Propaganda techniques', claim: 'Check-worthy claims' };
const KIND_SHORT: Record<string, string> = { hate: 'Hate', propaganda: 'Propaganda', claim: 'Claims' };
const KIND_ONE: Record<string, string> = { hate: 'Hate', propaganda: 'Propaganda', claim: 'Claim' };
const VOICE_TITLE: Record<string, string> = { author: 'Author', quoted: 'Quoted', reported: 'Reported' };
const VOICE_BADGE: Record<string, string> = { author: 'AUTHOR\u2019S OWN WORDS', quoted: 'QUOTED', reported: 'REPORTED SPEECH' };
const VOICE_HELP: Record<string, string> = {
  author: 'The writer\u2019s own words: plain text.',
  quoted: 'Direct quotes: tinted, with the speaker\u2019s name at the start.',
  reported: 'Reported speech (\u201Csaid that \u2026\u201D): dotted underline.',
};
// State Media Monitor typology (Media and Journalism Research Center).
const TYPOLOGY: Record<string, string> = {
  SC: 'state-controlled',
  CaPu: 'captured public media',
  CaPr: 'captured private media',
  ISFM: 'independent state-funded and state-managed',
  ISF: 'independent state-funded',
  ISM: 'independent state-managed',
  IP: 'independent public media',
};
// Fourteen distinguishable hues, none of them the hate red; techniques take them in
// the order the detector lists its labels, so colours are stable across reports.
const PALETTE = ['#7048e8', '#1c7ed6', '#0ca678', '#f08c00', '#d6336c', '#5c940d', '#0b7285', '#ae3ec9', '#e8590c', '#364fc7', '#087f5b', '#a61e4d', '#74b816', '#495057'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (key) {
      const value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'class') node.className = String(value);
      else if (key === 'text') node.textContent = String(value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
  }
  children.forEach(function (child) { append(node, child); });
  return node;
}
function append(node: HTMLElement, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
  else node.append(typeof child === 'string' ? document.createTextNode(child) : child);
}

const LABEL_NAME: Record<string, string> = { hatespeech: 'Hate speech', offensive: 'Offensive', checkworthy: 'Check-worthy claim', 'check-worthy': 'Check-worthy claim' };
function prettyLabel(label: string): string {
  if (LABEL_NAME[label]) return LABEL_NAME[label];
  const s = String(label).replace(/_/g, ' ').replace(/,/g, ' / ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function excerpt(s: string, max?: number): string {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  max = max || 90;
  return flat.length > max ? flat.slice(0, max - 1) + '\u2026' : flat;
}
function pct(x: number): string {
  return Math.round(x * 100) + '%';
}
/** Where an offset is: its paragraph (¶3) for an HTML page, line and column for plain text (src/outputs/display.ts). */
function positionOf(text: string, format: string, offset: number): string {
  if (format === 'html') return '\u00B6' + paragraphOf(text, offset);
  const at = lineColumn(text, offset);
  return 'line ' + at.line + ', column ' + at.column;
}
function score(x: unknown): string {
  return typeof x === 'number' ? x.toFixed(2) : '';
}
// Unknown kinds or voices (a newer analysis, or hand-written JSON) show as they are.
function voiceBadge(v: string): string {
  return VOICE_BADGE[v] || String(v).toUpperCase();
}
function kindOne(k: string): string {
  return KIND_ONE[k] || String(k);
}
function isHateOwn(f: Finding): boolean {
  return f.voice === 'author';
}

/** Splits [0, text.length) at every span boundary and at line breaks; each piece lists the spans covering it. */
type SpanRef =
  | { start: number; end: number; type: 'voice'; ref: { voice: Voice } }
  | { start: number; end: number; type: 'quote' | 'scare'; ref: Quote }
  | { start: number; end: number; type: 'speaker'; ref: Speaker }
  | { start: number; end: number; type: 'outlet'; ref: Outlet }
  | { start: number; end: number; type: 'finding' | 'evidence' | 'part'; ref: Finding };
interface Piece {
  start: number;
  end: number;
  covers: SpanRef[];
  gap: boolean;
}

function segments(text: string, spans: SpanRef[]): Piece[] {
  let cuts = [0, text.length];
  spans.forEach(function (s) { cuts.push(s.start, s.end); });
  const breaks = /\s*\n\s*/g;
  let m;
  const gaps: Span[] = [];
  while ((m = breaks.exec(text))) {
    gaps.push({ start: m.index, end: m.index + m[0].length });
    cuts.push(m.index, m.index + m[0].length);
  }
  cuts = cuts.filter(function (c) { return c >= 0 && c <= text.length; }).sort(function (a, b) { return a - b; });
  const points = cuts.filter(function (c, i) { return i === 0 || c !== cuts[i - 1]; });
  const byStart = spans.filter(function (s) { return s.end > s.start; }).sort(function (a, b) { return a.start - b.start; });
  const out: Piece[] = [];
  let active: SpanRef[] = [];
  let k = 0;
  let g = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (k < byStart.length && byStart[k].start <= a) active.push(byStart[k++]);
    active = active.filter(function (s) { return s.end > a; });
    while (g < gaps.length && gaps[g].end <= a) g++;
    const inGap = g < gaps.length && gaps[g].start <= a && b <= gaps[g].end;
    out.push({ start: a, end: b, covers: inGap ? [] : active.slice(), gap: inGap });
  }
  return out;
}

function render(root: HTMLElement, analysis: Analysis, labelList?: readonly ReportLabel[] | null): ReportHandle {
  const text = analysis.text || '';
  const findings = (analysis.findings || []).slice();
  const quotes = analysis.quotes || [];
  const speakers = analysis.speakers || [];
  const outlets = analysis.outlets || [];
  const labels: Record<string, ReportLabel> = {};
  (labelList || []).forEach(function (l) { labels[l.kind + '\u0000' + l.label] = l; });
  const speakerById: Record<string, Speaker> = {};
  speakers.forEach(function (s) { speakerById[s.id] = s; });
  const outletById: Record<string, Outlet> = {};
  outlets.forEach(function (o) { outletById[o.id] = o; });
  const quoteById: Record<string, Quote> = {};
  quotes.forEach(function (q) { quoteById[q.id] = q; });
  const findingById: Record<string, Finding> = {};
  findings.forEach(function (f) { findingById[f.id] = f; });

  const colours: Record<string, string> = {};
  let nextColour = 0;
  function colourFor(label: string): string {
    if (!(label in colours)) colours[label] = PALETTE[nextColour++ % PALETTE.length];
    return colours[label];
  }
  (labelList || []).forEach(function (l) { if (l.kind === 'propaganda') colourFor(l.label); });
  findings.forEach(function (f) { if (f.kind === 'propaganda') colourFor(f.label); });

  function definition(f: Finding): string | null {
    const l = labels[f.kind + '\u0000' + f.label];
    return l ? l.definition : null;
  }

  const claimScores = findings.filter(function (f) { return f.kind === 'claim'; }).map(function (f) { return f.score; }).sort(function (a, b) { return b - a; });
  // Claims are drawn in the text only from a score the reader sets (at first: the top three), or one at a time on demand.
  const state: { kinds: Record<string, boolean>; voices: Record<string, boolean>; claimMin: number; onDemand: Record<string, boolean> } = {
    kinds: { hate: true, propaganda: true, claim: true },
    voices: { author: true, quoted: true, reported: true },
    claimMin: claimScores.length > 3 ? Math.max(0, Math.floor(claimScores[2] * 100) / 100) : 0,
    onDemand: {},
  };
  function visible(f: Finding): boolean {
    return state.kinds[f.kind] !== false && state.voices[f.voice] !== false;
  }
  function drawn(f: Finding): boolean {
    return visible(f) && (f.kind !== 'claim' || f.score >= state.claimMin || state.onDemand[f.id] === true);
  }
  // One speaker chip per quote: none on a quote inside another quote of the same source, nor on the next part of a quote the same speaker continues ("The West," he continued, "has ...").
  const chip: Record<string, boolean> = {};
  (function () {
    const real = quotes.filter(function (q) { return q.kind !== 'scare'; }).sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    let previous: Quote | null = null;
    real.forEach(function (q) {
      const who = quoteSource(q);
      const nested = real.some(function (p) { return p !== q && p.start <= q.start && q.end <= p.end && quoteSource(p) === who && (p.start < q.start || p.end > q.end); });
      const continued = previous && quoteSource(previous) === who && !/\n/.test(text.slice(previous.end, q.start)) && q.start - previous.end < 80;
      chip[q.id] = !nested && !continued;
      if (!nested) previous = q;
    });
  })();

  root.textContent = '';
  root.classList.add('unspin');

  // ---- header --------------------------------------------------------------
  const meta = analysis.meta || {};
  const metaBits = [meta.byline, meta.publishedAt ? humanDate(meta.publishedAt) : null, meta.source, meta.url].filter(Boolean);
  const totals: Record<Voice, number> = { author: 0, quoted: 0, reported: 0 };
  (analysis.voices || []).forEach(function (v) { if (v.voice in totals) totals[v.voice] += v.end - v.start; });
  const sum = totals.author + totals.quoted + totals.reported || 1;
  const stateOutlets = outlets.filter(function (o) { return o.stateAffiliated; });

  const voiceBar = el('div', { class: 'u-voicebar', role: 'img', 'aria-label': VOICES.map(function (v) { return VOICE_TITLE[v] + ' ' + pct(totals[v] / sum); }).join(', ') },
    VOICES.map(function (v) {
      const bar = el('span', { class: 'u-voicebar-' + v });
      bar.style.width = (100 * totals[v] / sum).toFixed(2) + '%';
      return bar;
    }));
  const header = el('header', { class: 'u-head' },
    el('div', { class: 'u-head-main' },
      el('p', { class: 'u-eyebrow', text: 'unspin \u00B7 provenance and findings report' }),
      el('h1', { class: 'u-title', text: meta.title || meta.source || 'Untitled document' }),
      metaBits.length ? el('p', { class: 'u-meta', text: metaBits.join(' \u00B7 ') }) : null,
      el('div', { class: 'u-voices' }, voiceBar,
        el('p', { class: 'u-voicebar-legend' }, VOICES.map(function (v) {
          return el('span', { class: 'u-key-' + v }, el('i', { 'aria-hidden': 'true' }), VOICE_TITLE[v] + ' ' + pct(totals[v] / sum));
        })))),
    el('div', { class: 'u-head-side' },
      el('dl', { class: 'u-stats' },
        stat(quotes.filter(function (q) { return q.kind !== 'scare'; }).length, 'quotes'),
        stat(speakers.length, 'speakers'),
        stat(outlets.length, 'outlets', stateOutlets.length ? stateOutlets.length + ' state' : null),
        stat(count('hate'), 'hate', null, 'hate'),
        stat(count('propaganda'), 'propaganda', null, 'propaganda'),
        stat(count('claim'), 'claims', null, 'claim')),
      el('button', { type: 'button', class: 'u-button', 'data-action': 'download', onclick: download }, 'Download JSON')));

  function count(kind: string): number {
    return findings.filter(function (f) { return f.kind === kind; }).length;
  }
  function stat(n: number, what: string, note?: string | null, kind?: string): HTMLElement {
    return el('div', { class: 'u-stat' + (kind ? ' u-stat-' + kind : '') }, el('dt', { text: what }), el('dd', null, String(n), note ? el('small', { text: note }) : null));
  }
  function download() {
    const blob = new Blob([JSON.stringify(analysis, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const base = (String(meta.source || meta.title || 'analysis').split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'analysis';
    const a = el('a', { href: url, download: base + '.unspin.json', class: 'u-hidden' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
    root.dispatchEvent(new window.CustomEvent('unspin:download', { detail: { size: blob.size, name: a.download } }));
  }

  // ---- filters ---------------------------------------------------------------
  // ---- verdict: the four answers, first --------------------------------------------
  const verdict = verdictOf(analysis);
  const HATE_WORDS: Record<string, string> = { hatespeech: 'Hate speech', offensive: 'Offensive language', normal: 'None found' };
  function card(title: string, cls: string, body: Child): HTMLElement {
    return el('section', { class: 'u-vcard ' + cls, 'aria-label': title }, el('h2', { class: 'u-vcard-title', text: title }), body);
  }
  function jump(id: string, children: Child, label?: string): HTMLElement {
    return el('button', { type: 'button', class: 'u-vlink', 'aria-label': label || null, onclick: function () { select(id); } }, children);
  }
  const verdictEl = el('div', { class: 'u-verdict', role: 'region', 'aria-label': 'Verdict' },
    card('Hate in the author\u2019s own words', verdict.hate.label === 'normal' ? 'u-vcard-ok' : 'u-vcard-alarm', [
      el('p', { class: 'u-vcard-big', text: HATE_WORDS[verdict.hate.label] || verdict.hate.label }),
      verdict.hate.targets.length ? el('p', { class: 'u-vcard-line', text: 'against ' + targetNames(verdict.hate.targets) }) : null,
      verdict.hate.findingIds.length ? el('p', { class: 'u-vcard-line' }, verdict.hate.findingIds.slice(0, 2).map(function (id, i) {
        return findingById[id] ? jump(id, '\u201C' + excerpt(findingById[id].text, 48) + '\u201D', 'Show hate finding ' + (i + 1)) : null;
      }), verdict.hate.findingIds.length > 2 ? el('span', { class: 'u-vcard-soft', text: 'and ' + (verdict.hate.findingIds.length - 2) + ' more in the Hate speech list' }) : null) : el('p', { class: 'u-vcard-line u-vcard-soft', text: count('hate') ? plural(count('hate'), 'hate finding') + ' in quoted or reported words' : 'No hate speech found.' }),
    ]),
    card('Reported, and from whom', 'u-vcard-voices', [
      el('p', { class: 'u-vcard-big', text: pct(verdict.voices.quoted + verdict.voices.reported) }),
      el('p', { class: 'u-vcard-line u-vcard-soft', text: 'of the text is quoted (' + pct(verdict.voices.quoted) + ') or reported (' + pct(verdict.voices.reported) + ')' }),
      verdict.sources.length ? el('ul', { class: 'u-vcard-list' }, verdict.sources.map(function (src) {
        return el('li', null, el('span', { text: src.name }), src.state ? el('span', { class: 'u-badge u-badge-state', text: 'STATE' }) : null, el('span', { class: 'u-vcard-num', text: pct(src.share) }));
      })) : null,
      verdict.stateHeadline ? el('p', { class: 'u-vcard-line', text: verdict.stateHeadline }) : null,
    ]),
    card('State media', verdict.stateOutlets.length ? 'u-vcard-alarm' : 'u-vcard-ok', verdict.stateOutlets.length
      ? el('ul', { class: 'u-vcard-list' }, verdict.stateOutlets.map(function (o) {
        return el('li', null, el('span', { class: 'u-vcard-strong', text: o.name }), el('span', { class: 'u-vcard-soft', text: [o.country, o.typology && TYPOLOGY[o.typology] ? TYPOLOGY[o.typology] : o.typology].filter(Boolean).join(', ') }));
      }))
      : el('p', { class: 'u-vcard-big', text: 'None cited' })),
    card('Claims to check first', 'u-vcard-claims', verdict.topClaims.length
      ? el('ol', { class: 'u-vcard-claims-list' }, verdict.topClaims.map(function (f, i) {
        return el('li', null, jump(f.id, [excerpt(f.text, 110), el('span', { class: 'u-score', text: score(f.score) })], 'Claim ' + (i + 1) + ', score ' + score(f.score)));
      }))
      : el('p', { class: 'u-vcard-big', text: 'None found' })));

  let toolbarSay = function (): void {};
  const toolbar = el('div', { class: 'u-toolbar', role: 'group', 'aria-label': 'Filters' },
    el('fieldset', { class: 'u-filter' }, el('legend', { text: 'Findings' }),
      KINDS.map(function (k) { return toggle('kind', k, KIND_SHORT[k] + ' (' + count(k) + ')'); })),
    el('fieldset', { class: 'u-filter' }, el('legend', { text: 'Voices' }),
      VOICES.map(function (v) { return toggle('voice', v, VOICE_TITLE[v]); })),
    claimScores.length ? claimSlider() : null);
  function claimSlider(): HTMLElement {
    const output = el('output', { class: 'u-claim-min-value', 'aria-live': 'polite' });
    const input = el('input', {
      type: 'range', min: '0', max: '1', step: '0.01', value: String(state.claimMin), class: 'u-claim-min', 'aria-label': 'Show claims in the text from this score',
      oninput: function () { setClaimMin(Number(input.value)); },
    });
    function say() {
      const n = claimScores.filter(function (x) { return x >= state.claimMin; }).length;
      output.textContent = state.claimMin.toFixed(2) + ' \u00B7 ' + n + ' of ' + claimScores.length + ' shown';
    }
    say();
    toolbarSay = say;
    return el('label', { class: 'u-filter u-claim-filter' }, el('span', { class: 'u-claim-caption', text: 'Claims in text from score' }), input, output);
  }
  function setClaimMin(value: number): void {
    state.claimMin = Math.max(0, Math.min(1, value));
    state.onDemand = {};
    const range = toolbar.querySelector<HTMLInputElement>('.u-claim-min');
    if (range && Number(range.value) !== state.claimMin) range.value = String(state.claimMin);
    toolbarSay();
    popover.hidden = true;
    returnFocus = null;
    drawArticle();
  }
  function toggle(group: 'kind' | 'voice', name: string, caption: string): HTMLElement {
    const input = el('input', { type: 'checkbox', checked: true, 'data-filter': group, value: name, onchange: function () { setFilter(group, name, input.checked); } });
    return el('label', { class: 'u-toggle u-toggle-' + name }, input, el('span', { class: 'u-swatch', 'aria-hidden': 'true' }), caption);
  }

  // ---- article -----------------------------------------------------------------
  const article = el('article', { class: 'u-article', 'aria-label': 'Article text with highlights', lang: meta.language || 'en' });
  let segmentEls: { el: HTMLElement; start: number; end: number; findings: string[] }[] = [];
  let firstEl: Record<string, HTMLElement> = {}; // finding id -> element

  function drawArticle() {
    article.textContent = '';
    segmentEls = [];
    firstEl = {};
    const spans: SpanRef[] = [];
    (analysis.voices || []).forEach(function (v) { spans.push({ start: v.start, end: v.end, type: 'voice', ref: v }); });
    quotes.forEach(function (q) { spans.push({ start: q.start, end: q.end, type: q.kind === 'scare' ? 'scare' : 'quote', ref: q }); });
    speakers.forEach(function (s) { (s.mentions || []).forEach(function (m) { spans.push({ start: m.start, end: m.end, type: 'speaker', ref: s }); }); });
    outlets.forEach(function (o) { (o.mentions || []).forEach(function (m) { spans.push({ start: m.start, end: m.end, type: 'outlet', ref: o }); }); });
    findings.filter(drawn).forEach(function (f) {
      spans.push({ start: f.start, end: f.end, type: 'finding', ref: f });
      (f.evidence || []).forEach(function (e) { spans.push({ start: e.start, end: e.end, type: 'evidence', ref: f }); });
      (f.parts || []).forEach(function (p) { spans.push({ start: p.start, end: p.end, type: 'part', ref: f }); });
    });

    const started: Record<string, boolean> = {};
    segments(text, spans).forEach(function (seg) {
      const piece = text.slice(seg.start, seg.end);
      if (seg.gap) {
        // Line breaks become blocks so paragraph spacing is set by CSS, not by a blank line; the text stays exact.
        article.append(el('span', { class: /\n[^\n]*\n/.test(piece) ? 'u-gap u-gap-para' : 'u-gap', text: piece }));
        return;
      }
      if (seg.covers.length === 0) {
        article.append(document.createTextNode(piece));
        return;
      }
      const cls = ['u-seg'];
      const here: string[] = [];
      const bands: string[] = [];
      const titles: string[] = [];
      const node = el('span');
      let segVoice: string = 'author';
      seg.covers.forEach(function (c) { if (c.type === 'voice') segVoice = c.ref.voice; });
      seg.covers.forEach(function (c) {
        if (c.type === 'voice') cls.push('v-' + c.ref.voice);
        else if (c.type === 'scare') cls.push('is-scare');
        else if (c.type === 'speaker') { cls.push('is-speaker'); node.setAttribute('data-speaker-id', c.ref.id); }
        else if (c.type === 'outlet') { cls.push('is-outlet'); if (c.ref.stateAffiliated) cls.push('is-state'); }
        else if (c.type === 'evidence') cls.push('is-evidence');
        else if (c.type === 'part') cls.push('is-part');
        else if (c.type === 'quote') {
          node.setAttribute('data-q', c.ref.id);
          if (c.start === seg.start && !started[c.ref.id]) {
            started[c.ref.id] = true;
            cls.push('q-start');
            if (chip[c.ref.id]) node.setAttribute('data-who', quoteSource(c.ref));
            else cls.push('q-cont');
          }
        } else if (c.type === 'finding') {
          here.push(c.ref.id);
          titles.push(kindOne(c.ref.kind) + ' \u00B7 ' + prettyLabel(c.ref.label) + (definition(c.ref) ? ' \u2014 ' + definition(c.ref) : ''));
          // Hate is marked only on the words in its own voice: quoted hate stops where the author's narration ("he said, to applause") begins.
          if (c.ref.kind === 'hate') { if ((segVoice === 'author') === isHateOwn(c.ref)) cls.push('k-hate', isHateOwn(c.ref) ? 'hate-own' : 'hate-quoted'); }
          else if (c.ref.kind === 'propaganda') { cls.push('k-propaganda'); bands.push(colourFor(c.ref.label)); }
          else if (c.ref.kind === 'claim') cls.push('k-claim');
        }
      });
      if (cls.indexOf('is-evidence') >= 0 && cls.indexOf('k-hate') < 0) cls.splice(cls.indexOf('is-evidence'), 1);
      node.className = cls.filter(function (c, i) { return cls.indexOf(c) === i; }).join(' ');
      node.textContent = piece;
      if (bands.length) {
        node.style.boxShadow = bands.map(function (colour, i) { return '0 ' + (3 * (i + 1)) + 'px 0 ' + colour; }).join(', ');
      }
      const q = node.getAttribute('data-q');
      if (q) titles.push((quoteById[q].kind === 'direct' ? 'Quote' : 'Reported speech') + ': ' + quoteSource(quoteById[q]) + (quoteById[q].outletId && outletById[quoteById[q].outletId] && quoteById[q].speakerId ? ' via ' + outletById[quoteById[q].outletId].name : ''));
      if (cls.indexOf('is-scare') >= 0) titles.push('Scare quote: the author\u2019s irony, not a speaker\u2019s words');
      if (titles.length) node.title = titles.join('\n');
      if (here.length) {
        node.setAttribute('data-f', here.join(' '));
        const fresh = here.filter(function (id) { return !(id in firstEl); });
        fresh.forEach(function (id) { firstEl[id] = node; });
        if (fresh.length) {
          node.tabIndex = 0;
          node.setAttribute('role', 'button');
          node.setAttribute('aria-label', here.map(function (id) {
            const f = findingById[id];
            return kindOne(f.kind) + ': ' + prettyLabel(f.label) + ', ' + voiceBadge(f.voice).toLowerCase();
          }).join('; ') + '. \u201C' + excerpt(piece, 60) + '\u201D. Press Enter for details.');
        }
      }
      segmentEls.push({ el: node, start: seg.start, end: seg.end, findings: here });
      article.append(node);
    });
  }

  function quoteSource(q: Quote): string {
    return q.speakerId && speakerById[q.speakerId] ? speakerById[q.speakerId].name : q.outletId && outletById[q.outletId] ? outletById[q.outletId].name : 'unattributed';
  }

  article.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-f],[data-q]') : null;
    if (!target) return;
    if (!target.getAttribute('data-f')) {
      // A quote without findings: its provenance card.
      const q = quoteById[target.getAttribute('data-q') ?? ''];
      highlightRanges([q], null);
      showDetails([], target);
      return;
    }
    const ids = (target.getAttribute('data-f') ?? '').split(' ');
    showDetails(ids, target);
    markSelected(ids);
  });
  article.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    const f = target.getAttribute('data-f');
    if (!f) return;
    event.preventDefault();
    const ids = f.split(' ');
    showDetails(ids, target);
    markSelected(ids);
    // From the keyboard, the details take focus so a screen reader reads them; Escape comes back.
    popover.focus({ preventScroll: true });
  });

  // ---- side panels -----------------------------------------------------------
  const side = el('aside', { class: 'u-side', 'aria-label': 'Provenance and findings' });

  // Sections fold open and shut; which are open survives a redraw (a filter change).
  // The legend starts folded, and so do propaganda techniques when there are many: they matter least to a moderator.
  const closed: Record<string, boolean> = { legend: true, propaganda: count('propaganda') > 12 };
  const expanded: Record<string, boolean> = {};
  const LIST_LIMIT = 5;
  function panel(id: string, title: string, n: number | null, body: Child, extraClass?: string): HTMLElement {
    const details = el('details', { class: 'u-fold', open: !closed[id] },
      el('summary', null, el('h2', { id: 'u-h-' + id }, title, n === null ? null : el('span', { class: 'u-count', text: String(n) }))),
      body);
    details.addEventListener('toggle', function () { closed[id] = !details.open; });
    return el('section', { class: 'u-panel' + (extraClass ? ' ' + extraClass : ''), 'aria-labelledby': 'u-h-' + id, 'data-panel': id }, details);
  }
  /** A long list shows its first few items and a "Show all" button for the rest. */
  function limited(id: string, list: HTMLElement, max?: number): Child {
    const limit = max || LIST_LIMIT;
    const items = Array.from(list.children) as HTMLElement[];
    if (items.length <= limit + 1 || expanded[id]) return list;
    items.slice(limit).forEach(function (li) { li.hidden = true; });
    const more = el('button', {
      type: 'button', class: 'u-more', 'aria-expanded': 'false',
      onclick: function () {
        expanded[id] = true;
        items.forEach(function (li) { li.hidden = false; });
        more.remove();
      },
    }, 'Show all ' + items.length);
    return [list, more];
  }
  function item(onActivate: () => void, children: Child, extraClass?: string | null, ariaLabel?: string): HTMLElement {
    return el('li', null, el('button', { type: 'button', class: 'u-item' + (extraClass ? ' ' + extraClass : ''), onclick: onActivate, 'aria-label': ariaLabel || null }, children));
  }
  function empty(what: string): HTMLElement {
    return el('p', { class: 'u-empty', text: what });
  }

  function drawSide() {
    side.textContent = '';
    // Most important first: hate, the claims to check, who is cited; the legend last, folded.
    side.append(hatePanel(), claimsPanel(), outletsPanel(), speakersPanel(), propagandaPanel(), legendPanel());
  }

  function legendPanel() {
    const rows = [
      ['v-author', 'Author', VOICE_HELP.author],
      ['v-quoted', 'Quoted', VOICE_HELP.quoted],
      ['v-reported', 'Reported', VOICE_HELP.reported],
      ['is-scare', '\u201CScare\u201D quote', 'Quotation marks as irony; still the author\u2019s voice.'],
      ['k-hate hate-own', 'Hate \u00B7 author', 'Thick red underline: hate in the author\u2019s own words.'],
      ['k-hate hate-quoted', 'Hate \u00B7 quoted', 'Striped red underline: hate the author quotes.'],
      ['k-propaganda', 'Propaganda', 'Coloured underline per technique; stacked when they overlap.'],
      ['k-claim', 'Claim', 'Amber dashes: a statement worth checking, from the score set above; its names and figures turn bold when selected.'],
      ['is-outlet is-state', 'State outlet', 'Outlet name; red mark when state-affiliated.'],
    ];
    const dl = el('dl', { class: 'u-legend' }, rows.map(function (r) {
      const sample = el('span', { class: 'u-seg ' + r[0], text: r[1] });
      if (r[0] === 'k-propaganda') sample.style.boxShadow = '0 3px 0 ' + PALETTE[0];
      return el('div', { class: 'u-legend-row' }, el('dt', null, sample), el('dd', { text: r[2] }));
    }));
    return panel('legend', 'How to read the highlights', null, dl, 'u-panel-legend');
  }

  function speakersPanel() {
    if (!speakers.length) return panel('speakers', 'Speakers', 0, empty('No attributed speakers.'));
    const ranked = speakers.slice().sort(function (a, b) { return quotedBy(b) - quotedBy(a); });
    const list = el('ul', { class: 'u-list' }, ranked.map(function (s) {
      const own = quotes.filter(function (q) { return q.speakerId === s.id; });
      const direct = own.filter(function (q) { return q.kind === 'direct'; }).length;
      const reported = own.filter(function (q) { return q.kind === 'indirect'; }).length;
      const via = unique(own.map(function (q) { return q.outletId; }).filter(function (id): id is string { return Boolean(id); })).map(function (id) { return outletById[id] ? outletById[id].name : id; });
      const ranges: Span[] = (own as Span[]).concat(s.mentions || []);
      const head = item(function () { highlightRanges(ranges, own[0] || (s.mentions || [])[0]); }, [
        el('span', { class: 'u-item-title', text: s.name }),
        el('span', { class: 'u-item-meta', text: plural(direct, 'direct quote') + ' \u00B7 ' + reported + ' reported \u00B7 ' + plural((s.mentions || []).length, 'mention') + (via.length ? ' \u00B7 via ' + via.join(', ') : '') }),
      ], 'u-item-speaker');
      if (own.length) {
        append(head, limited('speaker-' + s.id, el('ol', { class: 'u-list u-sublist' }, own.map(function (q) {
          return item(function () { showQuote(q); }, [
            el('span', { class: 'u-tag u-tag-' + (q.kind === 'direct' ? 'quoted' : 'reported'), text: q.kind === 'direct' ? 'quote' : 'reported' }),
            el('span', { class: 'u-excerpt', text: excerpt(q.text, 80) }),
          ]);
        })), 3));
      }
      return head;
    }));
    return panel('speakers', 'Speakers', speakers.length, limited('speakers', list));
  }

  function outletsPanel() {
    if (!outlets.length) return panel('outlets', 'Outlets', 0, empty('No outlets cited.'));
    const ranked = outlets.slice().sort(function (a, b) { return (b.stateAffiliated ? 1 : 0) - (a.stateAffiliated ? 1 : 0) || (b.mentions || []).length - (a.mentions || []).length; });
    const list = el('ul', { class: 'u-list' }, ranked.map(function (o) {
      const carried = quotes.filter(function (q) { return q.outletId === o.id; });
      const typology = o.typology ? o.typology + (TYPOLOGY[o.typology] ? ', ' + TYPOLOGY[o.typology] : '') : null;
      return item(function () { highlightRanges((o.mentions || []).concat(carried), (o.mentions || [])[0] || carried[0]); }, [
        el('span', { class: 'u-item-title' }, o.name,
          o.stateAffiliated ? el('span', { class: 'u-badge u-badge-state', text: 'STATE-AFFILIATED' }) : o.stateAffiliated === false ? el('span', { class: 'u-badge u-badge-independent', text: 'not state-affiliated' }) : null),
        el('span', { class: 'u-item-meta', text: [o.country, typology, o.owner ? 'owner: ' + o.owner : null].filter(Boolean).join(' \u00B7 ') }),
        el('span', { class: 'u-item-meta', text: plural((o.mentions || []).length, 'mention') + ' \u00B7 ' + plural(carried.length, 'quote') + ' carried' }),
      ], o.stateAffiliated ? 'u-item-state' : null);
    }));
    return panel('outlets', 'Outlets', outlets.length, limited('outlets', list));
  }

  function findingItem(f: Finding, extra?: Child): HTMLElement {
    return item(function () { select(f.id); }, [
      el('span', { class: 'u-item-title' }, extra || null, el('span', { class: 'u-item-label', text: prettyLabel(f.label) }), el('span', { class: 'u-score', text: score(f.score) })),
      el('span', { class: 'u-excerpt', text: quoted(excerpt(f.text, 110)) }),
    ], 'u-item-finding' + (visible(f) ? '' : ' is-filtered'), kindOne(f.kind) + ': ' + prettyLabel(f.label) + ', ' + voiceBadge(f.voice).toLowerCase() + ', score ' + score(f.score) + ': ' + excerpt(f.text, 80));
  }
  // A finding that holds quotation marks of its own (a quote and its cue) is shown as it is: marks around it would double or unbalance them.
  function quoted(s: string): string {
    return /[\u201C\u201D"]/.test(s) ? s : '\u201C' + s + '\u201D';
  }
  function voiceTag(f: Finding): HTMLElement {
    return el('span', { class: 'u-tag u-tag-' + f.voice, text: voiceBadge(f.voice) });
  }

  function hatePanel() {
    const hate = findings.filter(function (f) { return f.kind === 'hate'; }).sort(function (a, b) { return (isHateOwn(b) ? 1 : 0) - (isHateOwn(a) ? 1 : 0) || b.score - a.score || a.start - b.start; });
    const body = hate.length ? el('ul', { class: 'u-list' }, hate.map(function (f) {
      const li = findingItem(f, el('span', { class: 'u-badge ' + (isHateOwn(f) ? 'u-badge-own' : 'u-badge-quoted'), text: isHateOwn(f) ? 'AUTHOR\u2019S OWN WORDS' : f.voice === 'reported' ? 'REPORTED' : 'QUOTED' }));
      if (f.targets && f.targets.length) (li.firstChild as HTMLElement).append(el('span', { class: 'u-item-meta', text: 'targets: ' + targetNames(f.targets) }));
      return li;
    })) : empty('No hate speech found.');
    return panel('hate', KIND_TITLE.hate, hate.length, hate.length ? limited('hate', body) : body, 'u-panel-hate');
  }

  function propagandaPanel() {
    const prop = findings.filter(function (f) { return f.kind === 'propaganda'; });
    if (!prop.length) return panel('propaganda', KIND_TITLE.propaganda, 0, empty('No propaganda techniques found.'), 'u-panel-propaganda');
    const byLabel: Record<string, Finding[]> = {};
    prop.forEach(function (f) { (byLabel[f.label] = byLabel[f.label] || []).push(f); });
    const order = Object.keys(byLabel).sort(function (a, b) { return byLabel[b].length - byLabel[a].length || prettyLabel(a).localeCompare(prettyLabel(b)); });
    const legend = el('ul', { class: 'u-techniques', 'aria-label': 'Techniques found, with counts' }, order.map(function (label) {
      const swatch = el('span', { class: 'u-technique-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colourFor(label);
      const def = definition(byLabel[label][0]);
      const all = byLabel[label];
      return el('li', null, el('button', {
        type: 'button',
        class: 'u-technique',
        title: def || '',
        'aria-label': prettyLabel(label) + ': ' + plural(all.length, 'finding') + (def ? '. ' + def : '') + '. Highlight them.',
        onclick: function () { highlightRanges(all, all[0]); },
      }, swatch,
        el('span', { class: 'u-technique-name', text: prettyLabel(label) }),
        el('span', { class: 'u-count', text: String(all.length) }),
        def ? el('span', { class: 'u-technique-def', text: def }) : null));
    }));
    const list = el('ul', { class: 'u-list' }, prop.slice().sort(function (a, b) { return b.score - a.score || a.start - b.start; }).map(function (f) {
      const swatch = el('span', { class: 'u-technique-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colourFor(f.label);
      const li = findingItem(f, swatch);
      (li.firstChild as HTMLElement).append(voiceTag(f));
      return li;
    }));
    return panel('propaganda', KIND_TITLE.propaganda, prop.length, [legend, limited('propaganda', list)], 'u-panel-propaganda');
  }

  function claimsPanel() {
    const claims = findings.filter(function (f) { return f.kind === 'claim'; }).sort(function (a, b) { return b.score - a.score || a.start - b.start; });
    const body = claims.length ? el('ol', { class: 'u-list u-claims' }, claims.map(function (f) {
      const li = findingItem(f);
      if (f.parts && f.parts.length) {
        (li.firstChild as HTMLElement).append(el('span', { class: 'u-parts' }, f.parts.map(function (p) {
          return el('span', { class: 'u-part u-part-' + p.type, title: p.type + (p.value !== undefined && p.value !== null ? ' = ' + p.value + (p.unit ? ' ' + p.unit : '') : '') }, el('b', { text: p.type }), ' ', p.text);
        })));
      }
      (li.firstChild as HTMLElement).append(voiceTag(f));
      return li;
    })) : empty('No check-worthy claims found.');
    return panel('claims', KIND_TITLE.claim + ' (ranked)', claims.length, claims.length ? limited('claims', body) : body, 'u-panel-claims');
  }

  function quotedBy(s: Speaker): number {
    return quotes.filter(function (q) { return q.speakerId === s.id; }).reduce(function (n, q) { return n + (q.end - q.start); }, 0);
  }
  function unique<T>(xs: T[]): T[] {
    return xs.filter(function (x, i) { return xs.indexOf(x) === i; });
  }
  function plural(n: number, word: string): string {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  // ---- selection and details ---------------------------------------------------
  const popover = el('div', { class: 'u-popover', role: 'dialog', 'aria-modal': 'false', 'aria-label': 'Finding details', hidden: true, tabindex: '-1' });
  let returnFocus: HTMLElement | null = null;

  function clearSelected() {
    segmentEls.forEach(function (s) { s.el.classList.remove('is-selected', 'is-flash'); });
  }
  function markSelected(ids: string[]): void {
    clearSelected();
    segmentEls.forEach(function (s) {
      if (s.findings.some(function (id) { return ids.indexOf(id) >= 0; })) s.el.classList.add('is-selected');
    });
  }
  function highlightRanges(ranges: Span[], scrollTo: Span | null | undefined): void {
    closeDetails();
    clearSelected();
    let first: HTMLElement | null = null;
    segmentEls.forEach(function (s) {
      const hit = ranges.some(function (r) { return s.start < r.end && r.start < s.end; });
      if (hit) {
        s.el.classList.add('is-selected', 'is-flash');
        if (!first && scrollTo && s.start < scrollTo.end && scrollTo.start < s.end) first = s.el;
      }
    });
    if (first) scrollIntoView(first);
  }
  /** `below`: the height of details open under the node, which should fit in the window too. */
  function scrollIntoView(node: HTMLElement, below?: number): void {
    const reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // On a phone the details open as a sheet over the lower half, so the finding goes to the top.
    const narrow = window.matchMedia && window.matchMedia('(max-width: 640px)').matches;
    const rect = node.getBoundingClientRect();
    // Centred, unless details below it would then run off the window: then higher, but not above a small margin.
    const room = window.innerHeight - rect.height - (below ? below + 10 : 0) - 16;
    const top = narrow ? rect.top - 72 : rect.top - Math.max(16, Math.min((window.innerHeight - rect.height) / 2, room));
    window.scrollTo({ top: Math.max(0, window.scrollY + top), behavior: reduce ? 'auto' : 'smooth' });
  }

  /** Scrolls to a quote, highlights it and opens its provenance card. */
  function showQuote(q: Quote): void {
    highlightRanges([q], null);
    const first = segmentEls.filter(function (s) { return s.el.getAttribute('data-q') === q.id; })[0];
    if (!first) return;
    // Details first, so the scroll can make room for them.
    showDetails([], first.el, true);
    scrollIntoView(first.el, popover.offsetHeight);
  }

  /** Scrolls to a finding, highlights every piece of it and opens its details. */
  function select(id: string): boolean {
    const f = findingById[id];
    if (!f) return false;
    if (!visible(f)) {
      setFilter('kind', f.kind, true);
      setFilter('voice', f.voice, true);
    }
    if (!drawn(f)) {
      // A claim under the score shown: drawn on demand, until the score changes.
      state.onDemand[f.id] = true;
      drawArticle();
    }
    const node = firstEl[id];
    if (!node) return false;
    markSelected([id]);
    segmentEls.forEach(function (s) { if (s.findings.indexOf(id) >= 0) s.el.classList.add('is-flash'); });
    node.focus({ preventScroll: true });
    // Details first, so the scroll can make room for them.
    showDetails([id], node, true);
    scrollIntoView(node, popover.offsetHeight);
    return true;
  }

  /** `scrolling`: the anchor is being scrolled into view, so its current position says nothing. */
  function showDetails(ids: string[], anchor: HTMLElement, scrolling?: boolean): void {
    returnFocus = anchor;
    popover.textContent = '';
    const list = ids.map(function (id) { return findingById[id]; }).filter(Boolean).sort(function (a, b) { return (a.end - a.start) - (b.end - b.start); });
    popover.append(el('button', { type: 'button', class: 'u-close', 'aria-label': 'Close details', onclick: closeDetails, text: '\u00D7' }));
    list.forEach(function (f) { popover.append(detailCard(f)); });
    const q = quoteAt(anchor);
    if (q) popover.append(quoteCard(q));
    popover.hidden = false;
    place(anchor, scrolling);
  }
  function quoteAt(anchor: HTMLElement): Quote | null {
    const id = anchor.getAttribute('data-q');
    return id ? quoteById[id] || null : null;
  }
  function detailCard(f: Finding): HTMLElement {
    const rows: [string, string][] = [];
    const def = definition(f);
    if (def) rows.push(['Definition', def]);
    rows.push(['Why', f.explanation || '\u2014']);
    if (f.targets && f.targets.length) rows.push(['Targets', targetNames(f.targets)]);
    if (f.evidence && f.evidence.length) rows.push(['Evidence', f.evidence.map(function (e) { return '\u201C' + e.text + '\u201D'; }).join(', ')]);
    if (f.parts && f.parts.length) rows.push(['Parts', f.parts.map(function (p) { return p.type + ': ' + p.text + (p.value !== undefined && p.value !== null && String(p.value) !== p.text ? ' (' + p.value + (p.unit ? ' ' + p.unit : '') + ')' : ''); }).join('; ')]);
    rows.push(['Where', positionOf(text, meta.format, f.start)]);
    rows.push(['Source', [f.ruleId ? 'rule ' + f.ruleId : null, f.model ? 'model ' + f.model : null].filter(Boolean).join(' \u00B7 ') || '\u2014']);
    let swatch: HTMLElement | null = null;
    if (f.kind === 'propaganda') {
      swatch = el('span', { class: 'u-technique-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colourFor(f.label);
    }
    return el('div', { class: 'u-card u-card-' + f.kind },
      el('p', { class: 'u-card-head' },
        el('span', { class: 'u-kind u-kind-' + f.kind, text: kindOne(f.kind) }),
        f.kind === 'hate' ? el('span', { class: 'u-badge ' + (isHateOwn(f) ? 'u-badge-own' : 'u-badge-quoted'), text: voiceBadge(f.voice) }) : el('span', { class: 'u-tag u-tag-' + f.voice, text: voiceBadge(f.voice) }),
        el('span', { class: 'u-score', title: 'score', text: score(f.score) })),
      el('p', { class: 'u-card-label' }, swatch, prettyLabel(f.label)),
      expandable(f.text),
      el('dl', { class: 'u-card-rows' }, rows.map(function (r) { return el('div', null, el('dt', { text: r[0] }), el('dd', { text: r[1] })); })));
  }
  /** Long text is cut, with a button that shows all of it (quotes run to several paragraphs). */
  function expandable(s: string): HTMLElement {
    const flat = String(s).replace(/\s+/g, ' ').trim();
    const block = el('blockquote', { class: 'u-card-text', text: excerpt(flat, 280) });
    if (flat.length <= 280) return block;
    const more = el('button', {
      type: 'button', class: 'u-more u-more-inline', 'aria-expanded': 'false',
      onclick: function () {
        (block.firstChild as HTMLElement).textContent = flat;
        more.remove();
      },
    }, 'Show all ' + flat.length + ' characters');
    block.textContent = '';
    block.append(el('span', { text: excerpt(flat, 280) }), ' ', more);
    return block;
  }
  function quoteCard(q: Quote): HTMLElement {
    const s = q.speakerId ? speakerById[q.speakerId] : null;
    const o = q.outletId ? outletById[q.outletId] : null;
    return el('div', { class: 'u-card u-card-quote' },
      el('p', { class: 'u-card-head' }, el('span', { class: 'u-tag u-tag-' + (q.kind === 'direct' ? 'quoted' : 'reported'), text: q.kind === 'direct' ? 'DIRECT QUOTE' : 'REPORTED SPEECH' })),
      expandable(q.text),
      el('dl', { class: 'u-card-rows' },
        el('div', null, el('dt', { text: 'Speaker' }), el('dd', { text: s ? s.name : 'unattributed' })),
        o ? el('div', null, el('dt', { text: 'Outlet' }), el('dd', null, o.name, o.stateAffiliated ? el('span', { class: 'u-badge u-badge-state', text: 'STATE-AFFILIATED' }) : null)) : null,
        q.cue ? el('div', null, el('dt', { text: 'Cue' }), el('dd', { text: '\u201C' + q.cue.text + '\u201D' })) : null,
        el('div', null, el('dt', { text: 'Why' }), el('dd', { text: q.explanation || '\u2014' })),
        el('div', null, el('dt', { text: 'Where' }), el('dd', { text: positionOf(text, meta.format, q.start) }))));
  }
  function place(anchor: HTMLElement, scrolling?: boolean): void {
    const rect = anchor.getBoundingClientRect();
    const width = Math.min(380, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.width = width + 'px';
    popover.style.left = left + 'px';
    popover.style.top = rect.bottom + window.scrollY + 10 + 'px';
    // Open upwards when the details would run off the bottom and fit above.
    const height = popover.offsetHeight;
    if (!scrolling && rect.bottom + height + 10 > window.innerHeight && rect.top - height - 10 > 0) {
      popover.style.top = rect.top + window.scrollY - height - 10 + 'px';
    }
  }
  function closeDetails() {
    if (popover.hidden) return;
    popover.hidden = true;
    clearSelected();
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }
  function onDocumentClick(event: MouseEvent): void {
    if (popover.hidden) return;
    const t = event.target;
    if (!(t instanceof Element)) return;
    if (popover.contains(t) || ((t.closest('[data-f],[data-q]') || t.closest('.u-item,.u-technique,.u-vlink,.u-more,.u-claim-filter')))) return;
    closeDetails();
  }

  // ---- filters ---------------------------------------------------------------
  function setFilter(group: 'kind' | 'voice', name: string, on: boolean): void {
    const target = group === 'kind' ? state.kinds : state.voices;
    if (!(name in target)) return;
    target[name] = on;
    const box = toolbar.querySelector<HTMLInputElement>('input[data-filter="' + group + '"][value="' + name + '"]');
    if (box) box.checked = on;
    if (group === 'voice') root.classList.toggle('u-dim-' + name, !on);
    popover.hidden = true;
    returnFocus = null;
    drawArticle();
    drawSide();
  }

  const old = document.querySelector('body > .u-popover');
  if (old) old.remove();
  document.body.append(popover);

  drawArticle();
  drawSide();
  root.append(header, verdictEl, toolbar, el('div', { class: 'u-layout' }, el('main', { class: 'u-main' }, article), side));
  current = { select: select, setFilter: setFilter, close: closeDetails, onDocumentClick: onDocumentClick };
  return current;
}

// One report is live at a time (the web page re-renders into the same root).
let current: ReportHandle | null = null;
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape' && current) current.close();
});
document.addEventListener('click', function (event) {
  if (current) current.onDocumentClick(event);
});

window.Unspin = { render: render };

function boot() {
  const data = document.getElementById('unspin-data');
  const root = document.getElementById('unspin-root');
  if (!data || !root) return;
  const payload = JSON.parse(data.textContent);
  window.unspinReport = render(root, payload.analysis, payload.labels);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
