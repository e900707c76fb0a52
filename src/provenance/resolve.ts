import type { Span } from '../core/types.js';
import { AUTHOR_SPEAKER } from '../core/voice.js';
import type { ProvenanceContext } from './context.js';
import type { Entity, EntityRegistry, Mention } from './entities.js';
import type { PronounInfo } from './lexicon.js';
import { describeRole, roleText } from './roles.js';
import { isLetUs, type Subject } from './subjects.js';
import { headlineParagraphs, inHeadline } from './headline.js';
import { v2Lexicon } from './v2-lexicon.js';

export interface Resolution {
  entity: Entity;
  /** How the subject was linked, for the explanation. */
  how: string;
}

/**
 * Links a cue's subject to an entity: a name to its person, an outlet name to the outlet,
 * a pronoun to the most recent compatible person, a title ("the Kazakh president") to the
 * person last named with it, "the agency" to the outlet last named; anything else becomes a
 * described speaker ("a spokesman for the ministry").
 */
export function resolveSubject(ctx: ProvenanceContext, registry: EntityRegistry, subject: Subject, isQuoted: (m: Mention) => boolean, options: { titleCaseCue?: boolean } = {}): Resolution | null {
  const { lexicon, tokens } = ctx;
  const quoted = JSON.stringify(ctx.text.slice(subject.start, subject.end));
  const outlet = ctx.outletAt(subject);
  if (outlet) return { entity: registry.outletEntity(outlet), how: `subject ${quoted} names the outlet ${outlet.name}` };

  if (subject.kind === 'pronoun') {
    // The "us" of "let's" is the first person (subjects.ts letUs).
    const info = lexicon.pronouns.get(isLetUs(ctx, subject.head) ? 'we' : tokens[subject.head]!.norm);
    if (!info) return null;
    // "I told Megyn …" outside any quote: the author speaks.
    if (info.refers === 'self') {
      const author = registry.described(AUTHOR_SPEAKER, 'author');
      registry.addMention(author, subject);
      return { entity: author, how: `first-person ${quoted} outside quotation marks is the author` };
    }
    // A run of title-case headline words ("What the President Really Said Last Night") is style,
    // not a person the body's "he" can stand for, unless the body names it too.
    const accept = (e: Entity): boolean => pronounFits(ctx, info, e) && ((e.kind !== 'unknown' && e.kind !== 'person') || namedInBody(ctx, e));
    const entity = registry.antecedent(subject.start, accept, isQuoted);
    if (!entity) {
      // Each unresolved pronoun is its own speaker: two of them need not be the same person.
      const unknown = registry.unresolved(`${ctx.text.slice(subject.start, subject.end)} (unresolved)`, subject);
      return { entity: unknown, how: `pronoun ${quoted} has no compatible antecedent before it` };
    }
    registry.addMention(entity, subject);
    // What a pronoun says about its antecedent's gender helps the next pronoun.
    if (entity.gender === 'any' && info.gender !== 'any' && entity.kind !== 'organisation') entity.gender = info.gender;
    const agreement = info.gender === 'm' ? 'male-compatible ' : info.gender === 'f' ? 'female-compatible ' : '';
    return { entity, how: `pronoun ${quoted} resolved to ${entity.name} (the most recent ${agreement}${entity.kind === 'person' || entity.kind === 'unknown' ? 'person' : entity.kind === 'group' ? 'group' : 'organisation'} named before it)` };
  }

  // The head word's name ("Donald Hartley" in "Donald Hartley of Madison"), else any name in the phrase.
  const headToken = tokens[subject.head]!;
  const named = registry.entityIn(headToken) ?? registry.entityIn(subject);
  if (named && subject.kind === 'name') {
    const e = named.entity;
    // A run of title-case headline words never speaks on its own, unless a cue right after it says so.
    if (!options.titleCaseCue && inHeadline(ctx, subject.head) && !personLike(ctx, e)) return null;
    // "Paris said", "Moscow said": a lone seat of government speaks for its state (metonymy);
    // "Paris Hilton said" or "her cousin Paris said" (more words in the name or the subject) stays a person.
    if (e.kind === 'unknown' && e.roles.length === 0 && !e.name.includes(' ') && ctx.text.slice(subject.start, subject.end) === e.name && v2Lexicon().seats.has(e.name.toLowerCase())) e.kind = 'organisation';
    if (e.kind === 'unknown') e.kind = 'person';
    addTitles(ctx, registry, e, subject.appositive);
    // "Gordon Humphrey, who told POLITICO": the relative pronoun is a mention of the speaker too.
    const last = tokens[ctx.tokenBefore(subject.end)];
    if (last && (last.norm === 'who' || last.norm === 'which') && last.start >= named.end) registry.addMention(e, { start: last.start, end: last.end });
    const full = e.name !== ctx.text.slice(named.start, named.end) ? ` (${e.name})` : '';
    return { entity: e, how: `subject ${quoted}${full}` };
  }

  const head = tokens[subject.head]!.norm;
  // "the president", "the foreign minister", "Kazakhstan's president"; never "a minister".
  const role = lexicon.titles.has(head) && definite(ctx, subject) ? describeRole(lexicon, titleWords(ctx, subject)) : null;
  if (role) {
    const found = registry.byTitle(role, subject.start);
    // "What the President Really Said": a title inside a title-case headline names nobody the body's "the president" is.
    if (found && (namedInBody(ctx, found.entity) || inHeadline(ctx, subject.head))) {
      registry.addMention(found.entity, subject);
      return { entity: found.entity, how: `title ${quoted} resolved to ${found.entity.name}, last named as "${roleText(found.role)}"` };
    }
  }
  if (lexicon.outletWords.has(head) && !named) {
    const o = registry.lastOutlet(subject.start, lexicon.outletWords.get(head));
    if (o) {
      const e = registry.outletEntity(o);
      registry.addMention(e, subject);
      return { entity: e, how: `${quoted} refers back to the outlet ${o.name}` };
    }
  }
  // "An EU official", "a Reuters reporter": the person with the title speaks, not the body named before it;
  // a seat of government ("a White House official", "a Kremlin aide") still speaks for its state.
  const titledMember = named !== null && lexicon.titles.has(head) && !lexicon.organisationWords.has(head) && named.end <= tokens[subject.head]!.start && !v2Lexicon().seats.has(named.entity.name.toLowerCase().replace(/^the\s+/, ''));
  if (named && named.entity.kind === 'organisation' && !titledMember) return { entity: named.entity, how: `subject ${quoted}` };
  const kind = lexicon.organisationWords.has(head) ? 'organisation' : describedPerson(ctx, subject, head) ? 'person' : 'group';
  const e = registry.described(describedName(ctx, subject), kind);
  e.head ??= head;
  // "the spokeswoman … she said": a gendered title tells the later pronoun who it is.
  if (kind === 'person' && e.gender === 'any') e.gender = lexicon.titles.get(head)?.find((t) => t.gender !== 'any')?.gender ?? 'any';
  registry.addMention(e, subject);
  return { entity: e, how: `subject ${quoted} (a described speaker)` };
}

