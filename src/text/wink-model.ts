import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';

/**
 * wink-eng-lite-web-model, assembled from its parts so that start-up reads each model
 * file once and only the ones the pipe uses.
 *
 * Its entry module requires every model JSON at import (the 3 MB core model, the 400 KB
 * sentiment model, ...), and keeps them in Node's require cache for the life of the
 * process; its `core()` then deep-copies the cached core model (`JSON.parse(JSON.stringify(...))`)
 * and decodes the lexicon from base64 one character at a time. That held the core model
 * twice and cost about 0.3 s of CPU in every process and worker thread. Here the core model
 * is parsed from the file for each engine, nothing is cached, and base64 is decoded by
 * Buffer. The sentiment model is replaced by an empty machine: the pipe leaves sentiment
 * out (src/text/wink.ts), so wink-nlp loads it but never runs it.
 *
 * `test/text/wink-model.test.ts` checks that `readCoreModel()` equals the package's own
 * `core()` and that the parts are the package's, so an upgrade that changes either fails there.
 */

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model';
const DIST = `${PACKAGE}/dist`;
const CORE_JSON = `${DIST}/languages/cur/models/eng-core-web-model.json`;

/** A feature's packing: [word, mask, shift, intrinsic (0) or computed (1), extensible (1), ...]. */
type Layout = Record<string, number[]>;

interface CoreFile {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, { list: string[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** An empty finite-state machine in wink-nlp's export format (its `emptyModelJSON()`): it recognises nothing. */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/** The same object as the package's `core()`: a fresh, mutable copy of the core model on every call. */
export function readCoreModel(): unknown {
  const model = JSON.parse(readFileSync(require.resolve(CORE_JSON), 'utf8')) as CoreFile;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  const { layout } = packing;
  // As the package's read-core-model.js and load-core-model.js do, in the same order.
  for (const f in layout) if (layout[f]![3] === 0) features[f]!.hash = indexOf(features[f]!.list);
  const lexeme = features['lexeme']!;
  lexeme.hash = indexOf(lexeme.list);
  const clusters = features['posClusters']!.list as unknown as (string | Set<number>)[];
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in layout) {
    const l = layout[f]!;
    if (l[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = l[1]! >>> l[2]!;
    }
    if (l[4] === 1) packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

function indexOf(list: readonly string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/** Base64 to 32-bit words in the platform's byte order, as the package's `new Uint32Array(bytes.buffer)`. */
function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length % 4 !== 0) throw new Error(`${PACKAGE}: packed array of ${bytes.length} bytes is not whole 32-bit words`);
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** The language model for `winkNLP(model, pipe)`; without `sentiment` in the pipe (see above). */
export function winkModel(): Model {
  const part = (name: string): unknown => require(`${DIST}/${name}.js`);
  const model = Object.create(null) as Record<string, unknown>;
  model['core'] = readCoreModel;
  model['sbd'] = part('load-sbd-model');
  model['pos'] = part('load-pos-model');
  model['ner'] = part('load-ner-model');
  model['negation'] = part('load-negation-model');
  model['sa'] = () => ({ machines: [EMPTY_MACHINE], setter: part('sa-setter') });
  model['metaCER'] = part('load-cer-meta-model');
  model['featureFn'] = part('feature');
  const addons = Object.create(null) as Record<string, unknown>;
  addons['stem'] = part('porter-stemmer');
  addons['lemmatize'] = part('lemmatize');
  addons['readabilityStats'] = part('readability-stats');
  addons['wordVectors'] = undefined;
  model['addons'] = addons;
  return model as unknown as Model;
}
