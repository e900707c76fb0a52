import type { Quote, Span, Speaker } from '../../core/types.js';
import { coveredBy, type GoldAttribution } from './brat.js';

const QUOTE_MARKS = /^["\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019]|["\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019]$/;
const OPENING = new Set(['"', '\u201C', '\u201E', '\u00AB', '\u2018']);

/** Running totals over a corpus; `scores()` turns them into the printed figures. */
export class AttributionTally {
  articles = 0;
  gold = 0;
  goldFound = 0;
  goldAll = 0;
  goldAllFound = 0;
  withSource = 0;
  sourceCorrect = 0;
  truePositives = 0;
  falsePositives = 0;
  neutral = 0;
  byKind: Record<string, { tp: number; fp: number; neutral: number }> = {};

  scores() {
    const precision = ratio(this.truePositives, this.truePositives + this.falsePositives);
    const recall = ratio(this.goldFound, this.gold);
    return {
      n: this.articles,
      gold: this.gold,
      goldFound: this.goldFound,
      predicted: this.truePositives + this.falsePositives,
      truePositives: this.truePositives,
      falsePositives: this.falsePositives,
      neutral: this.neutral,
      quotePrecision: precision,
      quoteRecall: recall,
      quoteF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      sourceAccuracy: ratio(this.sourceCorrect, this.withSource),
      sourceN: this.withSource,
      recallAll: ratio(this.goldAllFound, this.goldAll),
      goldAll: this.goldAll,
      byKind: this.byKind,
    };
  }
}

export type AttributionScores = ReturnType<AttributionTally['scores']>;

/**
 * One scoring error, for analysis: a subset gold content that no quote found (`missed`: no
 * predicted quote touches it; `boundary`: one touches it but covers less than half), a predicted
 * quote matching no gold (`spurious`: it touches no subset gold content; `boundary`: it touches
 * one, too little), or a found gold content whose quote has the wrong speaker (`source`).
 */
export interface AttributionFailure {
  kind: 'missed' | 'boundary' | 'spurious' | 'source';
  article: string;
  /** The gold content's text (fragments joined with " … "), when a gold attribution is involved. */
  gold: string | null;
  goldCue: string | null;
  goldSource: string | null;
  /** The predicted quote's text, kind and explanation, when one is involved. */
  predicted: string | null;
  predictedKind: Quote['kind'] | null;
  speaker: string | null;
  explanation: string | null;
  /** UTF-16 offset of the failure in the article. */
  at: number;
  /** The text around it, the gold content (or else the predicted quote) between ⟦ and ⟧. */
  context: string;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Whether a gold attribution is in the scored subset: its cue holds a verb of speech (or is
 * "according to"), or its content is in quotation marks.
 */
export function inSubset(gold: GoldAttribution, text: string, isSpeechWord: (word: string) => boolean): boolean {
  const words = gold.cueText.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.some((w) => isSpeechWord(w) || w === 'according')) return true;
  const first = gold.content[0]!;
  const last = gold.content[gold.content.length - 1]!;
  const content = text.slice(first.start, last.end).trim();
  if (QUOTE_MARKS.test(content)) return true;
  let k = first.start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  return k >= 0 && OPENING.has(text[k]!);
}

/**
 * Whether the character at `i` is a quotation mark: a double mark ("“”„«» and the NYT-style
 * doubled '' or ``), or a single one not standing between two letters (an apostrophe in
 * "don't" is part of the words).
 */
function isMarkAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '"' || c === '\u201C' || c === '\u201D' || c === '\u201E' || c === '\u00AB' || c === '\u00BB' || c === '`') return true;
  if (c !== "'" && c !== '\u2018' && c !== '\u2019') return false;
  return !(i > 0 && /\p{L}/u.test(text[i - 1]!) && i + 1 < text.length && /\p{L}/u.test(text[i + 1]!));
}

/** Characters of `fragments` that `span` covers (all of each fragment without `span`), quotation marks not counted. */
export function wordsCovered(text: string, fragments: readonly Span[], span?: Span): number {
  let n = 0;
  for (const f of fragments) {
    const from = span ? Math.max(f.start, span.start) : f.start;
    const to = span ? Math.min(f.end, span.end) : f.end;
    for (let i = from; i < to; i++) if (!isMarkAt(text, i)) n++;
  }
  return n;
}

/** `p` covers at least half of gold content `g`, or lies at least half inside it, quotation marks not counted. */
function matches(text: string, g: readonly Span[], p: Span): boolean {
  if (coveredBy(g, p) === 0) return false;
  const c = wordsCovered(text, g, p);
  return c * 2 >= wordsCovered(text, g) || c * 2 >= wordsCovered(text, [p]);
}

