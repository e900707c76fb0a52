import type { Meta, Outlet, Quote, Segment, Span, Speaker, StateVoiceSummary, VoiceSpan } from '../core/types.js';
import { partitionPoint, textSpan } from '../core/spans.js';
import type { TextModel } from '../text/model.js';
import { ProvenanceContext } from './context.js';
import { attributeDirectQuotes } from './direct.js';
import { EntityRegistry, type Entity, type Mention } from './entities.js';
import type { FoundQuote } from './found.js';
import { defaultLexicon, type ProvenanceLexicon } from './lexicon.js';
import { attachInterviewOutlets } from './interviews.js';
import { findQuotedSegments } from './marks.js';
import { documentCountry, profileSpeaker } from './profile.js';
import { defaultOutletType, findOutlets as defaultFindOutlets } from './outlets.js';
import type { OutletType } from './outlet-entry.js';
import { findReportedSpeech } from './reported.js';
import { findTranscriptTurns, transcriptQuotes } from './transcript.js';
import { findSegments } from './segments.js';
import { summarizeStateVoice } from './state-voice.js';
import { buildVoices } from './voices.js';

export interface Provenance {
  quotes: Quote[];
  speakers: Speaker[];
  outlets: Outlet[];
  voices: VoiceSpan[];
  /** Report and commentary segments, in text order. */
  segments: Segment[];
  /** Shares of the text that are the author's commentary, state actors' words and state outlets' copy. */
  stateVoice: StateVoiceSummary;
}

export interface ProvenanceOptions {
  /** Finds the outlets named in the text; the shipped outlet list when omitted. */
  findOutlets?: (text: string) => Outlet[];
  /** Cue verbs, titles, pronouns...; data/provenance/*.yml when omitted. */
  lexicon?: ProvenanceLexicon;
  /** The kind of an outlet by id ("the agency" refers back to an agency); the shipped outlet list's when omitted, none with a `findOutlets` of one's own. */
  outletType?: (id: string) => OutletType | null;
}

/** Quotes longer than this many words are speech, and names inside them are not antecedents. */
const LONG_QUOTE_WORDS = 3;

/**
 * The provenance map: quotes and their speakers, outlets cited, and who speaks where.
 *
 * A direct quote's span covers the quoted words WITHOUT the quotation marks (so its text is
 * what the speaker said); an indirect quote's span covers the reported content, starting at
 * "that" when there is one and without the sentence's final punctuation.
 */
export function buildProvenance(text: string, model: TextModel, _meta: Meta, options: ProvenanceOptions = {}): Provenance {
  const lexicon = options.lexicon ?? defaultLexicon();
  const outlets = (options.findOutlets ?? defaultFindOutlets)(text);
  // A finder handed in names its own outlets: the shipped list's kinds are not theirs.
  const outletType = options.outletType ?? (options.findOutlets ? undefined : defaultOutletType);
  const ctx = new ProvenanceContext(text, model, lexicon, outlets, outletType);

  const segments = findQuotedSegments(text);
  const long: Span[] = [];
  for (const seg of segments) {
    const first = ctx.tokenAtOrAfter(seg.start);
    const last = ctx.tokenBefore(seg.end);
    let words = 0;
    for (let k = first; k <= last; k++) if (ctx.isWord(k)) words++;
    if (words <= LONG_QUOTE_WORDS) continue;
    long.push({ start: seg.start, end: seg.end });
    for (let k = first; k <= last; k++) ctx.inQuote[k] = 1;
  }
  const isQuoted = (m: Mention) => insideAny(long, m);

  const registry = new EntityRegistry(ctx);
  // A transcript's turns are quoted speech: no other pass reads them as the writer's words.
  const turns = transcriptQuotes(ctx, registry, findTranscriptTurns(ctx), isQuoted);
  if (turns.length > 0) {
    for (const t of turns) {
      long.push({ start: t.start, end: t.end });
      for (let k = ctx.tokenAtOrAfter(t.start); k < ctx.tokens.length && ctx.tokens[k]!.start < t.end; k++) ctx.inQuote[k] = 1;
    }
    long.sort((a, b) => a.start - b.start);
  }
  const direct = attributeDirectQuotes(ctx, registry, segments, isQuoted);
  const directSpans = direct.filter((q) => q.kind === 'direct');
  const reported = findReportedSpeech(ctx, registry, directSpans, isQuoted);
  adoptPartialQuotes(direct, [...reported, ...turns]);
  attachInterviewOutlets(ctx, registry, [...direct, ...reported, ...turns].sort((a, b) => a.start - b.start));

  const found = dedupe([...direct, ...reported, ...turns].sort((a, b) => a.start - b.start || b.end - a.end));
  const speakerIds = new Map<Entity, string>();
  const speakers: Speaker[] = [];
  const speaking = [...new Set(found.map((q) => q.entity).filter((e): e is Entity => e !== null))];
  speaking.sort((a, b) => firstMention(a) - firstMention(b) || a.n - b.n);
  const profiles = speaking.map((e) => profileSpeaker(ctx, e));
  const country = profiles.some((p) => p.office && !p.stateActor) ? documentCountry(ctx) : null;
  speaking.forEach((e, k) => {
    const id = `s${speakers.length + 1}`;
    speakerIds.set(e, id);
    const { office, ...profile } = profiles[k]!;
    if (office && !profile.stateActor && country) profile.stateActor = { country };
    speakers.push({ id, name: e.name, mentions: uniqueSpans(e.mentions), ...profile });
  });
  const quotes: Quote[] = found.map((q, i) => ({
    id: `q${i + 1}`,
    ...textSpan(text, q.start, q.end),
    kind: q.kind,
    speakerId: q.entity ? speakerIds.get(q.entity)! : null,
    outletId: q.outletId,
    cue: q.cue ? textSpan(text, q.cue.start, q.cue.end) : null,
    explanation: q.explanation,
  }));
  const voices = buildVoices(text, quotes);
  const registers = findSegments(ctx, quotes, outlets);
  return { quotes, speakers, outlets, voices, segments: registers, stateVoice: summarizeStateVoice(text, voices, quotes, speakers, outlets, registers) };
}

