import type { Outlet } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import type { Entity, EntityRegistry, Mention } from './entities.js';
import type { FoundQuote } from './found.js';
import { partitionPoint } from '../core/spans.js';
import { resolveSubject } from './resolve.js';
import { DATE_WORDS } from './subjects.js';

/** Most tokens of a speaker label before its colon ("President Vladimir Putin:"). */
const LABEL_TOKENS = 4;
/** Labels for whoever asks: the outlet's journalist. */
const INTERVIEWER_LABELS = new Set(['q', 'question', 'interviewer', 'host', 'moderator', 'presenter', 'anchor', 'journalist', 'reporter', 'correspondent']);
/** Labels for whoever answers: the person the interview is with. */
const ANSWER_LABELS = new Set(['a', 'answer']);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself']);
/** Paragraph labels that are not speakers ("Update:", "Photo:", "Read more:", "Editor's note:"). */
export const NOT_SPEAKERS = new Set([
  'update', 'updated', 'note', 'photo', 'photos', 'picture', 'image', 'video', 'watch', 'listen', 'source', 'sources', 'related', 'read', 'see', 'also', 'editor', "editor's",
  'credit', 'credits', 'caption', 'disclaimer', 'warning', 'tags', 'share', 'comments', 'subscribe', 'correction', 'clarification', 'breaking', 'opinion', 'analysis',
  'transcript', 'interview', 'interviews', 'advertisement', 'follow', 'email', 'tel', 'phone', 'date', 'time', 'location', 'title', 'author', 'by', 'file', 'live', 'exclusive', 'explainer',
  'factbox', 'timeline', 'background', 'context', 'summary', 'why', 'what', 'how', 'when', 'where', 'who', 'step', 'part', 'chapter', 'day', 'round', 'result', 'results',
  'score', 'verdict', 'conclusion', 'introduction', 'bottom', 'key', 'fact', 'facts', 'the', 'this', 'that', 'here', 'there', 'bonus', 'tip', 'warning', 'pros', 'cons',
]);

/** A paragraph that opens with a speaker label: "Putin: …", "Q: …". */
interface Turn {
  /** Token indices: the label's first and last tokens, and the first and last tokens of what was said. */
  labelFirst: number;
  labelLast: number;
  first: number;
  last: number;
  role: 'interviewer' | 'answer' | 'named';
}

/**
 * The turns of an interview transcript: paragraphs opening with a speaker's label and a colon
 * ("Putin: No. Our economy …", "Question: Mr President, …"). A text is a transcript only when two
 * or more such paragraphs take turns (a label used twice, or a question and an answer), so one
 * headline "Brexit: what it means" or a lone "Update:" makes none. Call before the reported-speech
 * pass: the turns' words are quoted speech, which that pass must not read as the writer's.
 */
export function findTranscriptTurns(ctx: ProvenanceContext): Turn[] {
  const { tokens } = ctx;
  const turns: Turn[] = [];
  for (let p = 0; p < tokens.length; p++) {
    if (p > 0 && ctx.sameParagraph(p - 1, p)) continue;
    const turn = turnAt(ctx, p);
    if (turn) turns.push(turn);
  }
  if (turns.length < 2) return [];
  const named = namedElsewhere(ctx, turns);
  for (let k = turns.length - 1; k >= 0; k--) if (turns[k]!.role === 'named' && !named(turns[k]!)) turns.splice(k, 1);
  if (turns.length < 2) return [];
  const labels = turns.map((t) => (t.role === 'named' ? ctx.text.slice(tokens[t.labelFirst]!.start, tokens[t.labelLast]!.end).toLowerCase() : t.role));
  const repeated = new Set(labels).size < labels.length;
  const asks = (t: Turn) => t.role === 'interviewer' || ctx.outletAt({ start: tokens[t.labelFirst]!.start, end: tokens[t.labelLast]!.end }) !== null;
  const asked = turns.some(asks) && turns.some((t) => !asks(t));
  return repeated || asked ? turns : [];
}

function turnAt(ctx: ProvenanceContext, p: number): Turn | null {
  const { tokens } = ctx;
  let colon = p;
  while (colon < tokens.length && colon - p <= LABEL_TOKENS && tokens[colon]!.text !== ':' && ctx.sameParagraph(p, colon)) {
    const t = tokens[colon]!;
    if (!ctx.isWord(colon) || !/^\p{Lu}/u.test(t.text)) return null;
    colon++;
  }
  if (colon === p || colon >= tokens.length || tokens[colon]!.text !== ':' || !ctx.sameParagraph(p, colon)) return null;
  let last = colon;
  let words = 0;
  while (last + 1 < tokens.length && ctx.sameParagraph(colon, last + 1)) if (ctx.isWord(++last)) words++;
  if (words < 2) return null;
  const opener = tokens[p]!.norm;
  if (NOT_SPEAKERS.has(opener) || DATE_WORDS.has(opener)) return null;
  const single = colon === p + 1;
  const role = single && INTERVIEWER_LABELS.has(opener) ? 'interviewer' : single && ANSWER_LABELS.has(opener) ? 'answer' : 'named';
  if (role === 'named') {
    // "Q" and "A" are labels only as such; a one-letter name is not.
    if (tokens[colon - 1]!.text.length < 2) return null;
    // The text's first paragraph is its title ("Regime Change: The JFK Assassination").
    if (p === 0) return null;
  }
  return { labelFirst: p, labelLast: colon - 1, first: colon + 1, last, role };
}

/**
 * Whether a named label is a speaker's name rather than a heading ("Election Strategy:",
 * "Federation:"): a name in capitals ("HANNITY", "DB"), a title ("Defense Attorney"), a known
 * given name ("John Pilger"), or a last word the text also uses outside the labels ("Putin:"
 * after "President Vladimir Putin"). Word counts are taken once, so this stays linear.
 */
