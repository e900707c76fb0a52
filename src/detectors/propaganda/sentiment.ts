import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';

/**
 * Word polarity from wink-nlp's sentiment lexicon, the cue that generalises loaded
 * language to emotive words the training articles hold too rarely for a weight of their
 * own. Training derives a word -> score table once (wink-nlp has no per-token
 * sentiment, so each word is scored alone) and ships it in the model, so run time is a
 * table lookup.
 */

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * wink-nlp's sentiment of a single word, in -1..1 (0 for neutral or unknown words). Only
 * training calls it: wink-nlp and its whole model (which reads every model file at import)
 * are loaded on the first call, not when the detector's modules are imported.
 */
export function winkWordSentiment(word: string): number {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const load = require('wink-nlp') as typeof winkNLP;
    nlp = load(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0]);
  }
  return nlp.readDoc(word).out(nlp.its.sentiment) as unknown as number;
}

/** Polarity bucket used in features: strong or mild, negative or positive; null for neutral. */
export function polarityBucket(score: number): string | null {
  if (score <= -0.5) return 'neg2';
  if (score < 0) return 'neg1';
  if (score >= 0.5) return 'pos2';
  if (score > 0) return 'pos1';
  return null;
}

/** Serialised form in the model file: "word<TAB>score" lines. */
export function packSentiment(table: ReadonlyMap<string, number>): string {
  return [...table].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, s]) => `${w}\t${Number(s.toFixed(3))}`).join('\n');
}

export function unpackSentiment(packed: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of packed.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) table.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return table;
}
