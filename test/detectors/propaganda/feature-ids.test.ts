import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partSymbol, ScoreSink, StringSink } from '../../../src/detectors/propaganda/feature-sink.js';
import { buildFeatureContext, emitSentenceFeatures, emitStackFeatures, emitTokenFeatures, isAllCaps, isCapitalised, sentenceFeatures, shape, stackFeatures, summarizeStage, tokenFeatures } from '../../../src/detectors/propaganda/features.js';
import { defaultPropagandaLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { binaryScore, type BinaryModel } from '../../../src/detectors/propaganda/linear.js';
import { defaultPropagandaModel } from '../../../src/detectors/propaganda/model.js';
import { buildTextModel } from '../../../src/text/model.js';

const TEXTS = [
  'The so-called "experts" are once again LYING to you! Wake up, America: this is a disaster, a total disaster.',
  'Is this the end? They will never stop. "We are no threat to anyone," the minister said on Tuesday.\nCritics disagreed.',
  'The so-called experts said nothing; the disaster continues.',
];

function contexts() {
  const model = defaultPropagandaModel();
  return TEXTS.map((text) => {
    const m = buildTextModel(text);
    return buildFeatureContext(text, m.tokens, m.sentences, defaultPropagandaLexicon(), model.sentiment, model.clusters, model.clusters !== null || model.net !== null);
  });
}

// Bit-identical sums: the same weights added in the same order.
test('scoring by cached feature ids gives the sums of scoring by feature strings, on the shipped model', () => {
  const model = defaultPropagandaModel();
  const sinks = { sentence: new ScoreSink(model.sentence), tagger: new ScoreSink(model.tagger), stack: new ScoreSink(model.stack) };
  // Twice over: the second pass reads every id from the cache.
  for (const ctx of [...contexts(), ...contexts()]) {
    const sentenceProbs = Float64Array.from(ctx.sentences, (_, s) => {
      emitSentenceFeatures(ctx, s, sinks.sentence.reset());
      assert.equal(sinks.sentence.z, binaryScore(model.sentence, sentenceFeatures(ctx, s)));
      return 1 / (1 + Math.exp(-sinks.sentence.z));
    });
    const probs = Float64Array.from(ctx.tokens, (t, i) => {
      emitTokenFeatures(ctx, i, sentenceProbs[t.sentence], sinks.tagger.reset());
      assert.equal(sinks.tagger.z, binaryScore(model.tagger, tokenFeatures(ctx, i, sentenceProbs[t.sentence])));
      return 1 / (1 + Math.exp(-sinks.tagger.z));
    });
    const summary = summarizeStage(ctx, probs, sentenceProbs);
    ctx.tokens.forEach((_, i) => {
      emitStackFeatures(ctx, i, probs, sentenceProbs, summary, sinks.stack.reset());
      assert.equal(sinks.stack.z, binaryScore(model.stack, stackFeatures(ctx, i, probs, sentenceProbs, summary)));
    });
  }
});

test('on a tiny model, a feature id found once is reused, and unknown features add nothing', () => {
  const tiny: BinaryModel = { index: new Map([['bias', 0], ['w=disaster', 1], ['pp=DET|NOUN', 2], ['sp=3', 3], ['sp=3|NOUN', 4]]), weights: Float32Array.from([0.5, 2, -1, 0.25, 4]) };
  const sink = new ScoreSink(tiny);
  for (let round = 0; round < 2; round++) {
    sink.reset();
    sink.add('bias');
    sink.add1('w=', 'disaster');
    sink.add1('w=', 'calm');
    sink.add2('pp=', 'DET', 'NOUN');
    sink.add1('sp=', 3);
    sink.add2('sp=', 3, 'NOUN');
    sink.add2('sp=', 3, 'lex');
    sink.add2('pp=', 'X', 'NOUN');
    sink.add3('pp=', 'DET', 'NOUN', 'NOUN');
    assert.equal(sink.z, 0.5 + 2 - 1 + 0.25 + 4);
  }
});

test('a sink given three word lists in turn finds each word in its own list', () => {
  const tiny: BinaryModel = { index: new Map([['w=riot', 0], ['w=calm', 1], ['l=storm', 2], ['ww-=calm|storm', 3]]), weights: Float32Array.from([1, 10, 100, 1000]) };
  const sink = new ScoreSink(tiny);
  const lists = [['riot', 'x'], ['calm', 'y'], ['z', 'storm']];
  // Each list after the two before it: a sink holding its last two lists' keys must not answer from a stale one.
  const expected = [1, 10, 100];
  for (let round = 0; round < 3; round++) {
    for (let l = 0; l < lists.length; l++) {
      sink.reset();
      sink.add1w(l === 2 ? 'l=' : 'w=', lists[l]!, l === 2 ? 1 : 0);
      assert.equal(sink.z, expected[l]);
    }
    sink.reset();
    sink.add2ww('ww-=', lists[1]!, 0, lists[2]!, 1);
    sink.add1w('w=', lists[0]!, 1);
    assert.equal(sink.z, 1000);
  }
});

test('word shape and capital tests by character codes agree with their regexes', () => {
  const words = ['', 'a', 'A', 'AB', 'Ab', 'aB', 'ab', '1', '12a', '.', '“', 'É', 'ÉA', 'AÉ', 'Éa', 'aÉ', 'ÀB', 'NATO', 'NATO’s', 'Ünited', 'ü', 'Ω', 'ΩΣ', '𝐀𝐁', 'A1', 'I', "O'Neil", 'Mc', 'MCDONALD', '٣', 'ǅa'];
  const slowShape = (w: string) => (/^\p{Lu}+$/u.test(w) && w.length > 1 ? 'XX' : /^\p{Lu}/u.test(w) ? 'Xx' : /^\p{Ll}/u.test(w) ? 'x' : /^\p{N}/u.test(w) ? 'd' : 'p');
  for (const w of words) {
    assert.equal(shape(w), slowShape(w), w);
    assert.equal(isAllCaps(w), /^\p{Lu}{2,}$/u.test(w), w);
    assert.equal(isCapitalised(w), /^\p{Lu}\p{Ll}/u.test(w), w);
  }
});

test('the lexicon finds the same hits from the context\'s folded words as from its own', () => {
  const lexicon = defaultPropagandaLexicon();
  for (const ctx of contexts()) {
    assert.ok(ctx.hits.length > 0);
    assert.deepEqual(ctx.hits, lexicon.match(ctx.tokens));
  }
});

test('remembered ids stay right when the string part slots run out and are reused, and a part symbol scores and prints as its text', () => {
  const tiny: BinaryModel = { index: new Map([['w=disaster', 0], ['pp=DET|NOUN', 1], ['p=NOUN', 2], ['x=w17000', 3], ['dl=x|NOUN', 4]]), weights: Float32Array.from([1, 10, 100, 1000, 10000]) };
  const sink = new ScoreSink(tiny);
  const noun = partSymbol('NOUN');
  const all = () => {
    sink.add1('w=', 'disaster');
    sink.add2('pp=', 'DET', noun);
    sink.add1('p=', noun);
    sink.add1('p=', 'NOUN');
    sink.add2('dl=', 'x', 'NOUN');
  };
  sink.reset();
  all();
  assert.equal(sink.z, 1 + 10 + 100 + 100 + 10000);
  // More distinct string parts than there are slots: the slots are reused, the memos dropped.
  sink.reset();
  for (let k = 0; k <= 17000; k++) sink.add1('x=', `w${k}`);
  assert.equal(sink.z, 1000);
  sink.reset();
  all();
  assert.equal(sink.z, 1 + 10 + 100 + 100 + 10000);
  const strings = new StringSink();
  strings.add2('pp=', partSymbol('DET'), noun);
  strings.add1('p=', noun);
  assert.deepEqual(strings.out, ['pp=DET|NOUN', 'p=NOUN']);
});