/**
 * Scores one article. Recall: a gold content is found when one predicted quote (direct or
 * indirect) covers at least half of its characters; the parts of a split quote, which share
 * their cue and speaker, count as one quote. Precision: a predicted quote is right when
 * it covers at least half of a subset gold content or lies at least half inside one; one that
 * does so only for a gold attribution outside the subset is not counted either way.
 * Source: for found gold attributions with a source, the best-covering quote's speaker has a
 * mention (the cue subject or any other) overlapping the gold source.
 */
export function scoreArticle(tally: AttributionTally, text: string, gold: readonly GoldAttribution[], quotes: readonly Quote[], speakers: readonly Speaker[], isSpeechWord: (word: string) => boolean, failures?: { article: string; list: AttributionFailure[] }): void {
  tally.articles++;
  const predicted = quotes.filter((q) => q.kind !== 'scare');
  const subset = gold.map((g) => inSubset(g, text, isSpeechWord));
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  // The parts of a split quote (“A,” he said. “B.”) share their cue and speaker: they count together.
  const groups = new Map<string, Quote[]>();
  predicted.forEach((q, i) => {
    const key = q.cue && q.speakerId ? `${q.speakerId}@${q.cue.start}` : `#${i}`;
    const list = groups.get(key) ?? [];
    list.push(q);
    groups.set(key, list);
  });
  gold.forEach((g, i) => {
    let best: Quote[] | null = null;
    let bestCover = 0;
    // Quotation marks are not content: a prediction of No. covers all of the gold ''No.''.
    const half = wordsCovered(text, g.content) / 2;
    for (const group of groups.values()) {
      let c = 0;
      for (const q of group) if (coveredBy(g.content, q) > 0) c += wordsCovered(text, g.content, q);
      if (c > 0 && c >= half && c > bestCover) {
        best = group;
        bestCover = c;
      }
    }
    tally.goldAll++;
    if (best) tally.goldAllFound++;
    if (!subset[i]) return;
    tally.gold++;
    if (!best) {
      if (failures) {
        const touching = predicted.find((q) => coveredBy(g.content, q) > 0) ?? null;
        failures.list.push(failure(failures.article, touching ? 'boundary' : 'missed', text, g, touching, speakerById));
      }
      return;
    }
    tally.goldFound++;
    if (!g.source) return;
    tally.withSource++;
    const speakerId = best[0]!.speakerId;
    const speaker = speakerId ? speakerById.get(speakerId) : undefined;
    if (speaker && speaker.mentions.some((m) => g.source!.some((s) => m.start < s.end && s.start < m.end))) tally.sourceCorrect++;
    else if (failures) failures.list.push(failure(failures.article, 'source', text, g, best[0]!, speakerById));
  });
  for (const q of predicted) {
    const kind = (tally.byKind[q.kind] ??= { tp: 0, fp: 0, neutral: 0 });
    if (gold.some((g, i) => subset[i] && matches(text, g.content, q))) {
      tally.truePositives++;
      kind.tp++;
    } else if (gold.some((g, i) => !subset[i] && matches(text, g.content, q))) {
      tally.neutral++;
      kind.neutral++;
    } else {
      tally.falsePositives++;
      kind.fp++;
      if (failures) {
        const touched = gold.find((g, i) => subset[i] && coveredBy(g.content, q) > 0) ?? null;
        failures.list.push(failure(failures.article, touched ? 'boundary' : 'spurious', text, touched, q, speakerById));
      }
    }
  }
}

function failure(article: string, kind: AttributionFailure['kind'], text: string, g: GoldAttribution | null, q: Quote | null, speakers: ReadonlyMap<string, Speaker>): AttributionFailure {
  const join = (spans: readonly Span[] | null) => (spans ? spans.map((s) => text.slice(s.start, s.end)).join(' … ') : null);
  return {
    kind,
    article,
    gold: g ? join(g.content) : null,
    goldCue: g ? g.cueText : null,
    goldSource: g ? join(g.source) : null,
    predicted: q ? q.text : null,
    predictedKind: q ? q.kind : null,
    speaker: q?.speakerId ? (speakers.get(q.speakerId)?.name ?? null) : null,
    explanation: q ? q.explanation : null,
    at: g ? g.content[0]!.start : q!.start,
    context: around(text, g ? { start: g.content[0]!.start, end: g.content[g.content.length - 1]!.end } : q!),
  };
}

function around(text: string, span: Span): string {
  const from = Math.max(0, text.lastIndexOf('\n', span.start - 1) + 1, span.start - 240);
  const nl = text.indexOf('\n', span.end);
  const to = Math.min(nl < 0 ? text.length : nl, span.end + 160);
  return `${text.slice(from, span.start)}⟦${text.slice(span.start, span.end)}⟧${text.slice(span.end, to)}`;
}
