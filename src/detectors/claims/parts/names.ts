import type { AnalyzedDocument } from '../../../core/document.js';
import type { ClaimPart, Span, Token } from '../../../core/types.js';
import { phraseRegex, type NameListEntry } from './lexicons.js';
import { partitionPoint } from '../../../core/spans.js';
import { RunFlags, runCharWidth, runsOf } from '../runs.js';

/**
 * People, organisations and places. wink-nlp's web model tags proper nouns but has no
 * person/organisation/place entities, so names come from: the spine's speakers and outlets
 * (with their ids), gazetteers in data/claims/, organisation head and tail words, titles
 * before a name, and as a last resort any run of two or more proper nouns (a person).
 */
export interface NameMatcher {
  places: RegExp;
  organisations: RegExp;
  orgSuffixes: Set<string>;
  orgHeads: Set<string>;
  /** Last words of events and periods ("Cold War"): such runs are not people. */
  eventTails: Set<string>;
  titles: RegExp;
  titleWords: Set<string>;
  demonyms: Set<string>;
  /** The first runs of letters and digits of the organisation (ORGANISATIONS) and place (PLACES) names: a name matches only where a run of the text is its first. */
  firstRuns: RunFlags;
  /** The lists with a name that starts with neither a letter nor a digit, whose regex runs on every sentence. */
  always: number;
}

const ORGANISATIONS = 1;
const PLACES = 2;

const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'it', 'its']);
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

export function compileNameMatcher(lists: { places: readonly NameListEntry[]; organisations: readonly NameListEntry[]; titles: readonly NameListEntry[] }): NameMatcher {
  const orgNames = lists.organisations.filter((e) => e.id !== 'suffixes' && e.id !== 'heads' && e.id !== 'events').flatMap((e) => e.names);
  const titles = lists.titles.flatMap((e) => e.names);
  const placeNames = lists.places.filter((e) => e.role !== 'demonym').flatMap((e) => e.names);
  const firstRuns = new RunFlags();
  let always = 0;
  for (const [names, flag] of [
    [orgNames, ORGANISATIONS],
    [placeNames, PLACES],
  ] as const) {
    for (const name of names) {
      if (runCharWidth(name, 0) > 0) firstRuns.add(runsOf(name)[0]!, flag);
      else always |= flag;
    }
  }
  return {
    places: phraseRegex(placeNames),
    demonyms: new Set(lists.places.filter((e) => e.role === 'demonym').flatMap((e) => e.names)),
    organisations: phraseRegex(orgNames),
    orgSuffixes: new Set(lists.organisations.find((e) => e.id === 'suffixes')?.names ?? []),
    orgHeads: new Set(lists.organisations.find((e) => e.id === 'heads')?.names ?? []),
    eventTails: new Set(lists.organisations.find((e) => e.id === 'events')?.names ?? []),
    titles: phraseRegex(titles),
    titleWords: new Set(titles.flatMap((t) => t.split(' ')).filter((w) => /^\p{Lu}/u.test(w))),
    firstRuns,
    always,
  };
}

