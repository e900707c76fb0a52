import type { Span } from '../core/types.js';
import type { ProvenanceContext } from './context.js';

/** The noun phrase that says who speaks: "he", "Tokayev", "a spokesman for the ministry". */
export interface Subject extends Span {
  kind: 'pronoun' | 'name' | 'nominal';
  /** Token index of the head word (the name's last word, the noun, the pronoun). */
  head: number;
  /** Title words of an appositive ("Tokayev, the Kazakh president, said"). */
  appositive: string[];
}

/** Words that may stand between a subject and its verb: "has also said", "would later tell". */
const BETWEEN = new Set(['has', 'have', 'had', 'will', 'would', 'also', 'later', 'then', 'again', 'reportedly', 'previously', 'recently', 'once', 'further', 'just', 'repeatedly', 'publicly', 'privately', 'first', 'did', 'does', 'do', 'could', 'might', 'may', 'can', 'should', 'is', 'was', 'were', 'are', 'been', 'being', 'often', 'frequently', 'always', 'never', 'not', "n't", 'still', 'even', 'already', 'flatly', 'angrily', 'simply', 'only', 'however', 'now', 'too', 'instead', 'initially', 'ultimately', 'finally', 'earlier', 'yet', 'gonna', 'gotta', 'wanna', 'nevertheless', 'meanwhile', 'itself', 'himself', 'herself', 'themselves', "'s", '’s', "'d", '’d', "'ve", '’ve']);
/** Days, months and holidays: "A news report Wednesday said" has the report, not Wednesday, as subject. */
export const DATE_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
  // Holidays name a time, not a person: "the end of Ramadan. … he said".
  'ramadan', 'eid', 'christmas', 'easter', 'passover', 'hanukkah', 'diwali', 'thanksgiving', 'halloween']);
/** Time nouns that, with "this", "last", "next" or "past", or after a day name, say when, not who: "Police had last month charged". */
const TIME_NOUNS = new Set(['week', 'weeks', 'month', 'months', 'year', 'years', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'decade', 'quarter', 'summer', 'winter', 'autumn']);
const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'past', 'that', 'each', 'every', 'the']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const NP_INNER = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const CONNECTORS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on']);
const LOCATIVE = new Set(['at', 'from', 'in', 'on']);

function isPossessive(norm: string): boolean {
  return norm === "'s" || norm === '’s' || norm === "'" || norm === '’';
}

/**
 * The subject to the left of a verb at token `v`, not looking before token `min`.
 * Skips auxiliaries and adverbs, a parenthesis ("McCain (R-Ariz.) said") and an appositive
 * ("Smith, a spokesman for the ministry, said" gives Smith).
 */