/**
 * Whether a pronoun can stand for an entity: he/she for a person of agreeing gender; it for an
 * organisation, an outlet or a collective described in the singular ("the opposition"); they
 * for any organisation or group.
 */
export function pronounFits(ctx: ProvenanceContext, info: PronounInfo, e: Entity): boolean {
  // "the U.S., and his claims …": a country named bare is no person, whatever it was tagged.
  if (info.refers === 'person') return (e.kind === 'person' || (e.kind === 'unknown' && !v2Lexicon().countries.has(e.name.toLowerCase()))) && (info.gender === 'any' || e.gender === 'any' || e.gender === info.gender);
  if (info.refers === 'organisation') return e.kind === 'organisation' || e.kind === 'outlet' || (e.kind === 'group' && singularCollective(ctx, e));
  if (info.refers === 'group') return e.kind === 'organisation' || e.kind === 'outlet' || e.kind === 'group';
  return false;
}

/** "the opposition", "the report": a described speaker whose head is a collective or document noun. */
function singularCollective(ctx: ProvenanceContext, e: Entity): boolean {
  return e.head !== null && ctx.lexicon.collectiveWords.has(e.head);
}

/** A title phrase with a definite article, a possessive or no article at all ("the president", "Russia's envoy"). */
function definite(ctx: ProvenanceContext, subject: Subject): boolean {
  const first = ctx.tokens[ctx.tokenAtOrAfter(subject.start)]!;
  return !/^(a|an|another|one|some|any|every|each|no)$/.test(first.norm);
}