export function findNames(doc: AnalyzedDocument, span: Span, matcher: NameMatcher, taken: Span[]): ClaimPart[] {
  const { text } = doc;
  const parts: ClaimPart[] = [];
  const add = (part: ClaimPart): void => {
    if (taken.some((t) => t.start < part.end && part.start < t.end)) return;
    taken.push(part);
    parts.push(part);
  };
  const inside = (m: Span) => m.start >= span.start && m.end <= span.end;

  // Indexed loops, not `for … of`: every sentence walks every mention of the document, and an
  // iterator there made an object per mention read (claims' largest source of iterator garbage).
  for (let o = 0; o < doc.outlets.length; o++) {
    const outlet = doc.outlets[o]!;
    for (let k = 0; k < outlet.mentions.length; k++) {
      const m = outlet.mentions[k]!;
      if (inside(m)) add({ start: m.start, end: m.end, text: text.slice(m.start, m.end), type: 'outlet', value: outlet.id });
    }
  }
  for (let s = 0; s < doc.speakers.length; s++) {
    const speaker = doc.speakers[s]!;
    // A speaker can be an outlet or an organisation ("TASS reported ... The agency said"): its mentions are typed as that, not as a person.
    // Worked out at its first mention in the sentence: most speakers have none there.
    let known = false;
    let outlet: (typeof doc.outlets)[number] | undefined;
    let organisation = false;
    for (let k = 0; k < speaker.mentions.length; k++) {
      const m = speaker.mentions[k]!;
      if (!inside(m)) continue;
      if (!known) {
        known = true;
        outlet = doc.outlets.find((o) => o.name === speaker.name);
        organisation = !outlet && isOrganisationName(speaker.name, matcher);
      }
      const surface = text.slice(m.start, m.end);
      if (PRONOUNS.has(surface.toLowerCase())) continue;
      if (outlet) add({ start: m.start, end: m.end, text: surface, type: 'outlet', value: outlet.id });
      else add({ start: m.start, end: m.end, text: surface, type: organisation ? 'organisation' : 'person', value: organisation ? null : speaker.id });
    }
  }
  const sentence = text.slice(span.start, span.end);
  // A name's regex forbids a letter or digit before it and after its first run (the name goes
  // on with a character that is neither, or ends), so it matches only where that run is a
  // whole run of the sentence: most sentences hold no first run of either list.
  const lists = matcher.firstRuns.flagsIn(sentence) | matcher.always;
  // Organisations, then places.
  if ((lists & ORGANISATIONS) !== 0) addMatches(matcher.organisations, 'organisation');
  if ((lists & PLACES) !== 0) addMatches(matcher.places, 'place');
  function addMatches(regex: RegExp, type: 'organisation' | 'place'): void {
    regex.lastIndex = 0;
    for (let m = regex.exec(sentence); m; m = regex.exec(sentence)) {
      const start = span.start + m.index;
      add({ start, end: start + m[0].length, text: m[0], type, value: null });
    }
  }

  for (const whole of properNounRuns(doc.tokens, span, matcher, taken)) {
    // "Chief U.S. District Judge Patti Saris": the titles say who she is but are not part of her name.
    let cut = 0;
    whole.forEach((t, i) => {
      if (matcher.titleWords.has(t.text)) cut = i + 1;
    });
    if (matcher.orgSuffixes.has(whole[whole.length - 1]!.text) || matcher.orgHeads.has(whole[0]!.text)) cut = 0;
    const run = whole.slice(cut);
    if (run.length === 0) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const start = first.start;
    const end = last.end;
    const surface = text.slice(start, end);
    if (matcher.orgSuffixes.has(last.text) || matcher.orgHeads.has(first.text)) {
      add({ start, end, text: surface, type: 'organisation', value: null });
      continue;
    }
    if (matcher.eventTails.has(last.text)) continue;
    const titled = cut > 0 || precededByTitle(text, span, start, matcher);
    // "Indonesian Christians" and "North Korean" name groups, not people.
    const group = (last.norm !== last.lemma && last.norm.endsWith('s')) || run.some((t) => matcher.demonyms.has(t.text));
    if (!group && (titled || run.filter((t) => t.pos === 'PROPN').length >= 2)) add({ start, end, text: surface, type: 'person', value: null });
  }
  return parts;
}

/** Runs of capitalised proper nouns, with "of", "de", "bin" and the like inside them. */
function properNounRuns(tokens: readonly Token[], span: Span, matcher: NameMatcher, taken: readonly Span[]): Token[][] {
  // A token already in a part (a gazetteer name, a speaker) ends the run, so "Ministry of Defence and NATO" stays two names.
  const isName = (t: Token) => isNameToken(t, matcher) && !taken.some((p) => p.start < t.end && t.start < p.end);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && /^(?:of|de|da|del|van|von|bin|al|la|le|du|the)$/.test(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = firstTokenAtOrAfter(tokens, span.start); i < tokens.length && tokens[i]!.start < span.end; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const previous = run[run.length - 1];
    if (isName(t)) run.push(t);
    else if (previous && t.text === '-' && previous.end === t.start && next && next.start === t.end && /^\p{L}/u.test(next.text)) {
      // "Moon Jae-in": a hyphen written inside a name keeps the name going.
      run.push(t, next);
      i++;
    } else if (run.length > 0 && /^(?:of|de|da|del|van|von|bin|al|la|le|du|the)$/.test(t.text)) run.push(t);
    else flush();
  }
  flush();
  return runs;
}

