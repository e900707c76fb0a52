import type { Outlet } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import type { Entity, EntityRegistry, Mention } from './entities.js';
import type { FoundQuote } from './found.js';

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
  const interviews = findInterviews(ctx, registry, quotes);
  if (interviews.length === 0) return;
  const outletTokens = ctx.outlets.flatMap((o) => o.mentions.map((m) => ({ id: o.id, token: ctx.tokenAtOrAfter(m.start) })));
  for (const q of quotes) {
    if (q.outletId || !q.entity) continue;
    const at = ctx.tokenAtOrAfter(q.cue && q.cue.start > q.start ? Math.min(q.cue.start, q.end) : q.start);
    const sentence = ctx.sentenceOf[Math.min(at, ctx.tokens.length - 1)]!;
    let interview: Interview | undefined;
    for (const iv of interviews) if (iv.sentence <= sentence) interview = iv;
    if (!interview || (q.entity !== interview.speaker && q.entity !== interview.interviewer)) continue;
    const same = interview.sentence === sentence;
    const first = ctx.tokenAtOrAfter(q.start);
    if (!same) {
      if (outletTokens.some((o) => o.id !== interview.outlet.id && o.token > interview.token && o.token < Math.max(at, first))) continue;
      if (otherListener(ctx, registry, interview, Math.max(at, first))) continue;
      if (anotherOccasion(ctx, quotes, interview.sentence, sentence)) continue;
      const namesInterviewer = interview.interviewer !== null && mentionInSentence(ctx, registry, interview.interviewer, sentence);
      const paragraph = ctx.paragraphOf[Math.min(first, ctx.tokens.length - 1)]!;
      if (!namesInterviewer && paragraph - interview.paragraph > PARAGRAPHS_AFTER) continue;
    }
    q.outletId = interview.outlet.id;
    const to = `${interview.outlet.name}${interview.interviewer ? ` (${interview.interviewer.name})` : ''}`;
    q.explanation = q.explanation.replace(/\.$/, '') + (same ? `; said to ${to}, the listener named in the same sentence.` : `; part of the interview with ${to} introduced earlier.`);
  }
}

function findInterviews(ctx: ProvenanceContext, registry: EntityRegistry, quotes: readonly FoundQuote[]): Interview[] {
  const { tokens } = ctx;
  const out: Interview[] = [];
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
      out.push({ outlet, interviewer, speaker: speakerOf(ctx, registry, quotes, sentence, interviewer), token: o1, sentence, paragraph: ctx.paragraphOf[o1]! });
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

/** The speaker of a quote cued in the sentence, else the first person named there who is not the interviewer. */
function speakerOf(ctx: ProvenanceContext, registry: EntityRegistry, quotes: readonly FoundQuote[], sentence: number, interviewer: Entity | null): Entity | null {
  for (const q of quotes) {
    if (!q.entity || q.entity === interviewer || !q.cue) continue;
    if (ctx.sentenceOf[ctx.tokenAtOrAfter(q.cue.start)] === sentence) return q.entity;
  }
  for (const m of registry.mentions) {
    const t = ctx.tokenAtOrAfter(m.start);
    if (t >= ctx.tokens.length || ctx.sentenceOf[t]! < sentence) continue;
    if (ctx.sentenceOf[t]! > sentence) break;
    if (!m.listener && m.entity !== interviewer && isPerson(m.entity)) return m.entity;
  }
  return null;
}

function isPerson(e: Entity): boolean {
  return e.kind === 'person' || e.kind === 'unknown';
}

function mentionEndingAt(registry: EntityRegistry, end: number): Mention | null {
  const m = registry.entityIn({ start: end - 1, end });
  return m && m.end === end ? m : null;
}

function mentionInSentence(ctx: ProvenanceContext, registry: EntityRegistry, e: Entity, sentence: number): boolean {
  return registry.mentions.some((m) => m.entity === e && ctx.sentenceOf[ctx.tokenAtOrAfter(m.start)] === sentence);
}

/**
 * Narration between the interview's sentence and the end of the quote's sentence that moves to
 * another occasion ("Trump later blamed", "At a rally on Monday, he said"). Quoted and reported
 * words are not narration: "he said he had previously …" stays in the interview.
 */
function anotherOccasion(ctx: ProvenanceContext, quotes: readonly FoundQuote[], from: number, to: number): boolean {
  const { tokens } = ctx;
  // Sentence numbers grow with the tokens: start at the first token after the interview's sentence.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.sentenceOf[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < tokens.length && ctx.sentenceOf[k]! <= to; k++) {
    if (!ctx.lexicon.occasionWords.has(tokens[k]!.norm) || ctx.inQuote[k]) continue;
    const t = tokens[k]!;
    if (!quotes.some((q) => q.start <= t.start && t.end <= q.end)) return true;
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
  return registry.mentions.some((m) => {
    if (m.start <= from || m.start >= to || m.entity === interview.interviewer || m.entity === interview.speaker) return false;
    if (m.listener) return true;
    let k = ctx.tokenAtOrAfter(m.start) - 1;
    if (tokens[k]?.pos === 'DET') k--;
    if (!/^(to|with)$/.test(tokens[k]?.norm ?? '')) return false;
    const verb = tokens[k - 1];
    return verb !== undefined && (ctx.lexicon.cueVerbs.has(verb.norm) || INTERVIEW_WORDS.test(verb.norm));
  });
}