export function subjectLeft(ctx: ProvenanceContext, v: number, min: number): Subject | null {
  const { tokens } = ctx;
  let j = v - 1;
  for (;;) {
    while (j >= min && (BETWEEN.has(tokens[j]!.norm) || DATE_WORDS.has(tokens[j]!.norm) || (tokens[j]!.pos === 'ADV' && tokens[j]!.norm.endsWith('ly')))) j--;
    // "Clinton on Tuesday said"
    if (j - 1 >= min && DATE_WORDS.has(tokens[j + 1]?.norm ?? '') && /^(on|last|this|early|late)$/.test(tokens[j]!.norm)) {
      j--;
      continue;
    }
    // "last month", "this past week", "Monday morning": a time, not a subject.
    if (j - 1 >= min && TIME_NOUNS.has(tokens[j]!.norm) && (TIME_DETERMINERS.has(tokens[j - 1]!.norm) || DATE_WORDS.has(tokens[j - 1]!.norm))) {
      j--;
      while (j >= min && (TIME_DETERMINERS.has(tokens[j]!.norm) || DATE_WORDS.has(tokens[j]!.norm))) j--;
      continue;
    }
    break;
  }
  if (j < min) return null;
  if (tokens[j]!.text === ')') {
    let k = j - 1;
    while (k >= min && k > j - 12 && tokens[k]!.text !== '(') k--;
    if (k < min || tokens[k]!.text !== '(') return null;
    j = k - 1;
    if (j < min) return null;
  }
  // "Barkley, who said …": the relative pronoun stands for the noun phrase before the comma.
  // The subject then runs to the relative pronoun, so both count as its mention.
  if ((tokens[j]!.norm === 'who' || tokens[j]!.norm === 'which' || tokens[j]!.norm === 'that') && j - 1 >= min) {
    // "those who say …", "many who said …": a quantifier is the whole antecedent.
    if (tokens[j]!.norm === 'who' && GROUP_WORDS.has(tokens[j - 1]!.norm)) return { start: tokens[j - 1]!.start, end: tokens[j]!.end, kind: 'nominal', head: j - 1, appositive: [] };
    const np = nounPhraseLeft(ctx, tokens[j - 1]!.text === ',' ? j - 2 : j - 1, min);
    if (np) np.end = tokens[j]!.end;
    return np;
  }
  const t = tokens[j]!;
  if (SUBJECT_PRONOUNS.has(t.norm)) return { start: t.start, end: t.end, kind: 'pronoun', head: j, appositive: [] };
  const group = groupSubject(ctx, j, min);
  if (group) return group;
  // "The judge -- who has been in a dispute for days -- said": the subject before a dashed aside.
  if (DASHES.has(t.text) && j - 1 >= min) {
    for (let k = j - 1; k > min && k >= j - 24; k--) {
      if (ctx.isSentenceEnd(k) || ctx.isQuoteMark(k)) break;
      if (tokens[k]!.text !== t.text) continue;
      const np = nounPhraseLeft(ctx, k - 1, min);
      return np && np.kind !== 'pronoun' ? np : null;
    }
  }
  if (t.text === ',') {
    // Appositive: NAME, DESCRIPTION, verb
    let k = j - 1;
    while (k >= min && k > j - 16 && tokens[k]!.text !== ',' && !ctx.isSentenceEnd(k) && !ctx.isQuoteMark(k)) k--;
    if (k < min || tokens[k]!.text !== ',' || k === j - 1) return null;
    const inner = [];
    for (let m = k + 1; m < j; m++) inner.push(tokens[m]!.norm);
    // The description must be a noun phrase or a relative clause, not a clause ("..., the economy grew, he said").
    let relative = false;
    for (let m = k + 1; m < j; m++) if (tokens[m]!.norm === 'who' || tokens[m]!.norm === 'which') relative = true;
    if (!relative) for (let m = k + 1; m < j; m++) if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX') return null;
    // "Carter's press secretary, Peter Cook, told": the name between the commas is the subject.
    const between = nounPhraseLeft(ctx, j - 1, k + 1);
    if (between && between.kind === 'name' && ctx.tokenAtOrAfter(between.start) === k + 1) {
      const description = nounPhraseLeft(ctx, k - 1, min);
      if (description) {
        for (let m = ctx.tokenAtOrAfter(description.start); m < k; m++) between.appositive.push(tokens[m]!.norm);
        return between;
      }
    }
    const np = nounPhraseLeft(ctx, k - 1, min);
    if (!np || np.kind !== 'name') return null;
    np.appositive = inner;
    return np;
  }
  // "a rival says", "the official said": a head noun the tagger read as an adjective, right before the verb.
  if (t.pos === 'ADJ' && j === v - 1 && j - 1 >= min) {
    // "the self-described socialist said": modifiers, hyphenated ones too, may stand between.
    let k = j - 1;
    while (k > min && k >= j - 5 && tokens[k]!.pos !== 'DET' && isNpToken(ctx, k)) k--;
    if (tokens[k]!.pos === 'DET' && !ctx.lexicon.pronouns.has(tokens[k]!.norm)) return { start: tokens[k]!.start, end: t.end, kind: 'nominal', head: j, appositive: [] };
  }
  return nounPhraseLeft(ctx, j, min);
}

