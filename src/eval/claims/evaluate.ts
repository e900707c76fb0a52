import type { AnalyzedDocument } from '../../core/document.js';
import type { Meta } from '../../core/types.js';
import { classifySentences } from '../../detectors/claims/classify.js';
import { defaultCues, type CompiledCue } from '../../detectors/claims/cues.js';
import { defaultClaimModel, type ClaimModel } from '../../detectors/claims/model.js';
import { createPartExtractor, type PartExtractor } from '../../detectors/claims/parts/index.js';
import { buildProvenance } from '../../provenance/index.js';
import { buildTextModel } from '../../text/model.js';
import type { ClefFile, LabelledSentence } from './data.js';
import { binaryScores, rankingScores, type RankingScores } from './metrics.js';

export interface EvalResources {
  model: ClaimModel;
  cues: readonly CompiledCue[];
  parts: PartExtractor;
}

export function defaultEvalResources(): EvalResources {
  return { model: defaultClaimModel(), cues: defaultCues(), parts: createPartExtractor() };
}

const META: Meta = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' };

/** A dataset line as a one-line document, through the same text model and spine as `analyze`. */
function documentOf(text: string): AnalyzedDocument {
  const model = buildTextModel(text);
  return { text, meta: META, ...model, ...buildProvenance(text, model, META) };
}

export interface ClassificationResult {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  threshold: number;
}

/**
 * ClaimBuster: a line counts as check-worthy when the detector would report a claim in it
 * (score at or above the threshold and not ruled out as a question, prediction or uncheckable).
 */
export function evaluateClassification(sentences: readonly LabelledSentence[], resources: EvalResources, threshold = resources.model.header.threshold): ClassificationResult {
  return classificationAt(sentences, claimScores(sentences, resources), threshold);
}

export function classificationAt(sentences: readonly LabelledSentence[], scores: readonly number[], threshold: number): ClassificationResult {
  const result = binaryScores(
    sentences.map((s) => s.label),
    scores.map((p) => p >= threshold),
  );
  return { n: sentences.length, ...result, threshold };
}

/** Per line, the best score among its sentences the detector does not rule out (0 when it rules out all). */
export function claimScores(sentences: readonly LabelledSentence[], resources: EvalResources): number[] {
  return sentences.map((s) => Math.max(0, ...classifySentences(documentOf(s.text), resources).filter((v) => v.ruledOut === null).map((v) => v.probability)));
}

/**
 * CLEF-2019: each transcript's sentences ranked by the model's CLEF-domain score (the best
 * sentence when the text model splits a line), scored per file and averaged as the
 * CheckThat! 2019 scorer does.
 */
export function evaluateRanking(files: readonly ClefFile[], resources: EvalResources, domain = 'clef2019'): RankingScores {
  const useDomain = resources.model.header.domains.includes(domain) ? domain : undefined;
  return rankingScores(
    files.map((f) => ({
      gold: f.sentences.map((s) => s.label),
      scores: f.sentences.map((s) => {
        if (s.text.trim() === '') return 0;
        const verdicts = classifySentences(documentOf(s.text), { ...resources, domain: useDomain });
        return Math.max(0, ...verdicts.map((v) => v.probability));
      }),
    })),
  );
}
