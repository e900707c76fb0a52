import type { Outlet, Span, Token } from '../core/types.js';
import { retagged, type TextModel } from '../text/model.js';
import type { ProvenanceLexicon } from './lexicon.js';
import type { OutletType } from './outlet-entry.js';
import { partitionPoint } from '../core/spans.js';

const QUOTE_CHARS = new Set(["''", '``', '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2018', '\u2019', "'", '\u2033']);
const END_PUNCT = new Set(['.', '!', '?', '\u2026', '...']);
/** How many outlet mentions back "the agency" looks for an agency before taking the last outlet of any kind. */
const TYPED_LOOKBACK = 8;

/** What every provenance pass reads: the text, its tokens and the lexicon, with cheap lookups. */
export class ProvenanceContext {
  readonly tokens: readonly Token[];
  /** Per token: index of the paragraph it is in, so no window crosses a line break. */
  readonly paragraphOf: Int32Array;
  /**
   * Per token: its sentence. A new sentence starts with a paragraph, or after '.', '!' or '?'
   * (and any closing marks) before a capitalised word, a digit or an opening mark; wink-nlp's
   * own split breaks "Sen. Bernie Sanders (I-Vt.) said" in two.
   */
  readonly sentenceOf: Int32Array;
  /** Per sentence: the index of its first and of its last token. */
  readonly firstOfSentence: Int32Array;
  readonly lastOfSentence: Int32Array;
  /** Per token: inside a (non-scare) quoted segment; set once the quotes are known. */
  readonly inQuote: Uint8Array;

