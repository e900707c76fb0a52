import type { Token } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import type { Cue } from './found.js';
import { infinitiveSubject, leadingSubject, objectHost, participleHost, quotedAsSaying, sentenceSubject, subjectLeft, subjectRight, type Subject } from './subjects.js';

const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'last', 'this', 'next', 'week', 'month', 'year', 'earlier', 'later', 'recently', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'again', 'also', 'then', 'once', 'now', 'previously']);

/** A verb token that can be a cue: its form is in the lexicon and it is not used as a noun ("a say"). */
export function cueVerbAt(ctx: ProvenanceContext, i: number): ReturnType<ProvenanceContext['lexicon']['cueVerbs']['get']> {
  const t = ctx.tokens[i]!;
  const verb = ctx.lexicon.cueVerbs.get(t.norm);
  if (!verb) return undefined;
  // Neighbours read in range only: a read past either end deoptimises this hot function.
  const prev = i > 0 ? ctx.tokens[i - 1] : undefined;
  if (verb.needsThat) {
    const next = i + 1 < ctx.tokens.length ? ctx.tokens[i + 1]! : undefined;
    if (next === undefined || (next.norm !== 'that' && next.text !== ':')) return undefined;
  }
  // "after warning colleagues that", "by telling reporters": a gerund wink-nlp tags as a noun.
  const gerund = t.pos === 'NOUN' && t.norm.endsWith('ing') && prev !== undefined && (prev.pos === 'ADP' || prev.text === ',') && (i + 1 >= ctx.tokens.length || ctx.tokens[i + 1]!.pos !== 'ADP');
  if (!gerund && !misreadCue(ctx, i) && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'ADP')) return undefined;
  // A participle after a determiner is an adjective ("the stated goal").
  if (prev && prev.pos === 'DET' && !/^(that|this|which)$/.test(prev.norm)) return undefined;
  return verb;
}

/**
 * "the candidate claims his worth is …", "…, the Daily Ledger reports.": a finite cue the tagger
 * read as a plural noun after its subject; an -s or -ed form after a noun or name, before a
 * pronoun, "that" or the sentence end.
 */
function misreadCue(ctx: ProvenanceContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const prev = i > 0 ? ctx.tokens[i - 1] : undefined;
  const next = i + 1 < ctx.tokens.length ? ctx.tokens[i + 1] : undefined;
  // "Lee alleged that …", "…, promising to build …": a verb form the tagger read as an adjective,
  // before a that-clause or an infinitive ("the alleged shooter" has a determiner before it).
  if (t.pos === 'ADJ' && /[a-z](ed|ing)$/.test(t.norm) && next !== undefined) {
    if (next.norm === 'that' && next.pos === 'SCONJ') return true;
    return next.norm === 'to' && ctx.tokens[i + 2]?.pos === 'VERB';
  }
  if (t.pos !== 'NOUN') return false;
  // "one in five say they …", "all five say that …": after a count, before a clause, "say" is a
  // verb ("the four states that …", "1,600 emails that …" are nouns).
  if (prev?.pos === 'NUM' && ctx.lexicon.cueVerbs.get(t.norm)?.id === 'speech-say' && next !== undefined && (next.pos === 'PRON' || next.norm === 'that')) return true;
  if (!prev || !next || (prev.pos !== 'NOUN' && prev.pos !== 'PROPN')) return false;
  if (!/[a-z](s|ed)$/.test(t.norm) || t.norm.endsWith('ss')) return bareCueBeforeClause(ctx, i, prev, next);
  // "states that have suffered": a relative clause after a noun, not a that-clause after a verb.
  const after = ctx.tokens[i + 2];
  if (next.norm === 'that') return after !== undefined && after.pos !== 'VERB' && after.pos !== 'AUX';
  return next.pos === 'PRON' || ctx.isSentenceEnd(i + 1);
}

const PLURAL_SUBJECTS = new Set(['people', 'men', 'women', 'children', 'police', 'folk']);

/**
 * "Politicians claim immigrants are flooding …": a bare cue after a plural subject, before the
 * subject of a clause and its finite verb, is a present tense the tagger read as a noun ("the
 * insurance claim was paid" has a singular noun before it, "voters claim forms" no verb after).
 */
