import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySentences, featureUnits } from '../../../src/detectors/claims/classify.js';
import { articleContext } from '../../../src/detectors/claims/context.js';
import { defaultCues } from '../../../src/detectors/claims/cues.js';
import { explainClaim } from '../../../src/detectors/claims/explain.js';
import { emitSentenceFeatures, sentenceFeatures } from '../../../src/detectors/claims/features.js';
import { FeatureHashes, FNV_OFFSET, fnv } from '../../../src/detectors/claims/hashed.js';
import { defaultClaimModel, domainFeatureNames, hashFeature, scoreWeights, type ClaimModel } from '../../../src/detectors/claims/model.js';
import { createPartExtractor } from '../../../src/detectors/claims/parts/index.js';
import { viewOfText } from '../../../src/detectors/claims/scorer.js';
import { documentOf } from '../../../src/eval/claims/evaluate.js';

// Fresh sentences, written for this test: figures, dates, names, a quote, a question, a clause pair.
const ARTICLE = [
  'The harbour authority said on Tuesday that freight volumes fell 12% in 2023; ferry traffic rose by a third over the same months.',
  '"We have hired 240 extra inspectors since March," the minister told reporters in Leeds.',
  'Will the new bridge really open before the winter storms?',
  'Critics argue the scheme is a waste.',
  "The council's budget, approved in 2021, doubled spending on libraries to £4.2 million.",
  'Ms. Okafor, who chaired the inquiry, resigned after the report was leaked.',
].join(' ');

