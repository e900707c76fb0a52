import { buildProvenance, type ProvenanceOptions } from '../../provenance/index.js';
import { defaultLexicon } from '../../provenance/lexicon.js';
import { buildTextModel } from '../../text/model.js';
import { loadPolnear } from './corpus.js';
import { AttributionTally, scoreArticle, type AttributionScores } from './score.js';

export type { AttributionScores } from './score.js';

export interface AttributionReport extends AttributionScores {
  seconds: number;
  articlesPerSecond: number;
}

/** Runs the provenance map over a PolNeAR folder and scores quotes and sources against the gold. */
export function evaluateAttribution(dir: string, options: ProvenanceOptions = {}): AttributionReport {
  const articles = loadPolnear(dir);
  const lexicon = options.lexicon ?? defaultLexicon();
  const isSpeechWord = (w: string) => lexicon.cueVerbs.get(w)?.cls === 'speech';
  const tally = new AttributionTally();
  const started = performance.now();
  for (const article of articles) {
    const model = buildTextModel(article.text);
    const meta = { source: article.id, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };
    const provenance = buildProvenance(article.text, model, meta, options);
    scoreArticle(tally, article.text, article.attributions, provenance.quotes, provenance.speakers, isSpeechWord);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...tally.scores(), seconds, articlesPerSecond: articles.length / Math.max(seconds, 1e-9) };
}