function bareCueBeforeClause(ctx: ProvenanceContext, i: number, prev: Token, next: Token): boolean {
  if (ctx.tokens[i]!.norm.endsWith('ing')) return false;
  if (!(PLURAL_SUBJECTS.has(prev.norm) || (/[a-z]s$/.test(prev.norm) && !prev.norm.endsWith('ss')))) return false;
  if (next.pos !== 'NOUN' && next.pos !== 'PROPN' && next.pos !== 'PRON' && next.pos !== 'DET' && next.pos !== 'ADJ' && next.pos !== 'NUM') return false;
  for (let m = i + 2; m < ctx.tokens.length && m <= i + 6; m++) {
    const p = ctx.tokens[m]!.pos;
    if (p === 'AUX' || (p === 'VERB' && !ctx.tokens[m]!.norm.endsWith('ing'))) return true;
    if (p !== 'NOUN' && p !== 'PROPN' && p !== 'ADJ' && p !== 'DET' && p !== 'NUM') return false;
  }
  return false;
}

/** A multi-word cue starting at token i ("according to"), if any. */
export function phraseAt(ctx: ProvenanceContext, i: number): { id: string; role: string; length: number } | null {
  for (const p of ctx.lexicon.phrases) {
    let ok = true;
    for (let k = 0; k < p.words.length; k++) if (ctx.tokens[i + k]?.norm !== p.words[k]) {
      ok = false;
      break;
    }
    if (ok) return { id: p.id, role: p.role, length: p.words.length };
  }
  return null;
}

/** A comma after a phrase at `k`, then at least three words of the same clause. */
function opensContent(ctx: ProvenanceContext, k: number, last: number): boolean {
  if (k > last || ctx.tokens[k]!.text !== ',') return false;
  let words = 0;
  for (let m = k + 1; m <= last && words < 3; m++) if (ctx.isWord(m)) words++;
  return words >= 3;
}

/** The last token of the clause that starts at `first`: up to a sentence end or quote mark, same paragraph. */
export function clauseEnd(ctx: ProvenanceContext, first: number, limit: number): number {
  let k = first;
  while (k + 1 < ctx.tokens.length && k + 1 - first < limit && ctx.sameParagraph(first, k + 1) && !ctx.isSentenceEnd(k + 1) && !ctx.isQuoteMark(k + 1)) k++;
  return k;
}

/**
 * A cue right after a quote: `“…,” he said`, `“…,” said Tokayev`, `“…,” Tokayev told Channel One`,
 * `“…,” according to RIA Novosti`. `a` is the first token after the closing mark.
 */