/** The words of a title subject from its first word to its head and a following "of" phrase. */
function titleWords(ctx: ProvenanceContext, subject: Subject): string[] {
  const out: string[] = [];
  for (let k = ctx.tokenAtOrAfter(subject.start); k < ctx.tokens.length && ctx.tokens[k]!.start < subject.end; k++) out.push(ctx.tokens[k]!.norm);
  return out;
}

function addTitles(ctx: ProvenanceContext, registry: EntityRegistry, e: Entity, words: string[]): void {
  // A relative clause ("Smith, who was appointed minister in 2010,") names no office of its own.
  const role = words.length > 0 && !words.some((w) => w === 'who' || w === 'which') ? describeRole(ctx.lexicon, words) : null;
  if (role) registry.addRole(e, role);
  for (const w of words) {
    const g = ctx.lexicon.titles.get(w)?.find((t) => t.gender !== 'any');
    if (g && e.gender === 'any') e.gender = g.gender;
  }
}

export function spanText(ctx: ProvenanceContext, span: Span): string {
  return ctx.text.slice(span.start, span.end);
}

/** A name with a title, a known given name, or a mention outside the headlines. */
function personLike(ctx: ProvenanceContext, e: Entity): boolean {
  if (e.roles.length > 0 || e.kind === 'organisation' || e.kind === 'outlet' || (e.given !== null && ctx.lexicon.givenNames.has(e.given))) return true;
  const headlines = headlineParagraphs(ctx);
  for (const m of e.mentions) if (!headlines.has(ctx.paragraphOf[ctx.tokenAtOrAfter(m.start)]!)) return true;
  return false;
}

/** Whether an entity is mentioned outside the title-case headlines. */
function namedInBody(ctx: ProvenanceContext, e: Entity): boolean {
  const headlines = headlineParagraphs(ctx);
  if (headlines.size === 0) return true;
  for (const m of e.mentions) if (!headlines.has(ctx.paragraphOf[ctx.tokenAtOrAfter(m.start)]!)) return true;
  return false;
}

/**
 * "the president", "the spokeswoman": one person, whom a later "he" or "she" can stand for;
 * a plural ("officials", "analysts"), a body ("police") or an indefinite ("a spokesman") stays a described group.
 */
function describedPerson(ctx: ProvenanceContext, subject: Subject, head: string): boolean {
  if (!ctx.lexicon.titles.has(head) || /s$/.test(head) || head === 'police' || head === 'people' || head === 'campaign') return false;
  return definite(ctx, subject) && ctx.tokens[ctx.tokenAtOrAfter(subject.start)]!.norm === 'the';
}

/** A described speaker's name: "The nurse, who asked …" is "The nurse"; the relative pronoun stays a mention. */
function describedName(ctx: ProvenanceContext, subject: Subject): string {
  const { tokens } = ctx;
  const k = ctx.tokenBefore(subject.end);
  const first = ctx.tokenAtOrAfter(subject.start);
  if (k - 1 > first && /^(who|which|that)$/.test(tokens[k]!.norm) && tokens[k - 1]!.text === ',') return ctx.text.slice(subject.start, tokens[k - 2]!.end);
  // "a CIA official who said"; but "those who say" is a group named by its relative clause.
  if (k - 1 > first && /^(who|which)$/.test(tokens[k]!.norm) && ctx.isWord(k - 1)) return ctx.text.slice(subject.start, tokens[k - 1]!.end);
  return ctx.text.slice(subject.start, subject.end);
}