function namedElsewhere(ctx: ProvenanceContext, turns: readonly Turn[]): (turn: Turn) => boolean {
  const { tokens, lexicon } = ctx;
  const uses = new Map<string, number>();
  for (const t of tokens) if (t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text)) uses.set(t.norm, (uses.get(t.norm) ?? 0) + 1);
  const asLabel = new Map<string, number>();
  for (const turn of turns) {
    const norm = tokens[turn.labelLast]!.norm;
    asLabel.set(norm, (asLabel.get(norm) ?? 0) + 1);
  }
  return (turn) => {
    const first = tokens[turn.labelFirst]!;
    const last = tokens[turn.labelLast]!;
    if (turn.labelFirst === turn.labelLast && last.text.length >= 2 && last.text === last.text.toUpperCase()) return true;
    // "Federation: Spain – Castile": a list of bodies, not a conversation.
    if (lexicon.organisationWords.has(last.norm)) return false;
    if (lexicon.titles.has(last.norm) || lexicon.titleAbbreviations.has(first.norm) || (turn.labelFirst < turn.labelLast && lexicon.givenNames.has(first.norm))) return true;
    return (uses.get(last.norm) ?? 0) > (asLabel.get(last.norm) ?? 0);
  };
}

/**
 * The turns as direct quotes. A named label is resolved like a subject ("Putin" is the
 * "President Vladimir Putin" of the introduction); "Q:" or an outlet's name ("RT:") is the
 * interviewer, "A:" the person named most often before the first turn; a label naming a place
 * ("MOSCOW:") is no speaker, and its paragraph stays the writer's. Every turn carries the outlet the interview was given to,
 * when one is named within three paragraphs before the first turn after it.
 */
export function transcriptQuotes(ctx: ProvenanceContext, registry: EntityRegistry, turns: readonly Turn[], isQuoted: (m: Mention) => boolean): FoundQuote[] {
  if (turns.length === 0) return [];
  const { tokens } = ctx;
  const opening = tokens[turns[0]!.labelFirst]!;
  let interviewee: Entity | null | undefined;
  const out: FoundQuote[] = [];
  for (const turn of turns) {
    const label = { start: tokens[turn.labelFirst]!.start, end: tokens[turn.labelLast]!.end };
    let outlet = interviewOutlet(ctx, registry, turns, label.start);
    let entity: Entity | null;
    let how: string;
    if (turn.role === 'interviewer') {
      entity = registry.described('the interviewer', 'person');
      how = 'the interviewer asks';
    } else if (turn.role === 'answer') {
      // "Interview: …" above the introduction is a genre label, never the one answering.
      interviewee ??= registry.mostNamedBefore(opening.start, (e) => (e.kind === 'person' || e.kind === 'unknown') && !NOT_SPEAKERS.has(e.name.toLowerCase()), isQuoted);
      entity = interviewee;
      how = entity ? `the answer is ${entity.name}'s, the person named most often before the interview` : 'the one answering is not named';
    } else {
      const named = ctx.outletAt(label);
      const resolved = named ? null : resolveSubject(ctx, registry, { ...label, kind: 'name', head: turn.labelLast, appositive: [] }, isQuoted);
      if (resolved?.entity.kind === 'place') continue;
      if (named) {
        // "RT: Is a ceasefire possible?": the outlet's journalist asks.
        outlet = named;
        entity = registry.described('the interviewer', 'person');
        how = `the label names the outlet ${named.name}, whose interviewer asks`;
      } else {
        entity = resolved?.entity ?? null;
        how = resolved ? resolved.how : 'label not resolved';
      }
    }
    const start = tokens[turn.first]!.start;
    const end = tokens[turn.last]!.end;
    // "I", "me", "my" in a turn are its speaker, as the name is.
    if (entity) for (let k = turn.first; k <= turn.last; k++) if (FIRST_PERSON.has(tokens[k]!.norm) && tokens[k]!.pos === 'PRON') registry.addMention(entity, tokens[k]!);
    out.push({
      start,
      end,
      text: ctx.text.slice(start, end),
      kind: 'direct',
      entity,
      cue: label,
      outletId: outlet?.id ?? null,
      explanation: `Transcript turn: a paragraph opening with the label ${JSON.stringify(ctx.text.slice(label.start, label.end))} and a colon, in a text whose paragraphs take turns so; ${how}${outlet ? `; the interview was given to ${outlet.name}` : ''}.`,
    });
  }
  return out;
}

/**
 * The outlet the interview holding a turn at `offset` was given to: the last outlet named before
 * it, when a turn follows that mention within three paragraphs ("In an interview with Rossiya-1
 * aired on Sunday, …" introducing the transcript).
 */
function interviewOutlet(ctx: ProvenanceContext, registry: EntityRegistry, turns: readonly Turn[], offset: number): Outlet | null {
  const outlet = registry.lastOutlet(offset);
  if (!outlet) return null;
  // Mentions and turns are in text order: both are found by bisection, so a long transcript stays linear.
  const { mentions } = outlet;
  const k = partitionPoint(mentions.length, (mid) => mentions[mid]!.end <= offset) - 1;
  if (k < 0) return null;
  const mention = mentions[k]!.start;
  const after = turns[partitionPoint(turns.length, (mid) => ctx.tokens[turns[mid]!.labelFirst]!.start <= mention)];
  return after && ctx.paragraphOf[after.labelFirst]! - ctx.paragraphOf[ctx.tokenAtOrAfter(mention)]! <= 3 ? outlet : null;
}
