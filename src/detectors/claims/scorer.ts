import { buildTextModel } from '../../text/model.js';
import type { CompiledCue } from './cues.js';
import { sentenceFeatures, type SentenceView } from './features.js';
import { contributionsOf, scoreWeights, type ClaimModel, type ScoredFeature } from './model.js';

export interface SentenceScore {
  probability: number;
  /** Structural signals and cue lists that fired. */
  signals: string[];
  /** What each feature added; empty for a sentence scored below the threshold it was given (nobody reads why). */
  contributions: ScoredFeature[];
}

/** Scores one sentence with a model and cue lists; the detector and the evaluator share it. */
export function scoreSentence(view: SentenceView, model: ClaimModel, cues: readonly CompiledCue[], domain?: string, threshold?: number): SentenceScore {
  const { names, signals, dense } = sentenceFeatures(view, cues, model.words);
  const scored = scoreWeights(model, names, domain, dense);
  const explained = threshold === undefined || scored.probability >= threshold;
  return { probability: scored.probability, signals, contributions: explained ? contributionsOf(scored) : [] };
}

/** A sentence given as bare text (a dataset line), run through the same text model as documents. */
export function viewOfText(text: string): SentenceView {
  const { tokens, entities } = buildTextModel(text);
  return { text, tokens, entities };
}
