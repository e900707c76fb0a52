import type { Span } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import { cueAfter, cueBefore, cueVerbAt } from './cues.js';
import type { Entity, EntityRegistry, Mention } from './entities.js';
import type { Cue, FoundQuote } from './found.js';
import type { QuotedSegment } from './marks.js';
import { resolveSubject } from './resolve.js';
import { nounPhraseLeft, subjectLeft, type Subject } from './subjects.js';
import { NOT_SPEAKERS } from './transcript.js';
import { v2Lexicon } from './v2-lexicon.js';

/** Quotes of this many words or fewer, with no cue right next to them, are scare quotes. */
const SCARE_MAX_WORDS = 3;


/**
 * Classifies each quoted passage (direct quote, scare quote or title of a work) and
 * attributes direct quotes through the cue next to them, a colon introducing them, or the
 * quote they continue (`“A,” he said. “B.”`).
 */
export function attributeDirectQuotes(ctx: ProvenanceContext, registry: EntityRegistry, segments: readonly QuotedSegment[], isQuoted: (m: Mention) => boolean): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  let previous: { entity: Entity; paragraph: number; name: string; cue: Span | null; end: number } | null = null;

  for (const seg of segments) {
    const first = ctx.tokenAtOrAfter(seg.start);
    const last = ctx.tokenBefore(seg.end);
    let words = 0;
    for (let k = first; k <= last; k++) if (ctx.isWord(k)) words++;
    if (words === 0) continue;
    const before = ctx.tokenBefore(seg.outerStart);
    const after = ctx.tokenAtOrAfter(seg.outerEnd);
    const paragraph = ctx.paragraphOf[Math.min(first, ctx.tokens.length - 1)]!;
    // Only a quote that opens its paragraph can continue the previous paragraph's speaker.
    const opensParagraph = before < 0 || ctx.paragraphOf[before] !== paragraph;
    const short = words <= SCARE_MAX_WORDS;

    if (short && isWorkTitle(ctx, before)) continue;
    // "the so-called “experts”": the writer's distance from the words, whatever cue stands near.
    const marker = words <= 2 ? scareMarkerBefore(ctx.text, seg.outerStart) : null;
    if (marker) {
      quotes.push({ start: seg.start, end: seg.end, text: ctx.text.slice(seg.start, seg.end), kind: 'scare', entity: null, cue: null, outletId: null, marked: true, explanation: `Scare quote: ${words === 1 ? 'one word' : 'two words'} in quotation marks right after "${marker}", which holds them at a distance.` });
      continue;
    }

    const inner = ctx.text.slice(seg.start, seg.end);
    // “Sunday Morning Futures”, “Make America Great Again”: a name or title in Title Case.
    const titleCase = isTitleCase(inner);
    const endsOpen = /[,!?\u2014\u2013-]$/.test(inner) || (seg.close >= 0 && /^\s*[,\u2014\u2013]/.test(ctx.text.slice(seg.outerEnd, seg.outerEnd + 3)));
    const hasBefore = before >= 0 && (ctx.sameParagraph(before, Math.max(first, 0)) || ctx.tokens[before]!.text === ':');
    const hasAfter = seg.close >= 0 && after < ctx.tokens.length && ctx.sameParagraph(after, last);
    let cue: Cue | null;
    // "after telling a meeting that “…,” the party said": the quote is the object of the cue before it.
    const nested = hasBefore && ctx.tokens[before]!.norm === 'that';
    if (endsOpen && !nested) cue = (hasAfter ? cueAfter(ctx, after) : null) ?? (hasBefore ? cueBefore(ctx, before) : null);
    else cue = (hasBefore ? cueBefore(ctx, before) : null) ?? (hasAfter ? cueAfter(ctx, after) : null);
    // "“We're thrilled” about the ruling, said Ann Lee": a few words with no verb, then a closing cue clause.
    if (!cue && hasAfter && !short) {
      const m = tailBeforeCue(ctx, after);
      if (m >= 0) cue = cueAfter(ctx, m);
    }
    // A short quote's cue touches it, or its subject does: `“He deserved it,” the assailant, John McGraw, told …`.
    if (cue && short && !tight(cue, before, after) && !(cue.side === 'after' && endsOpen && cue.subject && cue.clauseFirst <= after + 1)) cue = null;

    // A title after its cue is a programme or slogan ("told ABC’s “Good Morning America”").
    if (titleCase && (!cue || cue.side !== 'after') && !colonIntro(ctx, before)) continue;
    // A whole short sentence ("We want peace.") is speech, not irony.
    const sentenceLike = (/^[\p{Lu}\p{Lt}]/u.test(inner) && /[.!?]$/.test(inner)) || hasPredicate(ctx, first, last);
    if (short && !cue && !sentenceLike) {
      quotes.push({ start: seg.start, end: seg.end, text: inner, kind: 'scare', entity: null, cue: null, outletId: null, explanation: `Scare quote: ${words === 1 ? 'one word' : `${words} words`} in quotation marks with no speaker or cue next to them, so the marks are the author's own distance from the words.` });
      continue;
    }

    const what = `Direct quote: ${seg.paragraphs > 1 ? `words in quotation marks over ${seg.paragraphs} paragraphs` : seg.open < 0 ? 'words ending with a closing quotation mark at the start of a paragraph (opening mark missing)' : 'words in quotation marks'}`;
    let entity: Entity | null = null;
    let outletId: string | null = null;
    let why: string;
    // A continuation shares the cue of the quote it continues, which links the parts.
    let inheritedCue: Span | null = null;
    if (cue) {
      // "We were told “…”": the subject of a passive verb of telling heard the words; who spoke is not named.
      const heard = passiveListener(ctx, cue);
      const resolved = cue.subject && !heard ? resolveSubject(ctx, registry, cue.subject, isQuoted) : null;
      entity = resolved?.entity ?? null;
      outletId = entity?.outletId ?? outletInClause(ctx, cue);
      const cueText = ctx.text.slice(cue.span.start, cue.span.end);
      why = `; cue "${cueText}" (${cue.ruleId}) ${cue.side === 'after' ? 'after' : 'before'} the quote; ${resolved ? resolved.how : heard ? 'passive, the subject heard the words and the speaker is not named' : 'no subject found for the cue'}`;
      if (outletId && !entity?.outletId) why += `; outlet named in the cue clause (${ctx.outlets.find((o) => o.id === outletId)?.name ?? outletId})`;
    } else {
      const colon = colonIntro(ctx, before);
      const resolved = colon ? resolveSubject(ctx, registry, colon, isQuoted) : null;
      if (resolved) {
        entity = resolved.entity;
        outletId = entity.outletId;
        why = `; introduced by a colon after a sentence whose subject is ${resolved.how.replace(/^subject /, '')}`;
      } else if (previous && (previous.paragraph === paragraph || (previous.paragraph === paragraph - 1 && opensParagraph)) && !otherCueBetween(ctx, previous.end, seg.outerStart, previous.cue)) {
        entity = previous.entity;
        outletId = entity.outletId;
        inheritedCue = previous.cue;
        why = `; no cue of its own: continues the quote by ${previous.name} ${previous.paragraph === paragraph ? 'in the same paragraph' : 'in the previous paragraph'}`;
      } else {
        const own = opensParagraph ? null : ownSentence(ctx, before, registry, isQuoted);
        const lead = own ? null : leadSentence(ctx, before, first);
        const person = own ?? (lead ? resolveSubject(ctx, registry, lead, isQuoted) : null);
        if (own) {
          entity = own.entity;
          outletId = entity.outletId;
          why = `; no cue of its own: inside a sentence whose subject is ${entity.name} (${own.how})`;
        } else if (person && person.entity.kind === 'person') {
          entity = person.entity;
          outletId = entity.outletId;
          why = `; no cue of its own: the sentence just before it in the paragraph is about ${entity.name} (${person.how})`;
        } else {
          why = '; no cue verb, colon or earlier quote to attribute it to';
        }
      }
    }
    quotes.push({ start: seg.start, end: seg.end, text: inner, kind: 'direct', entity, cue: cue ? cue.span : inheritedCue, outletId, explanation: what + why + '.' });
    if (entity) previous = { entity, paragraph: ctx.paragraphOf[Math.min(last, ctx.tokens.length - 1)]!, name: entity.name, cue: cue ? cue.span : inheritedCue, end: seg.outerEnd };
  }
  return quotes;
}