/** Conjunctions opening a subordinate clause before the main one: "While …, Lee said …". */
const FRONTED = new Set(['while', 'as', 'when', 'after', 'before', 'because', 'since', 'although', 'though', 'if', 'once', 'whereas']);
const DASHES = new Set(['--', '\u2014', '\u2013']);
/** Quantifiers that name a group of people on their own: "many said", "those surveyed say". */
const GROUP_WORDS = new Set(['those', 'many', 'most', 'some', 'others', 'few', 'several', 'both']);
/** Words that may open a counted group: "about one in five", "nearly 40%". */
const APPROXIMATORS = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'some', 'over', 'only', 'just', 'fully', 'barely']);

/**
 * A group named by a count or a quantifier, ending at token `j`: "those surveyed", "many",
 * "about one in five", "47%", "three in 10". Poll reports speak through such groups
 * ("Among Democrats, 47% say …", "By a wide margin, those surveyed said …").
 */
function groupSubject(ctx: ProvenanceContext, j: number, min: number): Subject | null {
  const { tokens } = ctx;
  const t = tokens[j]!;
  const make = (first: number, head: number): Subject => {
    let k = first;
    while (k - 1 >= min && APPROXIMATORS.has(tokens[k - 1]!.norm) && (k - 1 === min || !NP_INNER.has(tokens[k - 2]!.pos))) k--;
    return { start: tokens[k]!.start, end: t.end, kind: 'nominal', head, appositive: [] };
  };
  // "those surveyed", "many polled", "some questioned": a quantifier and a past participle.
  if (t.pos === 'VERB' && t.norm.endsWith('ed') && j - 1 >= min && GROUP_WORDS.has(tokens[j - 1]!.norm)) return make(j - 1, j - 1);
  // "many said", "others say": a quantifier alone after a clause boundary.
  if (GROUP_WORDS.has(t.norm) && t.norm !== 'those' && t.norm !== 'some' && t.norm !== 'both' && (j === min || tokens[j - 1]!.text === ',' || tokens[j - 1]!.pos === 'CCONJ' || ctx.isSentenceEnd(j - 1))) return make(j, j);
  // "47%", "38 percent": a share.
  if ((t.text === '%' || t.norm === 'percent') && j - 1 >= min && tokens[j - 1]!.pos === 'NUM') return make(j - 1, j);
  // "one in five", "three in 10": a proportion.
  if (t.pos === 'NUM' && j - 2 >= min && tokens[j - 1]!.norm === 'in' && tokens[j - 2]!.pos === 'NUM') return make(j - 2, j);
  return null;
}