export function cueAfter(ctx: ProvenanceContext, a: number): Cue | null {
  const { tokens } = ctx;
  if (a >= tokens.length) return null;
  let s = a;
  while (s < tokens.length && /^[,\u2014\u2013-]$/.test(tokens[s]!.text) && ctx.sameParagraph(a, s)) s++;
  if (s >= tokens.length || !ctx.sameParagraph(a, s) || ctx.isSentenceEnd(s) || ctx.isQuoteMark(s)) return null;
  const last = clauseEnd(ctx, s, 24);
  // "“…,” as one banker put it.": "as" SUBJECT "put it".
  if (tokens[s]!.norm === 'as') {
    for (let v = s + 2; v <= Math.min(last - 1, s + 12); v++) {
      if (!putIt(ctx, v)) continue;
      const subject = subjectLeft(ctx, v, s + 1);
      return subject && ctx.tokenAtOrAfter(subject.start) === s + 1 ? { span: span(ctx, v, v + 1), first: v, last: v + 1, clauseFirst: s, clauseLast: last, ruleId: 'as-put-it', subject, side: 'after' } : null;
    }
  }
  const phrase = phraseAt(ctx, s);
  if (phrase && phrase.role === 'source') {
    const subject = subjectRight(ctx, s + phrase.length, last);
    // "“….” According to TASS, he added that …": a phrase that opens its own sentence and is
    // followed by that sentence's content reports the content, not the quote before it.
    if (subject && ctx.sentenceOf[s] !== ctx.sentenceOf[a - 1] && opensContent(ctx, ctx.tokenAtOrAfter(subject.end), last)) return null;
    return { span: span(ctx, s, s + phrase.length - 1), first: s, last: s + phrase.length - 1, clauseFirst: s, clauseLast: last, ruleId: phrase.id, subject, side: 'after' };
  }
  // The subject may carry a long appositive ("…,” Trump, the front-runner, who …, said").
  for (let v = s; v <= Math.min(last, s + 20); v++) {
    const verb = cueVerbAt(ctx, v);
    if (!verb) continue;
    if (v === s) {
      const subject = subjectRight(ctx, v + 1, last);
      return { span: span(ctx, v, v), first: v, last: v, clauseFirst: s, clauseLast: last, ruleId: verb.id, subject, side: 'after' };
    }
    // "…,” Cecelia Purner, 67, a retired clerk in Allentown, Pa., said": a name, then its appositive.
    let subject = subjectLeft(ctx, v, s);
    if (!subject || ctx.tokenAtOrAfter(subject.start) !== s) {
      const lead = leadingSubject(ctx, v, s);
      // "the assailant, John McGraw, told": the name after its description speaks.
      const named = subject && subject.kind === 'name' && lead && ctx.tokenAtOrAfter(lead.end) === ctx.tokenBefore(subject.start);
      if (!named) subject = lead;
      else return { span: span(ctx, v, v), first: v, last: v, clauseFirst: s, clauseLast: last, ruleId: verb.id, subject: subject!, side: 'after' };
    }
    if (subject && ctx.tokenAtOrAfter(subject.start) === s) {
      return { span: span(ctx, v, v), first: v, last: v, clauseFirst: s, clauseLast: last, ruleId: verb.id, subject, side: 'after' };
    }
    return null;
  }
  return mannerVerbAfter(ctx, s, last);
}

/**
 * Any verb used as a cue right after a quote, when the clause is nothing but the verb and its
 * subject: `“This is fantastic!” beamed Donald Hartley`, `“…,” she laughed.`
 */
function mannerVerbAfter(ctx: ProvenanceContext, s: number, last: number): Cue | null {
  const { tokens } = ctx;
  const isVerb = (i: number) => tokens[i]?.pos === 'VERB' && /(ed|ew|ote|ang|ept|elt)$/.test(tokens[i]!.norm);
  if (isVerb(s)) {
    const subject = subjectRight(ctx, s + 1, last);
    // "“This is fantastic!” beamed Donald Hartley of Madison, who …": an appositive may follow.
    const after = ctx.tokenAtOrAfter(subject?.end ?? 0);
    if (subject && subject.kind === 'name' && (after > last || tokens[after]!.text === ',')) return { span: span(ctx, s, s), first: s, last: s, clauseFirst: s, clauseLast: last, ruleId: 'verb-after-quote', subject, side: 'after' };
    return null;
  }
  for (let v = s + 1; v <= Math.min(last, s + 4); v++) {
    if (!isVerb(v)) continue;
    const subject = subjectLeft(ctx, v, s);
    // "she laughed.", "Trump shot back.": the verb, with at most a particle, ends the clause.
    const particle = v === last - 1 && /^(back|out|up|in|on|off)$/.test(tokens[last]!.norm);
    if (subject && ctx.tokenAtOrAfter(subject.start) === s && (subject.kind !== 'nominal') && (v === last || particle)) return { span: span(ctx, v, v), first: v, last: v, clauseFirst: s, clauseLast: last, ruleId: 'verb-after-quote', subject, side: 'after' };
    return null;
  }
  return null;
}

/**
 * A cue before a quote in the same sentence: `Tokayev said: “…”`, `He told reporters that “…”`,
 * `According to Tokayev, “…”`. `b` is the last token before the opening mark.
 */
