import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classifyUnit, type HateContext } from '../../../src/detectors/hate/classify.js';
import { FeatureExtractor, type FeatureName } from '../../../src/detectors/hate/features.js';
import { HateLexicon, loadDefaultHateLexicon } from '../../../src/detectors/hate/lexicon.js';
import { extractorFor, loadDefaultHateModel, predictProbabilities, type HateModel } from '../../../src/detectors/hate/model.js';
import { forward, netState, type HateNet } from '../../../src/detectors/hate/net.js';
import { compileRuleSet, matchRules, type CanonWord, type HateRuleEntry } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { buildTextModel } from '../../../src/text/model.js';

// The fast paths of the hate engine (issue 13) must give what the plain computation gives, bit for bit.

test('feature extraction: the cached fast path gives the same entries as the named path, across cache turnover', () => {
  const idf = Float32Array.from({ length: 1 << 10 }, (_, i) => 0.5 + (i % 13) / 7);
  const fast = new FeatureExtractor({ bits: 10, wordMaxN: 3, charMinN: 2, charMaxN: 5, charWeight: 1.5, lexiconWeight: 0.5, conjunctionWeight: 0.5 }, idf);
  const named = new FeatureExtractor(fast.config, idf);
  const check = (words: string[], lexicon: string[]) => {
    const a = fast.extract(words, lexicon);
    const got = { index: [...a.index.subarray(0, a.length)], value: [...a.value.subarray(0, a.length)] };
    const names: FeatureName[] = [];
    const b = named.extract(words, lexicon, names);
    assert.deepEqual(got, { index: [...b.index.subarray(0, b.length)], value: [...b.value.subarray(0, b.length)] }, words.join(' '));
    assert.equal(names.length, b.length);
  };
  check(['GRP', 'are', 'vermin', 'a', 'x'], ['group']);
  check([], []);
  check(['slur', 'again', 'again'], ['slur', 'slur:hatespeech']);
  // More distinct words than a cache generation holds: the words read again are still right.
  for (let i = 0; i < 9000; i += 50) check(Array.from({ length: 50 }, (_, k) => `w${i + k}`), []);
  check(['GRP', 'are', 'vermin', 'w1', 'w8999'], ['group']);
});

test('linear model: class sums from the bucket-major weights equal the class-major ones bit for bit', () => {
  const bits = 8;
  const weights = Int8Array.from({ length: 3 << bits }, (_, i) => ((i * 37) % 255) - 127);
  const model: HateModel = { name: 't', version: '1', classes: ['normal', 'offensive', 'hatespeech'], features: { bits, wordMaxN: 3, charMinN: 2, charMaxN: 5, charWeight: 1.5, lexiconWeight: 0.5 }, bias: [0.1, -0.2, 0.05], scales: [0.013, 0.021, 0.017], weights, idf: null };
  const index = Int32Array.from({ length: 300 }, (_, i) => (i * 101) % (1 << bits));
  const value = Float32Array.from({ length: 300 }, (_, i) => Math.fround(Math.sin(i) * 0.3));
  const p = predictProbabilities(model, { index, value, length: 300 });
  const scores = [0, 1, 2].map((c) => {
    let s = 0;
    for (let i = 0; i < 300; i++) s += weights[(c << bits) + index[i]!]! * value[i]!;
    return s * model.scales[c]! + model.bias[c]!;
  });
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e[0]! + e[1]! + e[2]!;
  assert.deepEqual([...p], e.map((x) => x / sum));
});

test('network: skipping runs of zero inputs leaves the probabilities unchanged bit for bit', () => {
  const config = { bits: 4, embed: 4, hidden: 5, charMin: 3, charMax: 5, negation: 5 };
  const glove = 12;
  const D = 3 * glove + 4;
  const fill = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => Math.fround(f(i)));
  const net: HateNet = { name: 't', version: '1', classes: ['normal', 'offensive', 'hatespeech'], config, glove, embeddings: fill(16 * 4, (i) => Math.cos(i) / 3), w1: fill(5 * D, (i) => Math.sin(i * 1.7) / 2), b1: fill(5, (i) => 0.05 * i - 0.1), w2: fill(15, (i) => Math.cos(i * 0.9)), b2: fill(3, () => 0.01) };
  // The negated block (third) all zero, a short zero run in the first: the one skipped, the other summed.
  const g = fill(3 * glove, (d) => (d >= 2 * glove || d === 3 || d === 4 ? 0 : Math.sin(d + 1) / 4));
  const input = { glove: g, rows: Int32Array.from([1, 5, 9, 5]), length: 4 };
  const p = [...forward(net, input, netState(net))];
  const x = new Float32Array(D);
  x.set(g);
  for (let i = 0; i < 4; i++) for (let e = 0; e < 4; e++) x[3 * glove + e]! += (net.embeddings as Float32Array)[input.rows[i]! * 4 + e]!;
  for (let e = 0; e < 4; e++) x[3 * glove + e]! /= 4;
  const h = [0, 1, 2, 3, 4].map((j) => {
    let s = net.b1[j]!;
    for (let d = 0; d < D; d++) s += net.w1[j * D + d]! * x[d]!;
    return Math.fround(s > 0 ? s : 0);
  });
  const z = [0, 1, 2].map((c) => h.reduce((s, hj, j) => s + net.w2[c * 5 + j]! * hj, net.b2[c]!));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e[0]! + e[1]! + e[2]!;
  assert.deepEqual(p, e.map((v) => v / sum));
});