/** A noun phrase ending at token `j`, read leftwards: "the Kazakh president", "Secretary of State John Kerry". */
export function nounPhraseLeft(ctx: ProvenanceContext, j: number, min: number): Subject | null {
  const { tokens } = ctx;
  const t = tokens[j];
  if (!t || j < min) return null;
  if (SUBJECT_PRONOUNS.has(t.norm)) return { start: t.start, end: t.end, kind: 'pronoun', head: j, appositive: [] };
  if (!(NP_INNER.has(t.pos) || ctx.lexicon.titles.has(t.norm)) || t.pos === 'ADJ') return null;
  let head = j;
  let k = j;
  let chunks = 0;
  // "Gov. John Kasich of Ohio", "Mary Lee from Texas": the name before "of"/"from" speaks, if its chunk shows a person.
  let personHead = -1;
  let personChunkEnd = -1;
  for (;;) {
    while (k - 1 >= min && isNpToken(ctx, k - 1)) k--;
    // "which officials said": a relative determiner is not part of who speaks.
    if (k - 1 >= min && (tokens[k - 1]!.pos === 'DET' || POSSESSIVES.has(tokens[k - 1]!.norm)) && !SUBJECT_PRONOUNS.has(tokens[k - 1]!.norm) && tokens[k - 1]!.norm !== 'which' && tokens[k - 1]!.norm !== 'what') k--;
    // "a spokesman for the ministry", "Secretary of State John Kerry": join two chunks once or twice.
    if (chunks < 2 && k - 2 >= min && CONNECTORS.has(tokens[k - 1]!.norm) && isNpHead(ctx, k - 2)) {
      // "a councillor in Leeds": a place after a locative preposition is not who speaks;
      // "a spokesman for the ministry": the title speaks, not the body after "for" or "of".
      const via = tokens[k - 1]!.norm;
      if (chunks === 0 && (via === 'of' || via === 'from') && ctx.isCapitalized(head) && ctx.isCapitalized(k - 2) && tokens[k - 2]!.pos === 'PROPN' && !ctx.lexicon.titles.has(tokens[k - 2]!.norm) && !ctx.lexicon.organisationWords.has(tokens[k - 2]!.norm) && !ctx.lexicon.titles.has(tokens[k]!.norm)) {
        personHead = k - 2;
        personChunkEnd = k - 2;
      }
      // "Officials in Kyiv" opening a sentence: the capital is the sentence's, the place still not who speaks.
      if (LOCATIVE.has(via) && (!ctx.isCapitalized(k - 2) || (ctx.isCapitalized(head) && (tokens[k - 2]!.pos === 'NOUN' || ctx.lexicon.titles.has(tokens[k - 2]!.norm))))) head = k - 2;
      else if (!ctx.isCapitalized(head) && !ctx.isCapitalized(k - 2) && ctx.lexicon.titles.has(tokens[k - 2]!.norm)) head = k - 2;
      k -= 2;
      chunks++;
      continue;
    }
    break;
  }
  if (personHead >= 0) {
    // The chunk before "of" is a person when it has a title ("Gov.") or a known given name ("Mary").
    // Two capitalised proper nouns and no organisation word ("Lena Holm of Stockholm") are a person's name too.
    let person = false;
    let names = 0;
    for (let m = personChunkEnd; m >= k && !person; m--) {
      const w = tokens[m]!.norm;
      if (ctx.lexicon.organisationWords.has(w) || ctx.lexicon.outletWords.has(w)) break;
      person = ctx.lexicon.titles.has(w) || ctx.lexicon.givenNames.has(w);
      if (tokens[m]!.pos === 'PROPN' && ctx.isCapitalized(m)) names++;
    }
    if (names >= 2 && k <= personChunkEnd - 1) person ||= !ctx.lexicon.organisationWords.has(tokens[k]!.norm);
    if (person) head = personHead;
  }
  // A day or a month alone ("Friday", "the weekend") names a time, never who speaks.
  if (k === head && (DATE_WORDS.has(tokens[head]!.norm) || TIME_NOUNS.has(tokens[head]!.norm))) return null;
  if (k + 1 === head && TIME_NOUNS.has(tokens[head]!.norm) && TIME_DETERMINERS.has(tokens[k]!.norm)) return null;
  const isName = ctx.isCapitalized(head) && tokens[head]!.pos === 'PROPN';
  return { start: tokens[k]!.start, end: tokens[j]!.end, kind: isName ? 'name' : 'nominal', head, appositive: [] };
}

function isNpToken(ctx: ProvenanceContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (NP_INNER.has(t.pos) || isPossessive(t.norm)) return !SUBJECT_PRONOUNS.has(t.norm) && !(t.pos !== 'NOUN' && t.pos !== 'PROPN' && ctx.lexicon.cueVerbs.has(t.norm));
  if (t.text === '-' || t.text === '.') return i > 0 && ctx.tokens[i - 1]!.end === t.start;
  // "far-right", "self-styled": the first part of a hyphenated word, whatever its tag.
  const next = ctx.tokens[i + 1];
  if (next?.text === '-' && next.start === t.end && ctx.tokens[i + 2]?.start === next.end && /\p{L}/u.test(t.text)) return true;
  const prev = ctx.tokens[i - 1];
  if (prev?.text === '-' && prev.end === t.start && ctx.tokens[i - 2]?.end === prev.start && /\p{L}/u.test(t.text)) return true;
  return ctx.lexicon.titles.has(t.norm);
}

function isNpHead(ctx: ProvenanceContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  return t.pos === 'NOUN' || t.pos === 'PROPN' || ctx.lexicon.titles.has(t.norm) || (INDEFINITE_PEOPLE.has(t.norm) && (i === 0 || !ctx.sameParagraph(i - 1, i) || ctx.isSentenceEnd(i - 1) || ctx.tokens[i - 1]!.pos === 'PUNCT' || ctx.tokens[i - 1]!.pos === 'CCONJ' || ctx.tokens[i - 1]!.pos === 'SCONJ'));
}
/** "Someone at work said": an indefinite pronoun heads a described speaker before a preposition. */
const INDEFINITE_PEOPLE = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody']);

