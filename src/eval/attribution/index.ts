import { buildProvenance, type ProvenanceOptions } from '../../provenance/index.js';
import { defaultLexicon } from '../../provenance/lexicon.js';
import { buildTextModel } from '../../text/model.js';
import { loadPolnear } from './corpus.js';
import { AttributionTally, scoreArticle, type AttributionFailure, type AttributionScores } from './score.js';

export type { AttributionFailure, AttributionScores } from './score.js';

/** Which articles to score: all, or one of two fixed parts carved by article id. */
export type AttributionPart = 'all' | 'tune' | 'check';

export interface AttributionEvalOptions extends ProvenanceOptions {
  /** `tune` (two thirds of the articles) or `check` (the other third), by a hash of the article id; `all` by default. */
  part?: AttributionPart;
  /** Collects every scoring error here when given. */
  failures?: AttributionFailure[];
}

/**
 * The part an article belongs to: FNV-1a of its id, `check` when the hash is divisible by 3.
 * Fixed by the id alone, so the parts never change as rules change.
 */
export function articlePart(id: string): 'tune' | 'check' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3 === 0 ? 'check' : 'tune';
}

export interface AttributionReport extends AttributionScores {
  seconds: number;
  articlesPerSecond: number;
}

/** Runs the provenance map over a PolNeAR folder and scores quotes and sources against the gold. */
export function evaluateAttribution(dir: string, options: AttributionEvalOptions = {}): AttributionReport {
  const part = options.part ?? 'all';
  const articles = loadPolnear(dir).filter((a) => part === 'all' || articlePart(a.id) === part);
  const lexicon = options.lexicon ?? defaultLexicon();
  const isSpeechWord = (w: string) => lexicon.cueVerbs.get(w)?.cls === 'speech';
  const tally = new AttributionTally();
  const started = performance.now();
  for (const article of articles) {
    const model = buildTextModel(article.text);
    const meta = { source: article.id, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };
    const provenance = buildProvenance(article.text, model, meta, options);
    scoreArticle(tally, article.text, article.attributions, provenance.quotes, provenance.speakers, isSpeechWord, options.failures ? { article: article.id, list: options.failures } : undefined);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...tally.scores(), seconds, articlesPerSecond: articles.length / Math.max(seconds, 1e-9) };
}