/**
 * "were told", "was assured": the participle of a verb of telling (cue-verbs.yml `object`)
 * after a passive auxiliary, whose subject is the listener ("is telling" is active). Not
 * reported speech's wider `passive`, which also reads "when asked" and "if told": there the
 * sentence's subject answers, and speaks.
 */
function passiveListener(ctx: ProvenanceContext, cue: Cue): boolean {
  if (cue.first !== cue.last || cue.first < 1 || !PASSIVE_AUXILIARIES.has(ctx.tokens[cue.first - 1]!.norm)) return false;
  const verb = cueVerbAt(ctx, cue.first);
  return verb?.takesListener === true && verb.id !== 'speech-ask' && /ed$|^told$/.test(ctx.tokens[cue.first]!.norm);
}
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'am', 'get', 'got', 'gets']);

/**
 * A subject and an auxiliary inside the marks ("'women are inferior'", "'migrants should
 * leave'"): a quoted clause, which is someone's words, not a scare quote's ironic label. A verb
 * first ("'lock her up'") or no auxiliary ("'fake news'", "'native born'": the tagger reads
 * participles in labels as verbs) keeps the label.
 */
function hasPredicate(ctx: ProvenanceContext, first: number, last: number): boolean {
  const opener = ctx.tokens[first]!.pos;
  if (opener === 'VERB' || opener === 'AUX') return false;
  for (let k = first + 1; k <= last; k++) if (ctx.tokens[k]!.pos === 'AUX' && ctx.tokens[k - 1]!.pos !== 'PUNCT') return true;
  return false;
}