/**
 * The subject to the right of a verb (inverted order after a quote): "said Tokayev",
 * "said the Kazakh president", "said Sen. John McCain", or a pronoun ("said he").
 */
export function subjectRight(ctx: ProvenanceContext, first: number, max: number): Subject | null {
  const { tokens } = ctx;
  const t = tokens[first];
  if (!t || first > max) return null;
  if (SUBJECT_PRONOUNS.has(t.norm)) return { start: t.start, end: t.end, kind: 'pronoun', head: first, appositive: [] };
  let k = first;
  if (tokens[k]!.pos === 'DET' || POSSESSIVES.has(tokens[k]!.norm)) k++;
  let head = -1;
  while (k <= max && isNpToken(ctx, k)) {
    if (isNpHead(ctx, k) || tokens[k]!.pos === 'NUM') head = k;
    k++;
  }
  // "six in 10 rural voters": a proportion, one noun phrase.
  if (head >= 0 && tokens[k - 1]?.pos === 'NUM' && tokens[k]?.norm === 'in' && tokens[k + 1]?.pos === 'NUM' && k + 2 <= max) {
    let m = k + 2;
    let h = -1;
    while (m <= max && isNpToken(ctx, m)) {
      if (isNpHead(ctx, m)) h = m;
      m++;
    }
    if (h >= 0) return finish(ctx, first, h, h);
  }
  if (head >= 0 && k + 1 <= max && CONNECTORS.has(tokens[k]!.norm) && tokens[k]!.norm !== 'in' && tokens[k]!.norm !== 'on' && (isNpToken(ctx, k + 1) || tokens[k + 1]!.pos === 'DET')) {
    // "a spokesman for the ministry": the first head stays the head; the rest belongs to the phrase.
    k++;
    if (tokens[k]!.pos === 'DET') k++;
    while (k <= max && isNpToken(ctx, k)) k++;
    return finish(ctx, first, k - 1, head);
  }
  if (head < 0) return null;
  let last = k - 1;
  while (last > head && !isPossessive(tokens[last]!.norm) && tokens[last]!.pos !== 'NOUN' && tokens[last]!.pos !== 'PROPN') last--;
  return finish(ctx, first, last, head);
}

function finish(ctx: ProvenanceContext, first: number, last: number, head: number): Subject {
  const { tokens } = ctx;
  // The head of a name is its last word; of a described role, its first noun.
  let h = head;
  if (!(ctx.isCapitalized(h) && tokens[h]!.pos === 'PROPN')) {
    for (let k = first; k <= last; k++) if (tokens[k]!.pos === 'NOUN') {
      h = k;
      break;
    }
  } else {
    while (h + 1 <= last && tokens[h + 1]!.pos === 'PROPN') h++;
  }
  const isName = ctx.isCapitalized(h) && tokens[h]!.pos === 'PROPN';
  return { start: tokens[first]!.start, end: tokens[last]!.end, kind: isName ? 'name' : 'nominal', head: h, appositive: [] };
}

/** Skips the listener after "told": a pronoun or noun phrase ("reporters", "Anna Petrova of Channel One"). */
export function skipListener(ctx: ProvenanceContext, first: number, max: number): number {
  const { tokens } = ctx;
  const t = tokens[first];
  if (!t || first > max) return first;
  if (/^(him|her|them|me|us|you|reporters|journalists)$/.test(t.norm)) return first + 1;
  const np = subjectRight(ctx, first, max);
  if (!np || np.kind === 'pronoun') return first;
  let k = ctx.tokenAtOrAfter(np.end);
  // "Anna Petrova of Channel One"
  if (k <= max && tokens[k]!.norm === 'of' && k + 1 <= max) {
    const more = subjectRight(ctx, k + 1, max);
    if (more) k = ctx.tokenAtOrAfter(more.end);
  }
  return k;
}

/**
 * The subject of the sentence a verb is in, when the verb has none of its own: a participle
 * ("…, saying “…”"), or a second verb after "and", "but" or a comma. It is the noun phrase
 * before the sentence's first verb, when that is a name or a pronoun.
 */
