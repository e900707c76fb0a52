import type { Span, Speaker } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import type { Entity } from './entities.js';
import { countryOfToken, v2Lexicon, type V2Lexicon } from './v2-lexicon.js';

export type Profile = Required<Pick<Speaker, 'role' | 'affiliation' | 'stateActor'>>;

/** A profile with what the document-level pass needs: whether the role is a state office. */
export interface SpeakerProfile extends Profile {
  office: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'former', 'then']);
const JOINERS = new Set(['of', 'for', 'at', 'to']);
/** What /^['’]s?$/ matches: a possessive mark wink-nlp split off ("Iran 's"). */
const POSSESSIVE_MARKS = new Set(["'", '’', "'s", '’s']);
/** How far around a mention a title or an appositive is looked for, in tokens. */
const WINDOW = 8;
/** Per text: isRoleToken's answer per token (0 not yet asked, 1 yes, 2 no); the windows of many mentions overlap. */
const roleTokenCache = new WeakMap<ProvenanceContext, Uint8Array>();

/** "-" or "‐" (U+2010), without a regex: asked of every token in a window. */
function isHyphen(s: string): boolean {
  return s.length === 1 && (s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2010);
}

/** A title phrase found next to a mention: its words, and the organisation after "of"/"for". */
interface Phrase {
  words: string[];
  organisation: string | null;
  /** The words are a described speaker's own name ("a nurse"): its head noun is its role. */
  described?: boolean;
}

/**
 * Who a speaker is, from the titles and appositives around its mentions and its own name:
 * `role` ("foreign ministry spokesman"), `affiliation` (the organisation it speaks for, else its
 * country) and `stateActor` when the role is a state office (data/provenance/state-offices.yml)
 * of a known country (data/provenance/countries.yml): "Belarusian President Alexander
 * Lukashenko" is { role: president, affiliation: Belarus, stateActor: { country: Belarus } }.
 */