export function cueBefore(ctx: ProvenanceContext, b: number): Cue | null {
  const { tokens } = ctx;
  // A quote that opens a new sentence is not introduced by the sentence before it.
  if (ctx.isSentenceEnd(b)) return null;
  let min = b;
  while (min - 1 >= 0 && b - (min - 1) < 30 && ctx.sameParagraph(b, min - 1) && !ctx.isSentenceEnd(min - 1) && !ctx.isQuoteMark(min - 1)) min--;
  for (let v = b; v >= min; v--) {
    const phrase = phraseAt(ctx, v);
    if (phrase && phrase.role === 'source') {
      const subject = subjectRight(ctx, v + phrase.length, b);
      return { span: span(ctx, v, v + phrase.length - 1), first: v, last: v + phrase.length - 1, clauseFirst: min, clauseLast: b, ruleId: phrase.id, subject, side: 'before' };
    }
    // "As one banker put it, “…”": "as" SUBJECT "put it" before the quote.
    if (putIt(ctx, v) && v + 1 <= b) {
      const subject = subjectLeft(ctx, v, min);
      const as = subject ? ctx.tokenBefore(subject.start) : -1;
      if (subject && as >= min && tokens[as]!.norm === 'as' && bridgeOk(ctx, v + 2, b)) return { span: span(ctx, v, v + 1), first: v, last: v + 1, clauseFirst: min, clauseLast: b, ruleId: 'as-put-it', subject, side: 'before' };
    }
    const verb = cueVerbAt(ctx, v);
    if (verb) {
      if (!bridgeOk(ctx, v + 1, b)) return null;
      // "TASS quoted Lavrov as saying “…”": the one quoted speaks, as in reported speech.
      const quotedAs = quotedAsSaying(ctx, v, min)?.speaker ?? null;
      const left = quotedAs ?? subjectLeft(ctx, v, min) ?? coordinatedSubject(ctx, v, min);
      // "telling reporters, “…”": the noun phrase after a verb that takes a listener is the listener.
      const subject = (left ? (quotedAs ?? objectHost(ctx, v, left, min) ?? left) : null) ?? participleHost(ctx, v, min) ?? sentenceSubject(ctx, v, min) ?? leadingSubject(ctx, v, min) ?? infinitiveSubject(ctx, v, min) ?? (verb.takesListener ? null : subjectRight(ctx, v + 1, b));
      return { span: span(ctx, v, v), first: v, last: v, clauseFirst: min, clauseLast: b, ruleId: verb.id, subject, side: 'before' };
    }
    // Another verb closer to the quote than any cue: the quote belongs to that clause.
    if (tokens[v]!.pos === 'VERB' && v < b - 1 && tokens[v]!.norm !== 'according') return null;
  }
  return null;
}

/** Between a cue verb and the quote: objects, times, places, "that", a colon or comma; no other clause. */
function bridgeOk(ctx: ProvenanceContext, from: number, to: number): boolean {
  if (to - from > 14) return false;
  for (let k = from; k <= to; k++) {
    const t = ctx.tokens[k]!;
    if (t.pos === 'VERB' && !TIME_WORDS.has(t.norm) && t.norm !== 'according') return false;
  }
  return true;
}

/** "put it" (or "puts it") at token v, as in "as one banker put it". */
function putIt(ctx: ProvenanceContext, v: number): boolean {
  const t = ctx.tokens[v]!.norm;
  return (t === 'put' || t === 'puts') && ctx.tokens[v + 1]?.norm === 'it';
}

export function isTimeWord(norm: string): boolean {
  return TIME_WORDS.has(norm);
}

function span(ctx: ProvenanceContext, first: number, last: number) {
  return { start: ctx.tokens[first]!.start, end: ctx.tokens[last]!.end };
}

/**
 * "Witnesses said the man approached her and shouted “…”": a cue joined by "and" to a finite verb
 * before it shares that verb's subject, not the sentence's first one.
 */
function coordinatedSubject(ctx: ProvenanceContext, v: number, min: number): Subject | null {
  const { tokens } = ctx;
  if (tokens[v - 1]?.norm !== 'and') return null;
  for (let k = v - 2; k > min && v - k <= 12; k--) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || ctx.isQuoteMark(k)) return null;
    if (t.pos !== 'VERB' || t.norm.endsWith('ing')) continue;
    const subject = subjectLeft(ctx, k, min);
    return subject && subject.kind !== 'pronoun' ? subject : null;
  }
  return null;
}