export function sentenceSubject(ctx: ProvenanceContext, v: number, sentenceStart: number): Subject | null {
  const { tokens } = ctx;
  let j = v - 1;
  // "… and has since said", "but would later tell": auxiliaries and adverbs before the verb.
  while (j > sentenceStart && (tokens[j]!.pos === 'ADV' || tokens[j]!.norm === 'to' || tokens[j]!.norm === 'by' || (BETWEEN.has(tokens[j]!.norm) && tokens[j]!.pos === 'AUX'))) j--;
  if (j <= sentenceStart) return null;
  const participle = tokens[v]!.norm.endsWith('ing');
  const joined = tokens[j]!.norm === 'and' || tokens[j]!.norm === 'but' || tokens[j]!.text === ',' || tokens[j]!.text === '\u2014';
  if (!participle && !joined) return null;
  // "While the unions push for more, Mr. Lee has rallied crowds by promising …": the subject
  // of the main clause, not of a subordinate clause opening the sentence.
  let from = sentenceStart + 1;
  if (FRONTED.has(tokens[sentenceStart]!.norm)) {
    let comma = from;
    while (comma < j && tokens[comma]!.text !== ',') comma++;
    // With no comma before the cue, the cue is inside the subordinate clause itself.
    if (comma < j - 1) {
      sentenceStart = comma + 1;
      from = comma + 2;
    }
  }
  for (let k = from; k < j; k++) {
    const p = tokens[k]!.pos;
    if ((p === 'VERB' || p === 'AUX') && !tokens[k]!.norm.endsWith('ing')) {
      return subjectLeft(ctx, k, sentenceStart);
    }
  }
  return null;
}

/**
 * A long appositive between subject and verb ("Roxana M. Leon, 63, an independent voter raised
 * in Chile, said"): the sentence opens with the subject, then a comma; the verb follows a comma
 * or a closing parenthesis.
 */
export function leadingSubject(ctx: ProvenanceContext, v: number, sentenceStart: number): Subject | null {
  const { tokens } = ctx;
  let j = v - 1;
  while (j > sentenceStart && (BETWEEN.has(tokens[j]!.norm) || (tokens[j]!.pos === 'ADV' && tokens[j]!.norm.endsWith('ly')))) j--;
  // "Neil Varga, director of …, or NVF - which was founded by … - said": a dash may close the appositive.
  if (j <= sentenceStart || (tokens[j]!.text !== ',' && tokens[j]!.text !== ')' && !DASHES.has(tokens[j]!.text) && tokens[j]!.text !== '-')) return null;
  let k = sentenceStart;
  while (k < j && (ctx.isQuoteMark(k) || tokens[k]!.pos === 'CCONJ')) k++;
  const np = subjectRight(ctx, k, j - 1);
  if (!np || np.kind === 'pronoun') return null;
  // "Sunday on the show, …", "Tuesday at the university, …": a time opening the sentence is not who speaks.
  const opener = tokens[ctx.tokenAtOrAfter(np.start)]!.norm;
  if (DATE_WORDS.has(opener) || TIME_NOUNS.has(opener)) return null;
  let next = ctx.tokenAtOrAfter(np.end);
  // "Six newspapers in New Jersey, including …, said"
  if (next < j && tokens[next]!.pos === 'ADP') {
    const pp = subjectRight(ctx, next + 1, j - 1);
    if (pp) next = ctx.tokenAtOrAfter(pp.end);
  }
  if (next >= j || (tokens[next]!.text !== ',' && tokens[next]!.text !== '(')) return null;
  return np;
}

/**
 * "…, Nefzi said, adding, “…”" / "…, said Lee, noting that …": a participle right after a cue
 * clause has that clause's subject. Null when no cue verb stands just before the comma.
 */