test('rules: plain-word groups a match cannot do without become required words, only where they begin a word', () => {
  const vocabulary = [{ id: 'vermin', description: 'x', source: 'x', words: ['vermin', 'rats'] }];
  const rule = (id: string, pattern: string): HateRuleEntry => ({ id, description: 'x', source: 'x', label: 'hatespeech', category: 'x', patterns: [pattern] });
  const set = compileRuleSet(vocabulary, [rule('a', 'GRP (?:{W} ){0,2}(?:are|is|has been) {vermin}'), rule('b', 'GRP x(?:are|is) {vermin}'), rule('c', 'GRP (?:are|is)? {vermin}')], []);
  // Each required set's words, read back from the index (word -> the required sets holding it).
  const setWords = new Map<number, string[]>();
  for (const [word, { required }] of set.index.at) for (const id of required) setWords.set(id, [...(setWords.get(id) ?? []), word]);
  const words = (r: number) => set.rules[r]!.requiredIds[0]!.map((id) => setWords.get(id)!.sort());
  assert.deepEqual(words(0), [['are', 'has', 'is'], ['rats', 'vermin']]);
  assert.deepEqual(words(1), [['rats', 'vermin']], 'a group glued to a letter is not a word of its own');
  assert.deepEqual(words(2), [['rats', 'vermin']], 'an optional group is not required');
  const canon = (text: string): CanonWord[] => text.split(' ').map((w, i) => ({ text: w, start: i * 10, end: i * 10 + w.length, ...(w === 'GRP' ? { group: { target: 'T', match: { kind: 'group', entry: { id: 'g', target: 'T', terms: [] }, target: 'T', from: i, to: i + 1, start: i * 10, end: i * 10 + 3, how: 'exact', surface: 'x' } } } : {}) }) as CanonWord);
  assert.deepEqual(matchRules(set, canon('GRP really has been vermin'), []).map((h) => h.rule.id), ['a']);
  assert.deepEqual(matchRules(set, canon('GRP really were vermin'), []).map((h) => h.rule.id), []);
  assert.deepEqual(matchRules(set, canon('GRP is rats'), []).map((h) => h.rule.id), ['a', 'c']);
});

test('lexicon: fuzzy and masked lookups find the same words through their prefilters', () => {
  const lexicon = new HateLexicon([{ id: 'g', description: 'x', source: 'x', target: 'Muslim', terms: ['muslims', 'immigrants'] }], [{ id: 's', description: 'x', source: 'x', target: 'X', terms: ['kike'], severity: 'hatespeech' }]);
  const found = (w: string) => lexicon.match([{ fold: w, start: 0, end: w.length }]).map((m) => `${m.how}:${m.surface}`);
  assert.deepEqual(found('mulsims'), ['fuzzy:mulsims'], 'two letters swapped');
  assert.deepEqual(found('immigrnts'), ['fuzzy:immigrnts'], 'a letter dropped');
  assert.deepEqual(found('immiggrants'), ['fuzzy:immiggrants'], 'a letter added');
  assert.deepEqual(found('k*kes'), ['masked:k*kes']);
  assert.deepEqual(found('m*s*ims'), ['masked:m*s*ims']);
  assert.deepEqual(found('smulims'), [], 'the first letter is never part of a swap');
  assert.deepEqual(found('immigrantz'), [], 'nor is the last one changed');
  assert.deepEqual(found('k*kesss'), []);
});

test('detector: a unit decided without the model is one the full decision leaves normal and unguarded', () => {
  const model = loadDefaultHateModel();
  const base: HateContext = { model, extractor: extractorFor(model), lexicon: loadDefaultHateLexicon(), rules: loadDefaultHateRules(), threshold: 0.7, requireTarget: true, identityCounterfactual: true, slursDecide: true };
  const texts = readFileSync(new URL('../../fixtures/hate-gold/gold.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  texts.push('It is wrong to say that, and we reject it.', 'The council met on Tuesday. They voted to close the park.', 'Nobody believes that. It is not true that the plan failed.', 'What a damn stupid idea, honestly.');
  let skipped = 0;
  for (const text of texts) {
    const tokens = buildTextModel(text).tokens;
    const quick = classifyUnit({ ...base, findingsOnly: true }, text, tokens, 0, tokens.length, null);
    const full = classifyUnit({ ...base, findingsOnly: false }, text, tokens, 0, tokens.length, null);
    if (Number.isNaN(quick.score)) {
      skipped++;
      assert.equal(full.label, 'normal', text);
      assert.equal(full.guarded, false, text);
      assert.equal(quick.lastGroup, full.lastGroup, text);
    } else assert.deepEqual({ ...quick, mentions: null }, { ...full, mentions: null }, text);
  }
  assert.ok(skipped > 10, `${skipped} units skipped the model`);
});

test('lexicon: fuzzy answers kept per word are the answers a fresh lexicon gives, across cache turnover', () => {
  const shipped = loadDefaultHateLexicon();
  const fresh = () => new HateLexicon(shipped.groups, shipped.slurs, (w) => ['muslim', 'refuge', 'backs', 'water', 'people'].includes(w));
  const reused = fresh();
  const words = (folds: string[]) => folds.map((fold, i) => ({ fold, alt: undefined, start: i * 10, end: i * 10 + fold.length }));
  // Misspelt, masked, sound-alike and plain words, each read several times.
  const sample = ['muslims', 'muslmis', 'musliims', 'm*slims', 'jewz', 'refugees', 'refuge', 'backs', 'water', 'imigrants', 'immigrantz', 'people'];
  const once = fresh().match(words(sample));
  assert.ok(once.length >= 5, `${once.length} matches`);
  for (let round = 0; round < 3; round++) assert.deepEqual(reused.match(words(sample)), once);
  // More distinct words than the cache keeps: it is cleared, and the answers stay the same.
  for (let i = 0; i < 40000; i += 1000) reused.match(words(Array.from({ length: 1000 }, (_, k) => `zq${i + k}x`)));
  assert.deepEqual(reused.match(words(sample)), once);
});
