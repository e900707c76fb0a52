import type { QuoteKind, Span } from '../core/types.js';
import type { Entity } from './entities.js';
import type { Subject } from './subjects.js';

/** A quote before ids are assigned: what the direct and reported passes hand to buildProvenance. */
export interface FoundQuote extends Span {
  text: string;
  kind: QuoteKind;
  entity: Entity | null;
  cue: Span | null;
  outletId: string | null;
  explanation: string;
  /** Every quotation inside is the speaker's own words, however short ("called it “absurd”"). */
  ownsQuotes?: boolean;
  /** A scare quote marked by the words before it ("so-called"): stays a scare quote inside reported speech. */
  marked?: boolean;
}

/** A cue with its subject, found around a quote or a reported clause. */
export interface Cue {
  /** The cue words: the verb ("said") or the phrase ("according to"). */
  span: Span;
  /** Token indices of the cue words. */
  first: number;
  last: number;
  /** Token range (inclusive) of the whole cue clause, searched for an outlet ("told Channel One"). */
  clauseFirst: number;
  clauseLast: number;
  ruleId: string;
  subject: Subject | null;
  side: 'after' | 'before' | 'colon';
}