  constructor(
    readonly text: string,
    model: TextModel,
    readonly lexicon: ProvenanceLexicon,
    readonly outlets: readonly Outlet[],
    /** The kind of an outlet by id, or null when the list records none. */
    readonly outletType: (id: string) => OutletType | null = () => null,
  ) {
    this.tokens = fixCapitalised(model.tokens, lexicon);
    this.paragraphOf = new Int32Array(this.tokens.length);
    this.inQuote = new Uint8Array(this.tokens.length);
    let paragraph = 0;
    let previousEnd = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      for (let k = previousEnd; k < t.start; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) {
          paragraph++;
          break;
        }
      }
      this.paragraphOf[i] = paragraph;
      previousEnd = t.end;
    }
    this.sentenceOf = new Int32Array(this.tokens.length);
    // In a text written in lower case (a forum post: "now its 40. my neighbour …") a full stop
    // before a lower-case word ends a sentence where the text model says one starts; in news
    // the capital is required, so that "a.m. on Friday" or "vs. the" never ends one.
    const lowerStarts = lowerCaseSentenceStarts(text, model.sentences);
    let sentence = 0;
    let ended = false;
    let modelSentence = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (i > 0 && this.paragraphOf[i] !== this.paragraphOf[i - 1]) {
        sentence++;
        ended = false;
      } else if (ended && !QUOTE_CHARS.has(t.text) && t.text !== ')') {
        if (/^[\p{Lu}\p{N}"“‘'«(]/u.test(t.text) || lowerStarts?.has(t.start)) sentence++;
        ended = false;
      } else if (ended && QUOTE_CHARS.has(t.text) && /^["“‘«]$/.test(t.text) && t.start > (this.tokens[i - 1]?.end ?? 0)) {
        sentence++;
        ended = false;
      }
      this.sentenceOf[i] = sentence;
      // wink-nlp keeps the stop on some words ("no.") before a closing mark.
      if ((t.pos === 'PUNCT' && END_PUNCT.has(t.text)) || (t.text.length > 1 && t.text.endsWith('.') && i + 1 < this.tokens.length && QUOTE_CHARS.has(this.tokens[i + 1]!.text))) ended = true;
      // wink-nlp reads "in." or "no." at the end of a sentence as one abbreviation token ("The family
      // moved in. Hastings said …"): a lower-case word with its stop, no title's abbreviation, ends the
      // sentence where the text model starts the next one too.
      else if (t.text.length > 2 && t.text.endsWith('.') && i + 1 < this.tokens.length && /^\p{Ll}+\.$/u.test(t.text) && !lexicon.titles.has(t.norm) && !lexicon.titleAbbreviations.has(t.norm)) {
        const next = this.tokens[i + 1]!.start;
        while (modelSentence < model.sentences.length && model.sentences[modelSentence]!.start < next) modelSentence++;
        if (model.sentences[modelSentence]?.start === next) ended = true;
      }
    }
    this.firstOfSentence = new Int32Array(this.tokens.length > 0 ? sentence + 1 : 0);
    this.lastOfSentence = new Int32Array(this.tokens.length > 0 ? sentence + 1 : 0);
    for (let i = this.tokens.length - 1; i >= 0; i--) this.firstOfSentence[this.sentenceOf[i]!] = i;
    for (let i = 0; i < this.tokens.length; i++) this.lastOfSentence[this.sentenceOf[i]!] = i;
  }

  /** Index of the first token starting at or after `offset`. */
  tokenAtOrAfter(offset: number): number {
    return partitionPoint(this.tokens.length, (mid) => this.tokens[mid]!.start < offset);
  }

  /** Index of the last token starting before `offset`, or -1. */
  tokenBefore(offset: number): number {
    return this.tokenAtOrAfter(offset) - 1;
  }

  isQuoteMark(i: number): boolean {
    // In range first: a read past the end deoptimises the callers that inline this.
    return i >= 0 && i < this.tokens.length && QUOTE_CHARS.has(this.tokens[i]!.text);
  }

  /** Sentence-final punctuation ('.', '!', '?'), also when wink-nlp glued it to a word. */
  isSentenceEnd(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.pos !== 'PUNCT' || !END_PUNCT.has(t.text)) return false;
    // "(I-Vt.) said": a full stop that does not end the sentence.
    const next = this.tokens[i + 1];
    return next === undefined || this.sentenceOf[i + 1] !== this.sentenceOf[i] || QUOTE_CHARS.has(next.text);
  }

  isCapitalized(i: number): boolean {
    const t = this.tokens[i];
    // wink-nlp can yield an empty token ("Wait..Really"); it is not capitalised.
    if (!t || t.text === '') return false;
    // ASCII: only A-Z (no string built); other characters by their case mappings.
    const code = t.text.charCodeAt(0);
    if (code < 0x80) return code >= 65 && code <= 90;
    const c = t.text[0]!;
    return c !== c.toLowerCase() && c === c.toUpperCase();
  }

  isWord(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.pos !== 'PUNCT' && t.pos !== 'SYM' && t.pos !== 'SPACE';
  }

  sameParagraph(a: number, b: number): boolean {
    return this.paragraphOf[a] === this.paragraphOf[b];
  }

  /** The first outlet (in the list's order) with a mention overlapping the span. */
  outletAt(span: Span): Outlet | null {
    const index = (this.outletIndex ??= indexOutletMentions(this.outlets));
    const { starts, ends, maxEnd, outlet } = index;
    // The first mention that can reach past span.start: all before it end at or before it.
    const lo = partitionPoint(starts.length, (mid) => maxEnd[mid]! <= span.start);
    let best = -1;
    for (let k = lo; k < starts.length && starts[k]! < span.end; k++) if (span.start < ends[k]! && (best < 0 || outlet[k]! < best)) best = outlet[k]!;
    return best < 0 ? null : this.outlets[best]!;
  }

  /**
   * The outlet mentioned last (latest start) wholly before `offset`, the first in the list's order
   * on a tie ("the agency said"). With `types`, an outlet of one of those kinds or of no recorded
   * kind is preferred among the last `TYPED_LOOKBACK` mentions ("the agency" after "Xinhua
   * reported … told CGTN" is Xinhua), so the search stays bounded.
   */
  lastOutletBefore(offset: number, types: readonly OutletType[] = []): Outlet | null {
    if (types.length > 0) {
      const typed = this.lastOutletWhere(offset, (o) => {
        const type = this.outletType(o.id);
        return type === null || types.includes(type);
      }, TYPED_LOOKBACK);
      if (typed) return typed;
    }
    return this.lastOutletWhere(offset, () => true, Infinity);
  }

  private lastOutletWhere(offset: number, accept: (o: Outlet) => boolean, lookback: number): Outlet | null {
    const { starts, ends, outlet } = (this.outletIndex ??= indexOutletMentions(this.outlets));
    let best = -1;
    let bestAt = -1;
    let seen = 0;
    // Back from the last mention starting by `offset`: past the best start nothing can win, and
    // before a winner is found only mentions still open at `offset` are passed over.
    for (let k = partitionPoint(starts.length, (mid) => starts[mid]! <= offset) - 1; k >= 0 && starts[k]! >= bestAt && seen < lookback; k--) {
      if (ends[k]! > offset) continue;
      seen++;
      if (!accept(this.outlets[outlet[k]!]!)) continue;
      if (starts[k]! > bestAt || outlet[k]! < best) {
        best = outlet[k]!;
        bestAt = starts[k]!;
      }
    }
    return best < 0 ? null : this.outlets[best]!;
  }

  private outletIndex: OutletMentionIndex | null = null;
}

/** Every outlet mention by start, with its outlet's index and the running maximum end. */
interface OutletMentionIndex {
  starts: Int32Array;
  ends: Int32Array;
  maxEnd: Int32Array;
  outlet: Int32Array;
}

function indexOutletMentions(outlets: readonly Outlet[]): OutletMentionIndex {
  const all = outlets.flatMap((o, k) => o.mentions.map((m) => ({ start: m.start, end: m.end, outlet: k }))).sort((a, b) => a.start - b.start);
  const maxEnd = new Int32Array(all.length);
  let max = -1;
  for (let k = 0; k < all.length; k++) maxEnd[k] = max = Math.max(max, all[k]!.end);
  return { starts: Int32Array.from(all, (m) => m.start), ends: Int32Array.from(all, (m) => m.end), maxEnd, outlet: Int32Array.from(all, (m) => m.outlet) };
}

