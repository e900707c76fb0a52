import { buildTextModel } from '../../text/model.js';
import type { CompiledCue } from './cues.js';
import { sentenceFeatures, type SentenceView } from './features.js';
import { scoreFeatures, type ClaimModel, type ScoredFeature } from './model.js';

export interface SentenceScore {
  probability: number;
  /** Structural signals and cue lists that fired. */
  signals: string[];
  contributions: ScoredFeature[];
}

/** Scores one sentence with a model and cue lists; the detector and the evaluator share it. */
export function scoreSentence(view: SentenceView, model: ClaimModel, cues: readonly CompiledCue[], domain?: string): SentenceScore {
  const { names, signals, dense } = sentenceFeatures(view, cues, model.words);
  const { probability, contributions } = scoreFeatures(model, names, domain, dense);
  return { probability, signals, contributions };
}

/** A sentence given as bare text (a dataset line), run through the same text model as documents. */
export function viewOfText(text: string): SentenceView {
  const { tokens, entities } = buildTextModel(text);
  return { text, tokens, entities };
}