/** Binary search: tokens are sorted, and a long article must not be walked once per sentence. */
function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return partitionPoint(tokens.length, (mid) => tokens[mid]!.start < offset);
}

/** A proper noun, or a capitalised title or organisation word ("President", "Ministry") that wink tags NOUN. */
function isNameToken(t: Token, matcher: NameMatcher): boolean {
  if (!startsUpperCase(t.text) || CALENDAR.test(t.text) || t.text.length < 2) return false;
  return t.pos === 'PROPN' || matcher.titleWords.has(t.text) || matcher.orgSuffixes.has(t.text) || matcher.orgHeads.has(t.text);
}

const UPPER_CASE_START = /^\p{Lu}/u;

/** UPPER_CASE_START.test(text), without the regex for a text that starts with an ASCII character. */
function startsUpperCase(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_CASE_START.test(text);
}

/** isOrganisationName's answers per matcher, by name: a speaker's name is asked about once per sentence it is named in. */
const organisationNames = new WeakMap<NameMatcher, Map<string, boolean>>();

function isOrganisationName(name: string, matcher: NameMatcher): boolean {
  let known = organisationNames.get(matcher);
  if (!known) organisationNames.set(matcher, (known = new Map()));
  let answer = known.get(name);
  if (answer === undefined) known.set(name, (answer = organisationNameOf(name, matcher)));
  return answer;
}

function organisationNameOf(name: string, matcher: NameMatcher): boolean {
  matcher.organisations.lastIndex = 0;
  const m = matcher.organisations.exec(name);
  if (m && m.index === 0 && m[0].length === name.length) return true;
  const words = name.split(/\s+/);
  return matcher.orgSuffixes.has(words[words.length - 1]!) || matcher.orgHeads.has(words[0]!);
}

/** A title word (matcher.titleWords) among the one or two words right before `start`, within the sentence and 40 characters. */
export function precededByTitle(text: string, span: Span, start: number, matcher: NameMatcher): boolean {
  const from = Math.max(span.start, start - 40);
  const ascii = asciiWordsBefore(text, from, start);
  if (ascii !== null) return ascii.some((w) => matcher.titleWords.has(w));
  const before = text.slice(from, start);
  const m = /([\p{L}.-]+(?:\s+[\p{L}.-]+)?)\s+$/u.exec(before);
  if (!m) return false;
  const words = m[1]!.split(/\s+/);
  return words.some((w) => matcher.titleWords.has(w));
}

/**
 * The words the regex /([\p{L}.-]+(?:\s+[\p{L}.-]+)?)\s+$/u takes from text[from..to) when
 * every character there is ASCII, found by walking back from the end: the last one or two runs
 * of letters, dots and hyphens, before trailing white space ([] when there is none); null when
 * a character is not ASCII (the regex decides then).
 */
function asciiWordsBefore(text: string, from: number, to: number): string[] | null {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return null;
  let i = to;
  while (i > from && isAsciiSpace(text.charCodeAt(i - 1))) i--;
  if (i === to) return [];
  const lastEnd = i;
  while (i > from && isAsciiWordChar(text.charCodeAt(i - 1))) i--;
  if (i === lastEnd) return [];
  const last = text.slice(i, lastEnd);
  const lastStart = i;
  while (i > from && isAsciiSpace(text.charCodeAt(i - 1))) i--;
  if (i === lastStart) return [last];
  const firstEnd = i;
  while (i > from && isAsciiWordChar(text.charCodeAt(i - 1))) i--;
  return i === firstEnd ? [last] : [text.slice(i, firstEnd), last];
}

/** \s in the ASCII range: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** [\p{L}.-] in the ASCII range. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 45;
}
