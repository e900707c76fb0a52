/**
 * The one data model of unspin. Every span is `{start, end}` in UTF-16 code units
 * into `Analysis.text`, end exclusive, so `text.slice(start, end)` is the span's text.
 */

export const SCHEMA_VERSION = 1 as const;

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type Voice = 'author' | 'quoted' | 'reported';
export type QuoteKind = 'direct' | 'indirect' | 'scare';
export type FindingKind = 'hate' | 'propaganda' | 'claim';

export interface Meta {
  /** File path, record id or "-" for stdin; null for a library call without one. */
  source: string | null;
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or date-time when the page gives one. */
  publishedAt: string | null;
  url: string | null;
  /** BCP 47 code; unspin's models are English, so this says what was assumed. */
  language: string;
  /** Which input format the text came from. */
  format: 'text' | 'html';
}

export interface VoiceSpan extends Span {
  voice: Voice;
  quoteId?: string;
}

export interface Quote extends TextSpan {
  id: string;
  kind: QuoteKind;
  speakerId: string | null;
  outletId: string | null;
  cue: TextSpan | null;
  /** Why the quote was found and attributed, for the reader. */
  explanation: string;
}

export interface Speaker {
  id: string;
  name: string;
  /** Every mention, including pronouns and titles that resolve to this speaker. */
  mentions: Span[];
  /** What the speaker is, from titles, appositives and the cue: "foreign ministry spokesman". */
  role?: string | null;
  /** The organisation or country the speaker speaks for. */
  affiliation?: string | null;
  /** Set when the role is a state office (head of state, minister, spokesperson, officer, agency). */
  stateActor?: { country: string } | null;
}

export interface Outlet {
  /** The outlet's id in data/outlets.json. */
  id: string;
  name: string;
  country: string | null;
  stateAffiliated: boolean | null;
  /** State Media Monitor typology (SC, CaPu, CaPr, ISFM, IP, ISF, ISM) or null. */
  typology: string | null;
  owner: string | null;
  mentions: Span[];
}

export interface Finding extends TextSpan {
  id: string;
  kind: FindingKind;
  label: string;
  score: number;
  voice: Voice;
  explanation: string;
  /** Rule id from a data file, when a rule fired. */
  ruleId?: string;
  /** Model name and version, when a trained model decided. */
  model?: string;
  /** Hate: target groups, in HateXplain's names. */
  targets?: string[];
  /** Hate: the words that carry it (a rationale). */
  evidence?: TextSpan[];
  /** Claims: the parts a fact-checker searches for. */
  parts?: ClaimPart[];
}

export interface ClaimPart extends TextSpan {
  type: 'date' | 'number' | 'person' | 'organisation' | 'place' | 'outlet';
  /** Normalised value: ISO 8601 for dates, a number for numbers, an id for a speaker or outlet. */
  value?: string | number | null;
  unit?: string | null;
}

/** A stretch of the text in one register: copied news copy, or the writer's own commentary. */
export interface Segment extends Span {
  kind: 'report' | 'commentary';
  /** The outlet the report was copied from, when the document names it or its quotes come through one. */
  outletId: string | null;
}

/** The document-level hate verdict for the author's own voice. */
export interface HateVerdict {
  label: 'hatespeech' | 'offensive' | 'normal';
  targets: string[];
  findingIds: string[];
}

/** Shares of the text's non-space characters, each from 0 to 1. */
export interface StateVoiceSummary {
  /** The author's own commentary. */
  authorShare: number;
  /** Reported or quoted from state actors. */
  stateActorShare: number;
  /** Carried by state-affiliated outlets. */
  stateOutletShare: number;
  /** One line for a reader: "41% of this article is the voice of a state: ...". */
  headline: string;
}

export interface Analysis {
  schemaVersion: typeof SCHEMA_VERSION;
  text: string;
  meta: Meta;
  sentences: Span[];
  voices: VoiceSpan[];
  quotes: Quote[];
  speakers: Speaker[];
  outlets: Outlet[];
  findings: Finding[];
  /** Report and commentary segments (provenance v2). */
  segments?: Segment[];
  /** The author's-voice hate verdict (hate v2). */
  hate?: HateVerdict;
  /** Who speaks through this document (provenance v2). */
  stateVoice?: StateVoiceSummary;
  /** Runs of non-space characters over the token limit, left out of the analysis; only when there is one. */
  skipped?: Span[];
}

/** A token as the text model sees it; offsets as everywhere else. */
export interface Token extends Span {
  text: string;
  /** Lower-cased surface form. */
  norm: string;
  /**
   * The folded form every detector matches on: lower case, accents stripped, curly
   * apostrophes straightened. Computed once by the text model; detectors never fold again.
   * One exception, kept on purpose: the propaganda detector's `foldWord`
   * (src/detectors/propaganda/lexicons.ts) lower-cases and straightens apostrophes but
   * keeps accents ("café" stays "café", where `fold` is "cafe"), and its trained model's
   * feature values depend on that, so it does not read `fold`.
   */
  fold: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, VERB, PROPN, PUNCT, ...). */
  pos: string;
  /** wink-nlp token type: word, number, punctuation, emoji, ... */
  type: string;
  /** Index into `sentences`. */
  sentence: number;
  /**
   * The voice of the spine's voice map (after direct quotes nested in reported speech are
   * split out) at the token's first character: `author` outside quoted and reported speech.
   * Set once, in one walk, when provenance has run (`annotateTokens`, called by the
   * pipeline); the text model leaves `author`, so provenance itself must not read it.
   */
  voice: Voice;
  /**
   * Index in `quotes` of the innermost quote holding the token's first character, -1 for
   * none; `quotes[quote].kind` says direct, indirect or scare. Set with `voice`.
   */
  quote: number;
  /**
   * The process-wide number of `fold` (src/text/word-numbers.ts), or -1 once that numbering is
   * full: detectors keep what they look up for a word by this number, not by its string.
   */
  word: number;
}

export interface Entity extends Span {
  text: string;
  /** wink-nlp entity type: DATE, CARDINAL, MONEY, PERCENT, ... */
  type: string;
}
