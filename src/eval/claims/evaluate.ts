import type { AnalyzedDocument } from '../../core/document.js';
import type { Meta } from '../../core/types.js';
import { classifySentences, featureUnits } from '../../detectors/claims/classify.js';
import { transcriptContext } from '../../detectors/claims/context.js';
import { scoreWeights } from '../../detectors/claims/model.js';
import type { ClaimWords } from '../../detectors/claims/words.js';
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
export function documentOf(text: string): AnalyzedDocument {
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
  return sentences.map((s) => Math.max(0, ...classifySentences(documentOf(s.text), { ...resources, explain: false }).filter((v) => v.ruledOut === null).map((v) => v.probability)));
}

/**
 * CLEF-2019: each transcript's sentences ranked by the model's CLEF-domain score (the best
 * sentence when the text model splits a line), scored per file and averaged as the
 * CheckThat! 2019 scorer does.
 */
export function evaluateRanking(files: readonly ClefFile[], resources: EvalResources, domain = 'clef2019'): RankingScores {
  const useDomain = resources.model.header.domains.includes(domain) ? domain : undefined;
  const units = rankingUnits(files, { cues: resources.cues, words: resources.model.words, context: resources.model.header.context });
  return rankingScores(files.map((f, i) => ({ gold: f.sentences.map((s) => s.label), scores: lineScores(resources.model, units[i]!, useDomain) })));
}

/** A line of a transcript as the ranking scores it: each of its sentences (or clauses) with its feature names and pooled vectors. */
export type RankingUnits = { names: readonly string[]; dense: Float32Array }[];

/** The units of every line of every transcript, featurised once and scored by any number of models; with `context`, each unit also carries its line's context features. */
export function rankingUnits(files: readonly ClefFile[], resources: { cues: readonly CompiledCue[]; words?: ClaimWords | undefined; context?: boolean | undefined }): RankingUnits[][] {
  return files.map((f) => {
    const lines = f.sentences.map((s) => (s.text.trim() === '' ? [] : featureUnits(documentOf(s.text), resources.cues, resources.words)));
    const context = resources.context ? transcriptContext(f.sentences.map((s, i) => ({ speaker: s.speaker, text: s.text, signals: [...new Set(lines[i]!.flatMap((u) => u.features.signals))] }))) : null;
    return lines.map((units, i) => units.map((u) => ({ names: context === null ? u.features.names : [...u.features.names, ...context[i]!], dense: u.features.dense })));
  });
}

/** A line's score: the best of its units (0 for an empty line). */
export function lineScores(model: ClaimModel, lines: readonly RankingUnits[], domain: string | undefined): number[] {
  return lines.map((units) => units.reduce((best, u) => Math.max(best, scoreWeights(model, u.names, domain, u.dense).probability), 0));
}