/** The scare marker ("so-called", "self-styled", "alleged") right before an opening mark, or null. */
function scareMarkerBefore(text: string, open: number): string | null {
  const m = /([\p{L}]+(?:[-\u2010 ][\p{L}]+)?)\s*$/u.exec(text.slice(Math.max(0, open - 24), open));
  if (!m) return null;
  const markers = v2Lexicon().scareMarkers;
  const two = m[1]!.toLowerCase().replace(/[\u2010 ]/g, '-');
  if (markers.has(two)) return m[1]!;
  const one = two.slice(two.lastIndexOf('-') + 1);
  return markers.has(one) ? one : null;
}

/** A short quote is only a quote when its cue touches it: `said “no”`, `“No,” he said`. */
function tight(cue: Cue, before: number, after: number): boolean {
  return cue.side === 'after' ? cue.first - after <= 3 : before - cue.last <= 2;
}

function isWorkTitle(ctx: ProvenanceContext, before: number): boolean {
  for (let k = before; k >= 0 && k > before - 3; k--) {
    const t = ctx.tokens[k]!;
    if (ctx.lexicon.workTitleWords.has(t.norm)) return true;
    if (t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'DET' && t.text !== ',') return false;
  }
  return false;
}

function outletInClause(ctx: ProvenanceContext, cue: Cue): string | null {
  const a = ctx.tokens[cue.clauseFirst];
  const b = ctx.tokens[cue.clauseLast];
  if (!a || !b) return null;
  return ctx.outletAt({ start: a.start, end: b.end })?.id ?? null;
}

/** `Clinton released a statement:` then the quote: the speaker is the sentence's subject. */
function colonIntro(ctx: ProvenanceContext, before: number): Subject | null {
  const t = ctx.tokens[before];
  if (!t || t.text !== ':') return null;
  let s = before;
  while (s - 1 >= 0 && before - s < 40 && ctx.sameParagraph(before, s - 1) && !ctx.isSentenceEnd(s - 1) && !ctx.isQuoteMark(s - 1)) s--;
  for (let k = s; k < before; k++) {
    const tok = ctx.tokens[k]!;
    if (tok.pos === 'VERB' || tok.pos === 'AUX') {
      // The subject is the noun phrase right before the first verb, past an appositive
      // ("Mark Lee, an analyst at RBC, agreed:") and adverbs ("She then added:").
      return k > s ? (subjectLeft(ctx, k, s) ?? nounPhraseLeft(ctx, k - 1, s)) : null;
    }
  }
  // A headline: "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment’".
  const np = nounPhraseLeft(ctx, before - 1, s);
  // "Interview: “…”", "Exclusive: “…”": a genre label, not who speaks.
  if (np && NOT_SPEAKERS.has(ctx.tokens[ctx.tokenAtOrAfter(np.start)]!.norm)) return null;
  return np && np.kind === 'name' && ctx.tokenAtOrAfter(np.start) === s ? np : null;
}

/**
 * `He was equally blunt about the economy. “Our economy grew…”`: a quote with no cue
 * that opens the sentence after one whose subject is a person, in the same paragraph,
 * is that person's. Only names and pronouns count, so "The economy is weak. “…”" stays
 * unattributed.
 */
function leadSentence(ctx: ProvenanceContext, before: number, first: number): Subject | null {
  const t = ctx.tokens[before];
  if (!t || !ctx.isSentenceEnd(before) || t.text !== '.' || !ctx.sameParagraph(before, Math.max(first, 0))) return null;
  let s = before;
  while (s - 1 >= 0 && before - s < 40 && ctx.sameParagraph(before, s - 1) && !ctx.isSentenceEnd(s - 1) && !ctx.isQuoteMark(s - 1)) s--;
  for (let k = s; k < before; k++) {
    const tok = ctx.tokens[k]!;
    if (tok.pos === 'VERB' || tok.pos === 'AUX') {
      const np = k > s ? nounPhraseLeft(ctx, k - 1, s) : null;
      return np && (np.kind === 'pronoun' || np.kind === 'name') && ctx.tokenAtOrAfter(np.start) === s ? np : null;
    }
  }
  return null;
}

/**
 * `Chancellor Merkel condemned “such a murderous attack”`: a quote with no cue inside a sentence
 * that opens with a named person or a pronoun, as that sentence's first verb's subject, is the
 * words of that person.
 */