export function participleHost(ctx: ProvenanceContext, v: number, min: number): Subject | null {
  const { tokens } = ctx;
  if (!tokens[v]!.norm.endsWith('ing') || tokens[v - 1]?.text !== ',') return null;
  for (let c = v - 2; c >= min && c >= v - 8; c--) {
    const t = tokens[c]!;
    if (t.text === ',' || ctx.isSentenceEnd(c)) return null;
    if (t.pos !== 'VERB' || !ctx.lexicon.cueVerbs.has(t.norm) || t.norm.endsWith('ing')) continue;
    const left = subjectLeft(ctx, c, min);
    if (left && ctx.tokenAtOrAfter(left.end) < c + 1) return left;
    return subjectRight(ctx, c + 1, v - 2);
  }
  return null;
}

/**
 * "The town released a statement saying …", "emailed supporters saying …": the noun phrase
 * `left` just before a participle cue at `v` is the object of a verb before it, so the
 * participle's subject is that verb's subject. Null when `left` is not such an object.
 */
export function objectHost(ctx: ProvenanceContext, v: number, left: Subject, min: number): Subject | null {
  const { tokens } = ctx;
  if (left.kind === 'pronoun' || !tokens[v]!.norm.endsWith('ing') || tokens[v - 1]?.text === ',') return null;
  let w = ctx.tokenBefore(left.start);
  if (tokens[w]?.pos === 'ADP' || tokens[w]?.pos === 'PART') w--;
  // "Let's flood the inbox demanding …": the tagger often reads the verb after "let's" as a noun.
  const us = w > min ? letUs(ctx, w - 1, min) : null;
  if (us) return us;
  return w > min && tokens[w]!.pos === 'VERB' ? subjectLeft(ctx, w, min) : null;
}

/** Words that may stand between "let's" and its verb ("let's all write", "let's just flood"). */
const LET_US_BETWEEN = new Set(['all', 'just', 'now', 'please', 'really', 'go', 'and']);

/**
 * The "us" of a first-person imperative ending at token `j` ("let's", "let us", "lets" before a
 * verb): the writer and readers are the ones who act, so a participle cue after the verb's object
 * ("Let's flood the inbox demanding …") is said by the author (hate23). Null otherwise.
 */
export function letUs(ctx: ProvenanceContext, j: number, min: number): Subject | null {
  const { tokens } = ctx;
  while (j > min && LET_US_BETWEEN.has(tokens[j]!.norm)) j--;
  const t = tokens[j];
  if (!t || j < min) return null;
  const lets = t.norm === 'lets' || ((t.norm === "'s" || t.norm === '’s' || t.norm === 'us') && j - 1 >= min && tokens[j - 1]!.norm === 'let');
  return lets ? { start: t.start, end: t.end, kind: 'pronoun', head: j, appositive: [] } : null;
}

/** Whether the pronoun at token `head` is the "us" of "let's" (see letUs). */
export function isLetUs(ctx: ProvenanceContext, head: number): boolean {
  const t = ctx.tokens[head];
  if (!t) return false;
  return t.norm === 'lets' || ((t.norm === "'s" || t.norm === '’s' || t.norm === 'us') && ctx.tokens[head - 1]?.norm === 'let');
}

/** Verbs that report someone else's words: "quoted X as saying", "cited X as saying". */
const QUOTING_VERBS = new Set(['quote', 'quotes', 'quoted', 'quoting', 'cite', 'cites', 'cited', 'citing']);

/**
 * "The newspaper quoted an unnamed source as saying …": the one quoted speaks, and the subject of
 * "quoted" relays. Null unless the participle at `v` follows "as" and such a verb's object.
 */
export function quotedAsSaying(ctx: ProvenanceContext, v: number, min: number): { speaker: Subject; relay: Subject | null } | null {
  const { tokens } = ctx;
  if (tokens[v - 1]?.norm !== 'as' || !tokens[v]!.norm.endsWith('ing')) return null;
  const speaker = subjectLeft(ctx, v - 1, min);
  if (!speaker || speaker.kind === 'pronoun') return null;
  let verb = ctx.tokenBefore(speaker.start);
  // "quoted his spokesman, Dmitry Orlov, as saying": the name is in apposition to the one quoted.
  if (tokens[verb]?.text === ',' && verb > min) {
    const head = subjectLeft(ctx, verb, min);
    if (head && head.kind !== 'pronoun') verb = ctx.tokenBefore(head.start);
  }
  if (verb <= min || !QUOTING_VERBS.has(tokens[verb]!.norm)) return null;
  return { speaker, relay: subjectLeft(ctx, verb, min) };
}