/**
 * A quote with no speaker of its own inside reported speech is the reported speaker's words
 * ("He says Americans need no more “condescending lectures”", "vowed to fight “to the end”").
 */
function adoptPartialQuotes(direct: FoundQuote[], reported: readonly FoundQuote[]): void {
  // The reports with a speaker by start; a report holding q.start starts at most `longest`
  // before it, so only those are read, and the first in `reported` order wins, except that a
  // person's report nested in an outlet's wins over it: in "According to TASS, he added that
  // Russia would not talk “with puppets”", the words are his, carried by TASS.
  const hosts = reported.map((r, k) => ({ r, k })).filter((h) => h.r.entity).sort((a, b) => a.r.start - b.r.start || a.k - b.k);
  let longest = 0;
  for (const h of hosts) longest = Math.max(longest, h.r.end - h.r.start);
  for (const q of direct) {
    if (q.entity || q.marked) continue;
    const lo = partitionPoint(hosts.length, (mid) => hosts[mid]!.r.start <= q.start);
    let first: { r: FoundQuote; k: number } | null = null;
    for (let m = lo - 1; m >= 0 && q.start - hosts[m]!.r.start < longest; m--) {
      const h = hosts[m]!;
      if (q.start < h.r.end && (!first || (nestedPerson(h.r, first.r) ? true : !nestedPerson(first.r, h.r) && h.k < first.k))) first = h;
    }
    // One ironic word stays a scare quote even inside reported speech (Western-funded “activists”).
    const host = first?.r;
    if (!host || (q.kind === 'scare' && !/\s/.test(q.text.trim()) && !host.ownsQuotes)) continue;
    q.kind = 'direct';
    q.entity = host.entity;
    q.outletId = host.outletId;
    q.explanation = `Partial direct quote: words in quotation marks inside reported speech by ${host.entity!.name}, so they are taken as that speaker's own words.`;
  }
}

/** Whether `inner` is a person's report inside `outer`, an outlet's. */
function nestedPerson(inner: FoundQuote, outer: FoundQuote): boolean {
  return outer.entity?.kind === 'outlet' && inner.entity?.kind !== 'outlet' && inner.start > outer.start && inner.start < outer.end;
}

function dedupe(sorted: FoundQuote[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  for (const q of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === q.start && prev.end === q.end) continue;
    out.push(q);
  }
  return out;
}

function firstMention(e: Entity): number {
  let min = Infinity;
  for (const m of e.mentions) if (m.start < min) min = m.start;
  return min;
}

function uniqueSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === s.start && prev.end === s.end) continue;
    out.push({ start: s.start, end: s.end });
  }
  return out;
}

function insideAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (span.start < s.start) hi = mid - 1;
    else if (span.start >= s.end) lo = mid + 1;
    else return span.end <= s.end;
  }
  return false;
}