function ownSentence(ctx: ProvenanceContext, before: number, registry: EntityRegistry, isQuoted: (m: Mention) => boolean): ReturnType<typeof resolveSubject> {
  const t = ctx.tokens[before];
  if (!t || ctx.isSentenceEnd(before) || ctx.isQuoteMark(before) || t.text === ':') return null;
  let s = before;
  while (s - 1 >= 0 && before - s < 40 && ctx.sameParagraph(before, s - 1) && !ctx.isSentenceEnd(s - 1) && !ctx.isQuoteMark(s - 1)) s--;
  if (s > 0 && ctx.isQuoteMark(s - 1) && ctx.sameParagraph(before, s - 1)) return null;
  for (let k = s; k <= before; k++) {
    const tok = ctx.tokens[k]!;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX') continue;
    const np = k > s ? (nounPhraseLeft(ctx, k - 1, s) ?? subjectLeft(ctx, k, s)) : null;
    if (!np || (np.kind !== 'pronoun' && np.kind !== 'name') || !opensClause(ctx, s, ctx.tokenAtOrAfter(np.start))) return null;
    const resolved = resolveSubject(ctx, registry, np, isQuoted);
    return resolved && (resolved.entity.kind === 'person' || resolved.entity.kind === 'unknown') ? resolved : null;
  }
  return null;
}

/**
 * Whether a subject starting at token `at` opens the sentence that starts at `s`: it is the first
 * word, or a verbless adverbial and a comma come before it ("On Monday, Lee slammed …").
 */
function opensClause(ctx: ProvenanceContext, s: number, at: number): boolean {
  if (at === s) return true;
  if (at - 1 <= s || ctx.tokens[at - 1]!.text !== ',') return false;
  for (let k = s; k < at - 1; k++) if (ctx.tokens[k]!.pos === 'VERB' || ctx.tokens[k]!.pos === 'AUX' || ctx.tokens[k]!.text === ',' || ctx.isQuoteMark(k)) return false;
  return true;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'with', 'in', 'on', 'to', 'at', 'by', 'from', 'as', 'vs.', '&']);

/** Two to eight words, every one capitalised except small words: a title or a name, not speech. */
function isTitleCase(inner: string): boolean {
  const words = inner.replace(/[.,!?:;]+$/, '').split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 8) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL_WORDS.has(w)));
}

/** A cue verb between two quotes, other than the first quote's own: someone else speaks in between. */
function otherCueBetween(ctx: ProvenanceContext, from: number, to: number, own: Span | null): boolean {
  for (let k = ctx.tokenAtOrAfter(from); k < ctx.tokens.length && ctx.tokens[k]!.start < to; k++) {
    if (own && ctx.tokens[k]!.start >= own.start && ctx.tokens[k]!.end <= own.end) continue;
    // "…,'' said Mr. Lee, who noted that …. ''…''": a relative clause on the speaker just named is still that speaker.
    if (cueVerbAt(ctx, k) && !(own && ctx.tokens[k]!.start > own.end && relativeOnSpeaker(ctx, k, ctx.tokenAtOrAfter(own.start)))) return true;
  }
  return false;
}

/**
 * A cue right after "who" (adverbs between) in the sentence of the quote's own cue, whose
 * antecedent is the speaker or the speaker's appositive: "said Lee, who noted", "said Lee, a
 * pollster who worked on …".
 */
function relativeOnSpeaker(ctx: ProvenanceContext, k: number, cue: number): boolean {
  let r = k - 1;
  while (r > 0 && ctx.tokens[r]!.pos === 'ADV') r--;
  if (ctx.tokens[r]?.norm !== 'who' || ctx.sentenceOf[r] !== ctx.sentenceOf[cue]) return false;
  const before = ctx.tokens[r - 1]?.text === ',' ? ctx.tokens[r - 2] : ctx.tokens[r - 1];
  return before !== undefined && (before.pos === 'PROPN' || before.pos === 'NOUN');
}

/** Most words between a quote and a cue clause after it: "“…” about the ruling, said Lee". */
const CUE_TAIL_TOKENS = 8;

/** The comma after a short verbless tail that follows a quote, before a cue clause; or -1. */
function tailBeforeCue(ctx: ProvenanceContext, a: number): number {
  const { tokens } = ctx;
  for (let m = a; m < tokens.length && m - a <= CUE_TAIL_TOKENS && ctx.sameParagraph(a, m); m++) {
    const t = tokens[m]!;
    if (t.text === ',') return m > a ? m : -1;
    if (t.pos === 'VERB' || t.pos === 'AUX' || ctx.isSentenceEnd(m) || ctx.isQuoteMark(m) || t.text === ';' || t.text === ':') return -1;
  }
  return -1;
}
