import type { Outlet, Span } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import type { Entity, EntityRegistry, Mention } from './entities.js';
import type { FoundQuote } from './found.js';
import { partitionPoint } from '../core/spans.js';

/** Words before "to", "with" or "by" that make what follows the listener: "speaking to", "in an interview with". */
const INTERVIEW_WORDS = /^(interview|interviews|interviewed|speaking|talking|spoke|talked|speak|talk|remarks|comments|told|said|conversation|chat|statement)$/;
/** Paragraphs after the one introducing an interview over which its quotes still carry the outlet. */
const PARAGRAPHS_AFTER = 2;

/** An interview given to an outlet, as the text introduces it. */
interface Interview {
  outlet: Outlet;
  /** The outlet's journalist, when named: "Anna Petrova of Channel One", "Channel One's Anna Petrova". */
  interviewer: Entity | null;
  /** Who gives the interview: the speaker of the sentence that introduces it. */
  speaker: Entity | null;
  /** Token index of the outlet mention and the sentence and paragraph it is in. */
  token: number;
  sentence: number;
  paragraph: number;
}

/**
 * Gives the outlet of an interview to the quotes from it. An interview is introduced with an
 * outlet as the listener ("told Anna Petrova of Channel One", "Speaking to Channel One's Anna
 * Petrova, Orlov said", "in an interview with Xinhua"). Its quotes are those of the sentence
 * that introduces it, and later quotes by the interviewee (or the interviewer) that either name
 * the interviewer in their own sentence ("Orlov told Petrova") or follow within two paragraphs;
 * another outlet or another listener named in between ends the interview.
 */
export function attachInterviewOutlets(ctx: ProvenanceContext, registry: EntityRegistry, quotes: FoundQuote[]): void {
  const mentions = new SentenceMentions(ctx, registry);
  const interviews = findInterviews(ctx, registry, quotes, mentions);
  if (interviews.length === 0) return;
  const outletTokens = new OutletTokens(ctx);
  const covered = new Coverage(quotes);
  for (const q of quotes) {
    if (q.outletId || !q.entity) continue;
    const at = ctx.tokenAtOrAfter(q.cue && q.cue.start > q.start ? Math.min(q.cue.start, q.end) : q.start);
    const sentence = ctx.sentenceOf[Math.min(at, ctx.tokens.length - 1)]!;
    // The last interview (in text order) whose sentence is at or before the quote's.
    const lo = partitionPoint(interviews.length, (mid) => interviews[mid]!.sentence <= sentence);
    const interview = interviews[lo - 1];
    if (!interview || (q.entity !== interview.speaker && q.entity !== interview.interviewer)) continue;
    const same = interview.sentence === sentence;
    const first = ctx.tokenAtOrAfter(q.start);
    if (!same) {
      // Each test alone drops the quote; the cheap ones go first, so the scans between the
      // interview and the quote only run for quotes near it.
      const namesInterviewer = interview.interviewer !== null && mentions.names(interview.interviewer, sentence);
      const paragraph = ctx.paragraphOf[Math.min(first, ctx.tokens.length - 1)]!;
      if (!namesInterviewer && paragraph - interview.paragraph > PARAGRAPHS_AFTER) continue;
      if (outletTokens.otherBetween(interview.outlet.id, interview.token, Math.max(at, first))) continue;
      if (otherListener(ctx, registry, interview, Math.max(at, first))) continue;
      if (anotherOccasion(ctx, covered, interview.sentence, sentence)) continue;
    }
    q.outletId = interview.outlet.id;
    const to = `${interview.outlet.name}${interview.interviewer ? ` (${interview.interviewer.name})` : ''}`;
    q.explanation = q.explanation.replace(/\.$/, '') + (same ? `; said to ${to}, the listener named in the same sentence.` : `; part of the interview with ${to} introduced earlier.`);
  }
}