describe('claim features by hash', () => {
  it('hashes a feature from its prefix and pieces exactly as the model hashes its name and its domain copy', () => {
    const hashes = new FeatureHashes('claimbuster');
    hashes.open('b:');
    hashes.piece('in');
    hashes.piece(' ');
    hashes.piece('#year');
    hashes.close();
    hashes.name('sig:past');
    assert.equal(hashes.count, 2);
    const dims = 1 << 19;
    const names = ['b:in #year', 'sig:past'];
    const expected = domainFeatureNames(names, 'claimbuster').map((n) => hashFeature(n, dims));
    assert.deepEqual([hashes.shared[0]! % dims, hashes.shared[1]! % dims, hashes.copy[0]! % dims, hashes.copy[1]! % dims], expected);
    assert.equal(hashes.shared[0], fnv('b:in #year', FNV_OFFSET) >>> 0);
  });

  it('keeps a feature once, in the order first given, and appends without checking', () => {
    const hashes = new FeatureHashes('clef2019');
    for (const n of ['w:a', 'w:b', 'w:a', 'w:c', 'w:b']) hashes.name(n);
    assert.equal(hashes.count, 3);
    assert.equal(hashes.shared[2], fnv('w:c', FNV_OFFSET) >>> 0);
    hashes.append('w:a');
    assert.equal(hashes.count, 4);
    hashes.reset();
    hashes.name('w:a');
    assert.equal(hashes.count, 1, 'a reset forgets what was seen');
  });

  it('looks for repeats within a sentence only, and writes an entry\'s name out from its pieces', () => {
    const hashes = new FeatureHashes('claimbuster');
    hashes.reset();
    hashes.beginUnit();
    hashes.name('sig:past');
    hashes.open('t:');
    hashes.piece('cut');
    hashes.piece(' ');
    hashes.piece('the');
    hashes.piece(' ');
    hashes.piece('tax');
    hashes.close();
    hashes.name('sig:past');
    const second = hashes.beginUnit();
    assert.equal(second, 2);
    hashes.name('sig:past');
    hashes.append('ctx:turn:only');
    assert.equal(hashes.count, 4, 'the second sentence keeps its own sig:past');
    assert.deepEqual([0, 1, 2, 3].map((e) => hashes.nameOf(e)), ['sig:past', 't:cut the tax', 'sig:past', 'ctx:turn:only']);
  });

  it('deduplicates past its first table size (a sentence of thousands of distinct words)', () => {
    const hashes = new FeatureHashes('claimbuster');
    for (let round = 0; round < 2; round++) for (let i = 0; i < 3000; i++) hashes.name('w:word' + i);
    assert.equal(hashes.count, 3000);
  });

  it('gives each sentence the same features, in the same order, as the names path', () => {
    const cues = defaultCues();
    const model = defaultClaimModel();
    for (const text of ARTICLE.split(/(?<=[.?])\s+/)) {
      const view = viewOfText(text);
      const named = sentenceFeatures(view, cues, model.words);
      const hashes = new FeatureHashes('claimbuster');
      const emitted = emitSentenceFeatures(view, cues, model.words, hashes);
      assert.deepEqual(
        Array.from(hashes.shared.subarray(0, hashes.count)),
        named.names.map((n) => fnv(n, FNV_OFFSET) >>> 0),
        text,
      );
      assert.deepEqual(emitted.signals, named.signals);
      assert.deepEqual(Array.from(emitted.dense), Array.from(named.dense));
    }
  });

  it('scores a document exactly as the names path does, and names contributions only for sentences not ruled out', () => {
    const model: ClaimModel = defaultClaimModel();
    const cues = defaultCues();
    const doc = documentOf(ARTICLE);
    const units = featureUnits(doc, cues, model.words);
    const context = model.header.context ? articleContext(doc, units) : null;
    for (const domain of [undefined, 'clef2019']) {
      const verdicts = classifySentences(doc, { model, cues, parts: createPartExtractor(), domain });
      assert.equal(verdicts.length, units.length);
      let named = 0;
      verdicts.forEach((v, i) => {
        const names = [...units[i]!.features.names, ...(context?.[i] ?? [])];
        const byName = scoreWeights(model, names, domain, units[i]!.features.dense);
        // Bit-identical: the same terms summed in the same order.
        assert.equal(v.probability, byName.probability, units[i]!.text);
        if (v.ruledOut !== null) {
          assert.deepEqual(v.contributions, []);
          return;
        }
        named++;
        assert.deepEqual(
          v.contributions.map((c) => c.name),
          [...byName.names, ...(byName.meaning ? ['meaning'] : [])],
        );
        assert.deepEqual(
          v.contributions.map((c) => c.weight),
          Array.from(byName.weights),
        );
      });
      assert.ok(named > 0 && named < verdicts.length, `${named} of ${verdicts.length} sentences named`);
      assert.ok(verdicts.some((v) => v.ruledOut === 'a question'));
    }
  });

  it('names no contribution when asked not to explain', () => {
    const model = defaultClaimModel();
    const verdicts = classifySentences(documentOf(ARTICLE), { model, cues: defaultCues(), parts: createPartExtractor(), explain: false });
    assert.ok(verdicts.some((v) => v.ruledOut === null));
    assert.ok(verdicts.every((v) => v.contributions.length === 0));
  });

  it('writes the same explanation from the hashes as from the named contributions, placeholders and sentence marks included', () => {
    const model = defaultClaimModel();
    const cues = defaultCues();
    const parts = createPartExtractor();
    // Figures ("#num", "#year") at the start and the end of sentences exercise the bigram marks.
    const text = ARTICLE + ' 40 ferries sailed in 2019. Spending rose to 2020. Inspectors found 17 faults in 2022.';
    const threshold = 0.05;
    const named = classifySentences(documentOf(text), { model, cues, parts, threshold });
    const written = classifySentences(documentOf(text), { model, cues, parts, threshold, explain: 'text' });
    assert.equal(written.length, named.length);
    let explained = 0;
    named.forEach((v, i) => {
      const w = written[i]!;
      assert.equal(w.probability, v.probability);
      if (v.ruledOut !== null) return assert.equal(w.explanation, undefined);
      explained++;
      assert.equal(w.contributions.length, 0, 'the text path names no contribution');
      assert.equal(w.explanation, explainClaim(v.probability, threshold, v.signals, v.contributions, v.parts, cues));
    });
    assert.ok(explained >= 5, `${explained} sentences explained`);
    assert.ok(written.some((w) => w.explanation?.includes('<number>') || w.explanation?.includes('<year>')), 'a placeholder is named');
  });
});