/**
 * wink-nlp often tags a capitalised name as a verb or noun ("Cook said", "Barkley"). Inside a
 * sentence, a capitalised word that is not an abbreviation is a proper noun; at the start of a
 * sentence, only when a proper noun or a verb follows it.
 */
function fixCapitalised(tokens: readonly Token[], lexicon: ProvenanceLexicon): Token[] {
  // Pushed into a literal, as the text model builds its tokens: an array made by `map` has
  // another elements kind (holey), so code reading both lists saw two hidden classes and
  // deoptimised on the second ("wrong map").
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(fixedToken(tokens, i, lexicon));
  return out;
}

function fixedToken(tokens: readonly Token[], i: number, lexicon: ProvenanceLexicon): Token {
  const t = tokens[i]!;
  if (titleCaseCue(tokens, i, lexicon)) return t.pos === 'VERB' ? t : retagged(t, 'VERB');
  // "said Will Doyle": a capitalised auxiliary inside a sentence, before a proper noun, is a given name.
  if (t.pos === 'AUX' && /^[A-Z][a-z]+$/.test(t.text) && tokens[i + 1]?.pos === 'PROPN' && tokens[i - 1] && tokens[i - 1]!.sentence === t.sentence && !END_PUNCT.has(tokens[i - 1]!.text) && !QUOTE_CHARS.has(tokens[i - 1]!.text)) return retagged(t, 'PROPN');
  if (t.pos !== 'VERB' && t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'ADV') return t;
  // An ASCII first letter is upper case only from A to Z: its code answers without a string made per token.
  const c = t.text.charCodeAt(0);
  if (t.text.length < 2 || (c < 128 ? !(c >= 65 && c <= 90) : t.text[0] === t.text[0]!.toLowerCase()) || t.text === t.text.toUpperCase()) return t;
  const prev = tokens[i - 1];
  const initial = !prev || prev.sentence !== t.sentence || END_PUNCT.has(prev.text) || QUOTE_CHARS.has(prev.text) || prev.text === ':';
  const next = tokens[i + 1];
  // "Jolly said", "Doyle says": one capitalised word right before a finite verb of speech is a name.
  if (next && next.pos === 'VERB' && !next.norm.endsWith('ing') && lexicon.cueVerbs.get(next.norm)?.cls === 'speech' && !lexicon.pronouns.has(t.norm) && !/^(when|whenever|where|while|once|if|as|so|yet|thus|hence|here|there|never|ever|just|only|even|why|how|today|yesterday|tonight|now|then|later|also|still|instead|previously|recently|separately|publicly|privately|finally|earlier|repeatedly|reportedly|others|some|many|most|both|all|officials|critics|analysts|experts|aides|supporters|democrats|republicans|reports|polls|sources|witnesses|police|prosecutors|residents|voters)$/.test(t.norm)) return retagged(t, 'PROPN');
  if (t.pos === 'ADV') return t;
  if (!initial) return retagged(t, 'PROPN');
  // "Said Comey, “…”": a speech verb opening the sentence before a name stays a verb.
  if (t.pos === 'VERB' && !t.norm.endsWith('ing') && next && (next.pos === 'VERB' || next.pos === 'PROPN' || next.pos === 'AUX') && !(next.pos === 'PROPN' && lexicon.cueVerbs.get(t.norm)?.cls === 'speech')) return retagged(t, 'PROPN');
  return t;
}

/**
 * "Trump Says He Will Run", "Maher Tells Guest …": in a title-case headline a finite verb of
 * speech between a capitalised word and a capitalised word, pronoun or quotation mark is the
 * cue, not part of a name. Mid-sentence capitals on a verb only occur in such lines.
 */
function titleCaseCue(tokens: readonly Token[], i: number, lexicon: ProvenanceLexicon): boolean {
  const t = tokens[i]!;
  // Most tokens do not open with A-Z: the char code answers before the regex runs.
  const first = t.text.charCodeAt(0);
  if (!(first >= 65 && first <= 90) || !/^[A-Z][a-z]+$/.test(t.text) || t.norm.endsWith('ing') || lexicon.cueVerbs.get(t.norm)?.headline !== true) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || prev.sentence !== t.sentence || next.sentence !== t.sentence) return false;
  const capital = (w: Token) => /^\p{Lu}/u.test(w.text);
  return capital(prev) && (prev.pos === 'PROPN' || prev.pos === 'NOUN') && (capital(next) || next.pos === 'PRON' || QUOTE_CHARS.has(next.text));
}

/**
 * The starts of the text model's sentences when most of them open in lower case (at least two
 * sentences), else null.
 */
function lowerCaseSentenceStarts(text: string, sentences: readonly Span[]): Set<number> | null {
  if (sentences.length < 2) return null;
  let lower = 0;
  for (const s of sentences) {
    const c = text.charCodeAt(s.start);
    if (c >= 97 && c <= 122) lower++;
  }
  return 2 * lower >= sentences.length ? new Set(sentences.map((s) => s.start)) : null;
}
