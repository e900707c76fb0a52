import { OffsetMap } from '../../core/codepoints.js';
import type { Meta, VoiceSpan } from '../../core/types.js';
import { nestQuotedVoices } from '../../core/voice.js';
import type { Detector } from '../../detectors/detector.js';
import { buildFeatureContext } from '../../detectors/propaganda/features.js';
import type { Lexicon } from '../../detectors/propaganda/lexicons.js';
import type { PropagandaModel } from '../../detectors/propaganda/model.js';
import { rankTechniquesForSpans } from '../../detectors/propaganda/propose.js';
import { analyzeText } from '../../pipeline/analyze.js';
import { buildProvenance } from '../../provenance/index.js';
import { buildTextModel, type TextModel } from '../../text/model.js';
import type { PtcLabel } from './ptc.js';

/**
 * SI predictions for one article: the propaganda findings of a full analysis (the
 * detector as shipped, scare quotes and repetition included), as code-point spans.
 */
export function predictArticleSpans(text: string, source: string, detector: Detector): PtcLabel[] {
  if (text.trim() === '') return [];
  const meta = articleMeta(source);
  const map = new OffsetMap(text);
  return analyzeText(text, meta, [detector])
    .findings.filter((f) => f.kind === 'propaganda')
    .map((f) => ({ start: map.toCodePoint(f.start), end: map.toCodePoint(f.end), technique: f.label }));
}

function articleMeta(source: string): Meta {
  return { source, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' };
}

/** The spine's voice map of an article, as the analysis pipeline hands it to the detector. */
export function articleVoices(text: string, model: TextModel, source = 'article'): VoiceSpan[] {
  const provenance = buildProvenance(text, model, articleMeta(source));
  return nestQuotedVoices(text, provenance.voices, provenance.quotes);
}

/** TC predictions for one article: a technique for each given gold span (code points in and out). */
export function predictArticleTechniques(text: string, gold: readonly PtcLabel[], model: PropagandaModel, lexicon: Lexicon): PtcLabel[] {
  if (gold.length === 0) return [];
  const map = new OffsetMap(text);
  const tm = buildTextModel(text);
  const ctx = buildFeatureContext(text, tm.tokens, tm.sentences, lexicon, model.sentiment, model.clusters, model.clusters !== null || model.net !== null, articleVoices(text, tm));
  const spans = gold.map((g) => ({ start: map.toUtf16(Math.min(g.start, map.codePointLength)), end: map.toUtf16(Math.min(g.end, map.codePointLength)) }));
  const labels = rankTechniquesForSpans(model, ctx, spans);
  return gold.map((g, i) => ({ start: g.start, end: g.end, technique: labels[i]! }));
}