/**
 * "Nearly eight in 10 Democratic voters overall said", "The State Department two weeks ago said":
 * the noun phrase that opens the sentence, when no verb stands between it and the cue.
 */
export function openingSubject(ctx: ProvenanceContext, v: number, sentenceStart: number): Subject | null {
  const { tokens } = ctx;
  if (v - sentenceStart > 16) return null;
  let k = sentenceStart;
  while (k < v && (ctx.isQuoteMark(k) || tokens[k]!.pos === 'CCONJ' || (tokens[k]!.pos === 'ADV' && k === sentenceStart))) k++;
  const np = subjectRight(ctx, k, v - 1);
  if (!np || np.kind === 'pronoun') return null;
  for (let m = ctx.tokenAtOrAfter(np.end); m < v; m++) {
    const t = tokens[m]!;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !BETWEEN.has(t.norm)) return null;
    if (ctx.isQuoteMark(m) || t.text === ':' || t.text === ';' || t.norm === 'who' || t.norm === 'which' || t.norm === 'that') return null;
  }
  return np;
}

/** "He went on to say that …", "Mr. Trump was prompted to say": the subject of the verb "to" depends on. */
export function infinitiveSubject(ctx: ProvenanceContext, v: number, min: number): Subject | null {
  if (ctx.tokens[v - 1]?.norm !== 'to') return null;
  // The nearest verb before "to" ("was prompted"), not the sentence's first ("the debate was so subdued that").
  let k = v - 2;
  // "went on to say"
  if (ctx.tokens[k]?.norm === 'on' || ctx.tokens[k]?.norm === 'up') k--;
  const p = ctx.tokens[k]?.pos;
  return k > min && (p === 'VERB' || p === 'AUX') ? subjectLeft(ctx, k, min) : null;
}

/**
 * The last resort for a finite cue with no subject found: the noun phrase opening the sentence,
 * past a relative clause, a participle or a dashed aside ("Democrats trying to regain the Senate
 * say", "organizations that have endorsed him say", "Many speakers — including … — said"), when no
 * other cue verb stands between. "those surveyed" counts as a noun phrase.
 */
export function distantOpeningSubject(ctx: ProvenanceContext, v: number, sentenceStart: number): Subject | null {
  const { tokens } = ctx;
  if (v - sentenceStart > 28 || tokens[v]!.norm.endsWith('ing')) return null;
  let k = sentenceStart;
  while (k < v && (ctx.isQuoteMark(k) || tokens[k]!.pos === 'CCONJ' || (tokens[k]!.pos === 'ADV' && k === sentenceStart))) k++;
  if (k >= v) return null;
  let np: Subject | null;
  const t = tokens[k]!;
  if (/^(those|many|some|most|others)$/.test(t.norm) && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1]!.norm.endsWith('ed') && k + 2 === v) {
    np = { start: t.start, end: tokens[k + 1]!.end, kind: 'nominal', head: k, appositive: [] };
  } else np = subjectRight(ctx, k, v - 1);
  if (!np || np.kind === 'pronoun') return null;
  // Only a participle, a relative pronoun or a dash may follow the noun phrase.
  const next = tokens[ctx.tokenAtOrAfter(np.end)];
  if (next && ctx.tokenAtOrAfter(np.end) < v && !(next.pos === 'VERB' && /(ing|ed)$/.test(next.norm)) && !/^(who|that|which)$/.test(next.norm) && next.text !== '\u2014' && next.text !== '\u2013') return null;
  for (let m = ctx.tokenAtOrAfter(np.end); m < v; m++) {
    if (ctx.isSentenceEnd(m) || ctx.isQuoteMark(m) || tokens[m]!.text === ':' || tokens[m]!.text === ';') return null;
    if (ctx.lexicon.cueVerbs.get(tokens[m]!.norm)?.cls === 'speech' && tokens[m]!.pos === 'VERB' && !tokens[m]!.norm.endsWith('ing')) return null;
  }
  return np;
}