function findInterviews(ctx: ProvenanceContext, registry: EntityRegistry, quotes: readonly FoundQuote[], mentions: SentenceMentions): Interview[] {
  const { tokens } = ctx;
  const out: Interview[] = [];
  let cued: Map<number, FoundQuote[]> | null = null;
  for (const outlet of ctx.outlets) {
    for (const m of outlet.mentions) {
      const o1 = ctx.tokenAtOrAfter(m.start);
      const o2 = ctx.tokenBefore(m.end);
      // “I told CNN …” inside a quote is the speaker's story, not the article's interview.
      if (o1 >= tokens.length || ctx.inQuote[o1]) continue;
      let interviewer: Entity | null = null;
      let position = o1;
      // "Anna Petrova of Channel One"
      const name = tokens[o1 - 1]?.norm === 'of' && o1 >= 2 ? mentionEndingAt(registry, tokens[o1 - 2]!.end) : null;
      if (name && isPerson(name.entity)) {
        interviewer = name.entity;
        position = ctx.tokenAtOrAfter(name.start);
      } else {
        // "Channel One's Anna Petrova" (the outlet's mention may hold the "'s")
        const after = /^['’]s$/.test(tokens[o2 + 1]?.norm ?? '') ? o2 + 2 : /['’]s$/.test(ctx.text.slice(m.start, m.end)) ? o2 + 1 : -1;
        const journalist = after >= 0 && after < tokens.length ? registry.entityIn(tokens[after]!) : null;
        if (journalist && journalist.start === tokens[after]!.start && isPerson(journalist.entity)) interviewer = journalist.entity;
      }
      if (!listenerPosition(ctx, position)) continue;
      const sentence = ctx.sentenceOf[o1]!;
      cued ??= cuedBySentence(ctx, quotes);
      out.push({ outlet, interviewer, speaker: speakerOf(ctx, registry, cued, mentions, sentence, interviewer), token: o1, sentence, paragraph: ctx.paragraphOf[o1]! });
    }
  }
  return out.sort((a, b) => a.token - b.token);
}

/** Right after a listener verb ("told"), or after "to", "with", "by" following an interview word. */
function listenerPosition(ctx: ProvenanceContext, first: number): boolean {
  const { tokens } = ctx;
  let k = first - 1;
  if (k >= 0 && tokens[k]!.pos === 'DET') k--;
  if (k < 0) return false;
  if (ctx.lexicon.cueVerbs.get(tokens[k]!.norm)?.takesListener) return true;
  if (!/^(to|with|by)$/.test(tokens[k]!.norm)) return false;
  let w = k - 1;
  // "in an exclusive interview with", "speaking exclusively to"
  while (w >= 0 && k - w <= 3 && (tokens[w]!.pos === 'ADJ' || tokens[w]!.pos === 'ADV')) w--;
  return w >= 0 && INTERVIEW_WORDS.test(tokens[w]!.norm);
}

/** The quotes with a speaker and a cue, in order, by the sentence their cue is in. */
function cuedBySentence(ctx: ProvenanceContext, quotes: readonly FoundQuote[]): Map<number, FoundQuote[]> {
  const out = new Map<number, FoundQuote[]>();
  for (const q of quotes) {
    if (!q.entity || !q.cue) continue;
    const sentence = ctx.sentenceOf[ctx.tokenAtOrAfter(q.cue.start)];
    if (sentence === undefined) continue;
    const list = out.get(sentence);
    if (list) list.push(q);
    else out.set(sentence, [q]);
  }
  return out;
}

/** The speaker of a quote cued in the sentence, else the first person named there who is not the interviewer. */
function speakerOf(ctx: ProvenanceContext, registry: EntityRegistry, cued: ReadonlyMap<number, readonly FoundQuote[]>, mentions: SentenceMentions, sentence: number, interviewer: Entity | null): Entity | null {
  for (const q of cued.get(sentence) ?? []) if (q.entity !== interviewer) return q.entity;
  for (let k = mentions.first(sentence); k < registry.mentions.length; k++) {
    const m = registry.mentions[k]!;
    const t = ctx.tokenAtOrAfter(m.start);
    if (t >= ctx.tokens.length) continue;
    if (ctx.sentenceOf[t]! > sentence) break;
    if (!m.listener && m.entity !== interviewer && isPerson(m.entity)) return m.entity;
  }
  return null;
}

/**
 * The registry's mentions (in text order, so in sentence order) found by sentence with a binary
 * search, instead of a walk over all of them per question.
 */
class SentenceMentions {
  constructor(
    private readonly ctx: ProvenanceContext,
    private readonly registry: EntityRegistry,
  ) {}

  /** Index of the first mention in `sentence` or after it (mentions past the last token count as after). */
  first(sentence: number): number {
    const { ctx } = this;
    const mentions = this.registry.mentions;
    return partitionPoint(mentions.length, (mid) => {
      const t = ctx.tokenAtOrAfter(mentions[mid]!.start);
      return t < ctx.tokens.length && ctx.sentenceOf[t]! < sentence;
    });
  }

  /** Whether `e` is named in `sentence`. */
  names(e: Entity, sentence: number): boolean {
    const { ctx } = this;
    const mentions = this.registry.mentions;
    for (let k = this.first(sentence); k < mentions.length; k++) {
      const t = ctx.tokenAtOrAfter(mentions[k]!.start);
      if (t >= ctx.tokens.length || ctx.sentenceOf[t]! > sentence) break;
      if (mentions[k]!.entity === e) return true;
    }
    return false;
  }
}