export function profileSpeaker(ctx: ProvenanceContext, entity: Entity, lex: V2Lexicon = v2Lexicon()): SpeakerProfile {
  const phrases: Phrase[] = [];
  for (const m of entity.mentions) collectPhrases(ctx, m, entity, phrases);
  let best: Phrase | null = null;
  let bestScore = 0;
  for (const p of phrases) {
    const score = p.words.filter((w) => isTitle(ctx, lex, w)).length * 4 + p.words.length + (p.organisation ? 2 : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  let words = best?.words ?? [];
  // "the company's chief executive", "Iran's foreign ministry spokesman": the possessor is the
  // affiliation, the words after it the role.
  const possessive = entity.kind === 'organisation' || entity.kind === 'outlet' ? -1 : words.findIndex((w) => /^['’]s?$/.test(w) || /['’]s$/.test(w));
  const possessor = possessive > 0 ? words.slice(0, possessive + (/^['’]s?$/.test(words[possessive]!) ? 0 : 1)).map((w) => w.replace(/['’]s$/, '')).filter((w) => !DETERMINERS.has(w)) : [];
  if (possessive >= 0) words = words.slice(possessive + 1);
  const organisationWords = (best?.organisation ?? '').toLowerCase().split(/\s+/);
  const nameWords = entity.name.toLowerCase().replace(/^the\s+/, '').split(/\s+/);
  const speaksAsBody = entity.kind === 'organisation' || entity.kind === 'group' || entity.kind === 'unknown';
  const country = countryIn(lex.countries, words) ?? countryIn(lex.countries, possessor) ?? countryIn(lex.countries, organisationWords) ?? (entity.kind !== 'person' ? countryIn(lex.countries, nameWords) : null);
  const roleWords = words.filter((w) => !DETERMINERS.has(w) && !lex.countries.has(w) && !/^['’]s?$/.test(w) && /\p{L}/u.test(w));
  // An organisation speaks as itself: "the ministry" has no role, only an affiliation.
  const titled = roleWords.some((w) => isTitle(ctx, lex, w));
  // A described speaker with no known title is what its description says: "a nurse" is a nurse.
  const described = !titled && best?.described === true && entity.kind === 'group' && roleWords.length > 0 && roleWords.length <= 3;
  const role = entity.kind !== 'organisation' && entity.kind !== 'outlet' && (titled || described) ? (titled ? trimRole(ctx, lex, roleWords) : roleWords).join(' ') || null : null;
  const affiliation = best?.organisation ?? country ?? (possessor.length > 0 && possessor.every((w) => !ctx.lexicon.pronouns.has(w)) ? possessor.join(' ') : null);
  const office = stateOffice(lex, [...possessor, ...words, ...organisationWords, ...(speaksAsBody ? nameWords : [])]);
  // "Moscow said", "the Kremlin said": a seat of government speaks for its state.
  const seat = speaksAsBody ? (lex.seats.get(nameWords.join(' ')) ?? null) : null;
  const stateCountry = office || seat ? (country ?? seat ?? countryIn(lex.seats, [...possessor, ...words, ...organisationWords]) ?? sentenceCountry(ctx, lex, entity)) : null;
  return { role, affiliation, stateActor: stateCountry ? { country: stateCountry } : null, office: office || seat !== null };
}

/**
 * "Tehran will not negotiate, foreign ministry spokesman Ali Rezaei said": the one country named
 * (by name, demonym or seat) in the sentences where the speaker is mentioned, or null.
 */
function sentenceCountry(ctx: ProvenanceContext, lex: V2Lexicon, entity: Entity): string | null {
  const { tokens } = ctx;
  let found: string | null = null;
  const seen = new Set<number>();
  for (const m of entity.mentions) {
    const at = ctx.tokenAtOrAfter(m.start);
    if (at >= tokens.length || seen.has(ctx.sentenceOf[at]!)) continue;
    const sentence = ctx.sentenceOf[at]!;
    seen.add(sentence);
    const c = countryOfSentence(ctx, lex, sentence);
    if (c === MIXED) return null;
    if (!c) continue;
    if (found && found !== c) return null;
    found = c;
  }
  return found;
}

/** Two or more countries named in one sentence. */
const MIXED = '\u0000mixed';
/** Per document: each sentence's country, read once however many speakers it mentions. */
const sentenceCountries = new WeakMap<ProvenanceContext, Map<number, string | null>>();

/** The one country named in a sentence (by name, demonym or seat), null for none, MIXED for several. */
function countryOfSentence(ctx: ProvenanceContext, lex: V2Lexicon, sentence: number): string | null {
  let memo = sentenceCountries.get(ctx);
  if (!memo) sentenceCountries.set(ctx, (memo = new Map()));
  const known = memo.get(sentence);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (let k = ctx.firstOfSentence[sentence]!; k <= ctx.lastOfSentence[sentence]!; k++) {
    const c = countryOfToken(lex, ctx.tokens[k]!) ?? lex.seats.get(ctx.tokens[k]!.norm);
    if (!c) continue;
    if (found && found !== c) {
      found = MIXED;
      break;
    }
    found = c;
  }
  memo.set(sentence, found);
  return found;
}

/** The title phrases around one mention: before it, inside it, after it as an appositive or "of X". */
function collectPhrases(ctx: ProvenanceContext, m: Span, entity: Entity, out: Phrase[]): void {
  const { tokens } = ctx;
  const lex = v2Lexicon();
  const first = ctx.tokenAtOrAfter(m.start);
  const last = ctx.tokenBefore(m.end);
  if (first > last || first >= tokens.length) return;
  // The mention itself: "Belarusian President Alexander Lukashenko", "a senior official in Kyiv".
  const inside: string[] = [];
  let insideOrganisation: string | null = null;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    // "The president said" opening a sentence: its capital is the sentence's, not a name's.
    if (entity.kind === 'person' && ctx.isCapitalized(k) && !(k === first && DETERMINERS.has(t.norm)) && !ctx.lexicon.titles.has(t.norm) && !ctx.lexicon.titleModifiers.has(t.norm) && countryOfToken(lex, t) === undefined && !lex.seats.has(t.norm)) break;
    // "a spokesman for the North Korean foreign ministry": the body after "for"/"of" is the affiliation.
    if (JOINERS.has(t.norm) && inside.some((w) => ctx.lexicon.titles.has(w))) {
      // "Mayor of London Sadiq Khan": the jurisdiction stops where the name starts.
      insideOrganisation = ofPhrase(ctx, k, nameTokenIn(ctx, entity, k + 1, last));
      break;
    }
    // "a nurse in Cardiff": a place after the description is not part of the role.
    if (t.norm === 'in' || t.norm === 'from') break;
    push(ctx, inside, k);
  }
  // Lower-case title words just before: "foreign ministry spokesman Ali Rezaei", "Iran's envoy X".
  const before: string[] = [];
  for (let k = first - 1; k >= 0 && first - k <= WINDOW; k--) {
    const t = tokens[k]!;
    if (!ctx.sameParagraph(k, first) || !isRoleToken(ctx, k)) break;
    before.unshift(t.norm);
    if (k > 0 && tokens[k - 1]!.end === t.start && isHyphen(tokens[k - 1]!.text)) {
      before.unshift(tokens[k - 1]!.text);
      k--;
    }
  }
  joinHyphens(before);
  const organisation = insideOrganisation ?? ofPhrase(ctx, last + 1);
  // Only an indefinite description names a person ("a nurse"); "the trust" is a body.
  const indefinite = tokens[first]!.norm === 'a' || tokens[first]!.norm === 'an';
  out.push({ words: [...before, ...inside], organisation, described: entity.kind !== 'person' && entity.head !== null && indefinite });
  // "X, a spokesman for the Russian defence ministry, said"; "X, the Kazakh president,".
  if (tokens[last + 1]?.text === ',') {
    const words: string[] = [];
    let k = last + 2;
    while (k < tokens.length && k - last <= WINDOW + 2 && isRoleToken(ctx, k)) push(ctx, words, k++);
    if (words.length > 0) out.push({ words, organisation: ofPhrase(ctx, k) });
  }
  // "the Kremlin spokesman, Dmitry Peskov, said"
  if (tokens[first - 1]?.text === ',') {
    const words: string[] = [];
    for (let k = first - 2; k >= 0 && first - k <= WINDOW + 2 && isRoleToken(ctx, k); k--) words.unshift(tokens[k]!.norm);
    joinHyphens(words);
    if (words.length > 0) out.push({ words, organisation: null });
  }
}

/** Appends token k's folded form, gluing it to the previous word when nothing separates them ("far-right"). */
function push(ctx: ProvenanceContext, words: string[], k: number): void {
  const t = ctx.tokens[k]!;
  const prev = ctx.tokens[k - 1];
  if (words.length > 0 && prev && prev.end === t.start && (isHyphen(t.text) || isHyphen(prev.text))) words[words.length - 1] += t.norm;
  else words.push(t.norm);
}

/** ["far", "-", "right"] → ["far-right"]. */
function joinHyphens(words: string[]): void {
  for (let k = words.length - 2; k >= 1; k--) {
    if (/^[-\u2010]$/.test(words[k]!)) words.splice(k - 1, 3, words[k - 1]! + '-' + words[k + 1]!);
  }
}

/** "of the Russian foreign ministry", "for Iran's presidency": the organisation after a title, as written. */
function ofPhrase(ctx: ProvenanceContext, k: number, until = ctx.tokens.length): string | null {
  const { tokens } = ctx;
  if (!JOINERS.has(tokens[k]?.norm ?? '') || tokens[k]!.norm === 'to') return null;
  let a = k + 1;
  if (DETERMINERS.has(tokens[a]?.norm ?? '')) a++;
  let b = a;
  while (b < until && b - a < 6 && ctx.sameParagraph(a, b) && (isRoleToken(ctx, b) || ctx.isCapitalized(b)) && ctx.isWord(b)) b++;
  if (b === a) return null;
  return ctx.text.slice(tokens[a]!.start, tokens[b - 1]!.end);
}

/** The first token in from..last where the entity's name begins, or last + 1 when it does not. */
function nameTokenIn(ctx: ProvenanceContext, entity: Entity, from: number, last: number): number {
  const { tokens, text } = ctx;
  for (let k = from; k <= last; k++) if (text.startsWith(entity.name, tokens[k]!.start)) return k;
  return last + 1;
}

/** A word that can be part of a title phrase: title, modifier, office, country, or a lower-case noun or adjective. */
function isRoleToken(ctx: ProvenanceContext, k: number): boolean {
  let cache = roleTokenCache.get(ctx);
  if (!cache) roleTokenCache.set(ctx, (cache = new Uint8Array(ctx.tokens.length)));
  if (cache[k] === 0) cache[k] = roleToken(ctx, k) ? 1 : 2;
  return cache[k] === 1;
}

function roleToken(ctx: ProvenanceContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  const lex = v2Lexicon();
  if (ctx.lexicon.titles.has(t.norm) || ctx.lexicon.titleModifiers.has(t.norm) || lex.offices.has(t.norm) || countryOfToken(lex, t) !== undefined || lex.seats.has(t.norm) || POSSESSIVE_MARKS.has(t.norm)) return true;
  if (DETERMINERS.has(t.norm)) return t.norm !== 'that' && t.norm !== 'this';
  if (isHyphen(t.text)) return true;
  // "the exiled opposition leader": a participle used as an adjective.
  if (t.pos === 'ADJ' || t.pos === 'NOUN' || (t.pos === 'VERB' && t.norm.endsWith('ed'))) return !ctx.isCapitalized(k) || ctx.lexicon.organisationWords.has(t.norm);
  return false;
}

function isTitle(ctx: ProvenanceContext, lex: V2Lexicon, w: string): boolean {
  return (ctx.lexicon.titles.get(w)?.some((t) => t.kind !== 'honorific' || lex.offices.has(w)) ?? false) || lex.offices.has(w);
}

/** The role from its first modifier to its last title word: "the veteran senior official" keeps "senior official". */
function trimRole(ctx: ProvenanceContext, lex: V2Lexicon, words: string[]): string[] {
  let end = words.length - 1;
  while (end > 0 && !isTitle(ctx, lex, words[end]!)) end--;
  let start = 0;
  while (start < end && !isTitle(ctx, lex, words[start]!) && !ctx.lexicon.titleModifiers.has(words[start]!) && !lex.offices.has(words[start]!) && !ctx.lexicon.organisationWords.has(words[start]!) && words[start]!.length < 4) start++;
  return words.slice(start, end + 1);
}

/** The country a list of lower-case words names, one or two words at a time. */
export function countryIn(places: ReadonlyMap<string, string>, words: readonly string[]): string | null {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.replace(/['’]s$/, '');
    const two = k + 1 < words.length ? `${w} ${words[k + 1]!}` : '';
    const hit = (two && places.get(two)) || places.get(w);
    if (hit) return hit;
  }
  return null;
}

/** Whether the words name a state office; a spokesperson counts only for a ministry, government or the like. */
function stateOffice(lex: V2Lexicon, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const two = k + 1 < words.length ? `${words[k]!} ${words[k + 1]!}` : '';
    const office = (two && lex.offices.get(two)) || lex.offices.get(words[k]!);
    if (!office) continue;
    if (!office.needs || words.some((w) => office.needs!.has(w))) return true;
  }
  return false;
}

/**
 * A state office with no country of its own ("Defence Minister Viktor Khrenin" in a Minsk
 * report) takes the dateline's country; without one it stays unknown (another state actor's
 * country is no evidence: a report may quote officials of several states).
 */
export function documentCountry(ctx: ProvenanceContext, lex: V2Lexicon = v2Lexicon()): string | null {
  const { tokens } = ctx;
  // "MINSK (Reuters) -", "TEHRAN —": an upper-case place opening the text's first paragraphs.
  for (let k = 0, seen = 0; k < tokens.length && seen < 3; k++) {
    if (k > 0 && ctx.paragraphOf[k] === ctx.paragraphOf[k - 1]) continue;
    seen++;
    let m = k;
    const words: string[] = [];
    while (m < tokens.length && m - k < 3 && /^[A-Z][A-Z.'’-]+$/.test(tokens[m]!.text)) words.push(tokens[m++]!.norm);
    if (words.length > 0 && /^[(\-\u2013\u2014,]$/.test(tokens[m]?.text ?? '')) {
      const country = countryIn(lex.countries, words) ?? countryIn(lex.seats, words);
      if (country) return country;
    }
  }
  return null;
}
