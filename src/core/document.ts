import type { Entity, Meta, Outlet, Quote, Span, Speaker, Token, VoiceSpan } from './types.js';

/**
 * What a detector sees: the text, its text model and the provenance map the spine built.
 * Detectors read it and never change it.
 */
export interface AnalyzedDocument {
  readonly text: string;
  readonly meta: Meta;
  readonly sentences: readonly Span[];
  readonly tokens: readonly Token[];
  readonly entities: readonly Entity[];
  /** Sorted, non-overlapping, covering every non-space character. */
  readonly voices: readonly VoiceSpan[];
  readonly quotes: readonly Quote[];
  readonly speakers: readonly Speaker[];
  readonly outlets: readonly Outlet[];
}