/** The outlets' mentions by token, to ask whether another outlet is named between two tokens. */
class OutletTokens {
  private readonly tokens: Int32Array;
  private readonly ids: string[];
  /** runEnd[k]: the first index after k naming another outlet than k does. */
  private readonly runEnd: Int32Array;

  constructor(ctx: ProvenanceContext) {
    const all = ctx.outlets.flatMap((o) => o.mentions.map((m) => ({ id: o.id, token: ctx.tokenAtOrAfter(m.start) }))).sort((a, b) => a.token - b.token);
    this.tokens = Int32Array.from(all, (o) => o.token);
    this.ids = all.map((o) => o.id);
    this.runEnd = new Int32Array(all.length);
    for (let k = all.length - 1; k >= 0; k--) this.runEnd[k] = k + 1 < all.length && this.ids[k + 1] === this.ids[k] ? this.runEnd[k + 1]! : k + 1;
  }

  /** Whether an outlet other than `id` is named at a token strictly between `after` and `before`. */
  otherBetween(id: string, after: number, before: number): boolean {
    const { tokens } = this;
    const lo = partitionPoint(tokens.length, (mid) => tokens[mid]! <= after);
    if (lo >= tokens.length || tokens[lo]! >= before) return false;
    if (this.ids[lo] !== id) return true;
    const next = this.runEnd[lo]!;
    return next < tokens.length && tokens[next]! < before;
  }
}

/** Whether a span lies inside one of the quotes: their spans by start with the running maximum end. */
class Coverage {
  private readonly starts: Int32Array;
  private readonly maxEnd: Int32Array;

  constructor(quotes: readonly Span[]) {
    const sorted = [...quotes].sort((a, b) => a.start - b.start);
    this.starts = Int32Array.from(sorted, (q) => q.start);
    this.maxEnd = new Int32Array(sorted.length);
    let max = -1;
    for (let k = 0; k < sorted.length; k++) this.maxEnd[k] = max = Math.max(max, sorted[k]!.end);
  }

  covers(span: Span): boolean {
    const lo = partitionPoint(this.starts.length, (mid) => this.starts[mid]! <= span.start);
    return lo > 0 && this.maxEnd[lo - 1]! >= span.end;
  }
}

function isPerson(e: Entity): boolean {
  return e.kind === 'person' || e.kind === 'unknown';
}

function mentionEndingAt(registry: EntityRegistry, end: number): Mention | null {
  const m = registry.entityIn({ start: end - 1, end });
  return m && m.end === end ? m : null;
}

/**
 * Narration between the interview's sentence and the end of the quote's sentence that moves to
 * another occasion ("Trump later blamed", "At a rally on Monday, he said"). Quoted and reported
 * words are not narration: "he said he had previously …" stays in the interview.
 */
function anotherOccasion(ctx: ProvenanceContext, quotes: Coverage, from: number, to: number): boolean {
  const { tokens } = ctx;
  // Sentence numbers grow with the tokens: start at the first token after the interview's sentence.
  const lo = partitionPoint(tokens.length, (mid) => ctx.sentenceOf[mid]! <= from);
  for (let k = lo; k < tokens.length && ctx.sentenceOf[k]! <= to; k++) {
    if (!ctx.lexicon.occasionWords.has(tokens[k]!.norm) || ctx.inQuote[k]) continue;
    const t = tokens[k]!;
    if (!quotes.covers(t)) return true;
  }
  return false;
}

/**
 * Someone else named as a listener since the interview began: "later told John Smith",
 * "reiterated to ABC News" (also when that name is not a known outlet).
 */
function otherListener(ctx: ProvenanceContext, registry: EntityRegistry, interview: Interview, before: number): boolean {
  const { tokens } = ctx;
  const from = tokens[interview.token]!.start;
  const to = tokens[Math.min(before, tokens.length - 1)]!.start;
  const mentions = registry.mentions;
  // Mentions are in text order: only those starting between `from` and `to` are read.
  const lo = partitionPoint(mentions.length, (mid) => mentions[mid]!.start <= from);
  for (let i = lo; i < mentions.length && mentions[i]!.start < to; i++) {
    const m = mentions[i]!;
    if (m.entity === interview.interviewer || m.entity === interview.speaker) continue;
    if (m.listener) return true;
    let k = ctx.tokenAtOrAfter(m.start) - 1;
    if (tokens[k]?.pos === 'DET') k--;
    if (!/^(to|with)$/.test(tokens[k]?.norm ?? '')) continue;
    const verb = tokens[k - 1];
    if (verb !== undefined && (ctx.lexicon.cueVerbs.has(verb.norm) || INTERVIEW_WORDS.test(verb.norm))) return true;
  }
  return false;
}
