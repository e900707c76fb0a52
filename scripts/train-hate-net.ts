/**
 * Trains the hate network (src/detectors/hate/net.ts) on HateXplain train plus the
 * functional suite's training templates, deterministically (fixed seed, fixed order),
 * and prints its figures. Settings (net14: 4 epochs, functional weight 1, each functional
 * sentence once (--dedupe yes: a template's sentences differ only in the group, which the
 * network reads as one placeholder), six reworded copies of it, three word-dropout copies:
 * function words left out at rate 0.5, other words at 0.15, group placeholders and negation
 * cues kept; debate and speech sentences that name a group (--prose) as normal, weight 3)
 * were chosen by leave-one-suite-out on holdout19 (scripts/loso-hate-net.mjs) against the
 * network's author-voice findings on PTC and PolNeAR train articles (docs/measurements.md,
 * net14); --select yes chooses epoch and weight on carves instead (10% of HateXplain train by
 * post id, a fifth of the functional templates); HateXplain val is only reported. The
 * functional training templates are every spent suite (SPENT_SUITES): train.yml, the dev
 * suites (dev-hate4 to dev-hate22, dev-neutral7, dev-net8, dev-fp22, dev-counter27) and the
 * measured holdouts (holdout.yml to holdout26.yml: measured, so no longer held out; net27 added
 * dev-hate19, 20, 22, dev-fp22, holdout24 and 25); holdout27.yml and above
 * are refused (held out for rounds to come). The shipped weights (sha256 61ead981…) were
 * trained on the suites up to holdout13.yml and dev-hate8.yml with hate10net's settings (two
 * reworded copies, one dropout copy, no dedupe, no prose); net14's network from these
 * defaults (4006e0c1…) was not shipped: seven contrast sentences of the hate tests turned
 * hateful in posts, and in articles it is less sure (LOSO 84.1 → 79.3% at the sure band
 * 0.999). net21 (every suite to holdout23, these defaults) was not shipped either: LOSO
 * holdout23 posts 86.3 → 87.0%, in an article 83.4 → 83.7%, PTC / PolNeAR author-voice
 * findings 20 / 12 → 18 / 7, but 18 hate tests fail (a dozen contrasts turn hateful).
 * Without --dedupe and --prose (net13's
 * settings: 4 epochs, two reworded copies, one dropout copy) the 359,005 functional
 * sentences outweighed HateXplain's 15,383 posts 25 to 1 and the network read p = 1.00 on
 * news sentences that name a group (PTC author-voice findings 34 → 47, PolNeAR 11 → 14).
 * Leave-one-suite-out: pass --leave-out SUITE.yml (or --suites without it) and evaluate the
 * detector on it with `unspin eval hate --functional data/hate/functional/SUITE [--in-article]
 * --net FILE`; scripts/loso-hate-net.mjs does both.
 *
 *   npm run train:hate-net -- --data /work/shared/datasets/hatexplain
 *     --prose /work/shared/datasets/claimbuster-2.5xncs/train.jsonl,/work/shared/datasets/clef2019-checkthat-task1/training
 *     [--out FILE] [--epochs 4] [--lr 0.05] [--adam-lr 0.001] [--embed-lr 40] [--functional-weights 1] [--seed 7]
 *     [--suites train.yml,dev-hate4.yml,…,holdout25.yml] [--leave-out holdout25.yml]
 *     [--skeletons yes|no] [--select no|yes] [--dedupe yes|no] [--augment 6] [--function-dropout 0.5]
 *     [--word-dropout 0.15] [--dropout-copies 3] [--hx-weight 1] [--prose-weight 3] [--content no|yes]
 *     [--hidden 32] [--embed 16] [--bits 16]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataPath, modelPath } from '../src/core/paths.js';
import { seededRandom, shuffleInPlace } from '../src/core/random.js';
import { placeholderWords, tagGroups } from '../src/detectors/hate/groups.js';
import { loadDefaultHateLexicon } from '../src/detectors/hate/lexicon.js';
import { repairWords } from '../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../src/detectors/hate/shipped-rules.js';
import { HATE_CLASSES } from '../src/detectors/hate/model.js';
import { HOSTILE_LEAN, Polarity } from '../src/detectors/hate/polarity.js';
import { DEFAULT_NET, FUNCTION_WORDS, NEGATION_CUES, decodeNet, encodeNet, forward, inputWidth, NET_FILE, NetFeaturizer, netState, type HateNet } from '../src/detectors/hate/net.js';

/** A network being trained: float32 embeddings. */
type TrainNet = HateNet & { embeddings: Float32Array };
import { expandSuite } from '../src/eval/hate/functional.js';
import { classMetrics } from '../src/eval/hate/metrics.js';
import { buildTextModel } from '../src/text/model.js';
import { defaultWordTable } from '../src/text/word-table.js';

/**
 * Every spent suite: train.yml, the dev suites and the measured holdouts (1 to 25). Listed
 * rather than read off the folder, so that a suite added later does not change what the
 * documented command trains on; the script names any spent suite in the folder that this
 * list misses.
 */
const SPENT_SUITES = ['train.yml', 'dev-hate4.yml', 'dev-neutral7.yml', 'dev-net8.yml', 'dev-hate8.yml', 'dev-hate10.yml', 'dev-hate11.yml', 'dev-hate12.yml', 'dev-hate13.yml', 'dev-hate14.yml', 'dev-hate15.yml', 'dev-hate16.yml', 'dev-hate17.yml', 'holdout.yml', ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map((n) => `holdout${n}.yml`), 'dev-hate19.yml', 'dev-hate20.yml', 'dev-hate22.yml', 'dev-fp22.yml', 'holdout24.yml', 'holdout25.yml', 'dev-counter27.yml', 'holdout26.yml'];
const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string', default: modelPath(NET_FILE) }, epochs: { type: 'string', default: '4' }, lr: { type: 'string', default: '0.05' }, 'functional-weights': { type: 'string', default: '1' }, hidden: { type: 'string' }, 'adam-lr': { type: 'string', default: '0.001' }, 'embed-lr': { type: 'string', default: '40' }, embed: { type: 'string' }, bits: { type: 'string' }, seed: { type: 'string', default: '7' }, suites: { type: 'string', default: SPENT_SUITES.join(',') }, 'leave-out': { type: 'string', default: '' }, skeletons: { type: 'string', default: 'yes' }, select: { type: 'string', default: 'no' }, augment: { type: 'string', default: '6' }, 'word-dropout': { type: 'string', default: '0.15' }, 'function-dropout': { type: 'string', default: '0.5' }, 'dropout-copies': { type: 'string', default: '3' }, dedupe: { type: 'string', default: 'yes' }, 'hx-weight': { type: 'string', default: '1' }, prose: { type: 'string' }, 'prose-weight': { type: 'string', default: '3' }, content: { type: 'string' } } });
if (!values.data) {
  console.error('usage: npm run train:hate-net -- --data DIR (holding train.jsonl and val.jsonl)');
  process.exit(2);
}
const config = { ...DEFAULT_NET, ...(values.hidden ? { hidden: Number(values.hidden) } : {}), ...(values.embed ? { embed: Number(values.embed) } : {}), ...(values.bits ? { bits: Number(values.bits) } : {}), ...(values.content ? { content: values.content === 'yes' } : {}) };
const EPOCHS = Number(values.epochs);
const LR = Number(values.lr);
const SEED = Number(values.seed);
/** The embedding rows' learning rate relative to the dense layers' (each row gets 1/length of the gradient). */
const EMBED_LR = Number(values['embed-lr']);
/** Adam step size of the dense layers (falls with the same linear schedule). */
const ADAM_LR = Number(values['adam-lr']);
const K = HATE_CLASSES.length;

const lexicon = loadDefaultHateLexicon();
const rules = loadDefaultHateRules();
const table = defaultWordTable();
const featurizer = new NetFeaturizer(config, table);

interface Example {
  glove: Float32Array;
  rows: Int32Array;
  y: number;
  weight: number;
  source: 'hx' | 'functional';
  /** Functional cases: the labels a correct decision may have. */
  accept?: number[];
}

/** The words as the detector reads them: misspelt predicate words repaired (classify.ts). */
function wordsOf(text: string): string[] {
  const t = text.trim() || '.';
  const tm = buildTextModel(t);
  return placeholderWords(repairWords(rules, tagGroups(t, tm.tokens, lexicon, rules.references, 0, tm.tokens.length, null).canon, (w) => table.id(w) >= 0));
}

function example(text: string | string[], y: number, source: Example['source'], accept?: number[]): Example {
  const words = typeof text === 'string' ? wordsOf(text) : text;
  const input = featurizer.read(words);
  return { glove: input.glove.slice(), rows: input.rows.slice(0, input.length), y, weight: 1, source, ...(accept ? { accept } : {}) };
}

function hash(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32LE(0);
}

function readPosts(file: string): { id: string; text: string; y: number }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const p = JSON.parse(line) as { id: string; text: string; label: string };
      return { id: p.id, text: p.text, y: HATE_CLASSES.indexOf(p.label as (typeof HATE_CLASSES)[number]) };
    });
}

const started = performance.now();
const hxTrain: Example[] = [];
const hxCarve: Example[] = [];
for (const p of readPosts(join(values.data, 'train.jsonl'))) (hash(p.id) % 10 === 0 ? hxCarve : hxTrain).push(example(p.text, p.y, 'hx'));
/** Weight of each HateXplain training post (--hx-weight; functional sentences take --functional-weights). */
for (const e of [...hxTrain, ...hxCarve]) e.weight = Number(values['hx-weight']);
const hxVal = readPosts(join(values.data, 'val.jsonl')).map((p) => example(p.text, p.y, 'hx'));
/** Abuse of a person and profanity are "offensive" in HateXplain's terms; other non-hateful cases are normal. */
const OFFENSIVE_OK = new Set(['abuse-individual', 'profanity-not-group', 'abuse-object', 'abuse-nonprotected']);
const fTrain: Example[] = [];
const fCarve: Example[] = [];
/**
 * Slur cases are left to the lexicon and rules: in a template like "Those {S} are
 * everywhere now" the slur carries the hate, and the network would learn it from the
 * innocent words around the placeholder instead.
 */
const LEFT_TO_RULES = new Set(['slur', 'reclaimed-slur', 'slur-homonym']);
const skeletons = new Set<string>();
/**
 * --dedupe yes: a functional sentence whose words (group placeholders in) and label were
 * already read is left out, with its reworded and shortened copies. A template's sentences
 * differ only in the group, which the network reads as one placeholder, so without this each
 * template weighs as many times as it has groups and forms (about 28) against HateXplain's
 * posts; with it, more copies (--augment, --dropout-copies) give the variety instead.
 */
const DEDUPE = values.dedupe === 'yes';
const taken = new Set<string>();
let duplicates = 0;
function fresh(words: readonly string[], y: number): boolean {
  if (!DEDUPE) return true;
  const key = `${y} ${words.join(' ')}`;
  if (taken.has(key)) {
    duplicates++;
    return false;
  }
  taken.add(key);
  return true;
}
/** Reworded copies of each functional training sentence (--augment). */
const AUGMENT = Number(values.augment);
const polarity = new Polarity(table);
/** Rows of the word table searched for neighbours: the most frequent words (the table is in frequency order). */
const NEIGHBOUR_ROWS = Math.min(table.words.length, 15000);
const neighbourCache = new Map<string, string[]>();
let shownRewordings = 0;

/**
 * A content word's nearest neighbours in the word table (cosine >= 0.6, at most five) that
 * lean the same way (polarity.ts: both hostile or both not, within 0.1), so that "vermin"
 * may become "pests" but "hate" never becomes "love", GloVe's close antonym.
 */
function neighboursOf(word: string): string[] {
  const cached = neighbourCache.get(word);
  if (cached) return cached;
  const id = table.id(word);
  let found: string[] = [];
  if (id >= 0 && !FUNCTION_WORDS.has(word) && !NEGATION_CUES.has(word)) {
    const lean = polarity.lean(word);
    const scored: { w: string; sim: number }[] = [];
    for (let j = 0; j < NEIGHBOUR_ROWS; j++) {
      if (j === id) continue;
      const sim = table.similarity(id, j);
      if (sim < 0.6) continue;
      const other = table.words[j]!;
      if (FUNCTION_WORDS.has(other) || NEGATION_CUES.has(other) || !/^[a-z]+$/.test(other)) continue;
      const l = polarity.lean(other);
      if ((l >= HOSTILE_LEAN) !== (lean >= HOSTILE_LEAN) || Math.abs(l - lean) > 0.1) continue;
      scored.push({ w: other, sim });
    }
    found = scored.sort((a, b) => b.sim - a.sim || (a.w < b.w ? -1 : 1)).slice(0, 5).map((x) => x.w);
  }
  neighbourCache.set(word, found);
  return found;
}

/** The words with each content word swapped for a neighbour at rate 0.5; null when none was. */
function reword(words: readonly string[], rand: () => number): string[] | null {
  let changed = false;
  const out = words.map((w) => {
    if (w === 'GRP' || w === 'SLUR') return w;
    const nb = neighboursOf(w);
    if (nb.length === 0 || rand() >= 0.5) return w;
    changed = true;
    return nb[Math.floor(rand() * nb.length)]!;
  });
  return changed ? out : null;
}
/** Word dropout copies (--word-dropout, --function-dropout: rates for content and function words). */
const WORD_DROPOUT = Number(values['word-dropout']);
const FUNCTION_DROPOUT = Number(values['function-dropout']);
const DROPOUT_COPIES = WORD_DROPOUT > 0 || FUNCTION_DROPOUT > 0 ? Number(values['dropout-copies']) : 0;
let shownDropouts = 0;

/**
 * The words with some left out: function words at FUNCTION_DROPOUT, other words at
 * WORD_DROPOUT; group placeholders and negation cues always stay. Null when nothing was
 * dropped or no word but those would remain.
 */
function dropWords(words: readonly string[], rand: () => number): string[] | null {
  const out: string[] = [];
  let content = 0;
  for (const w of words) {
    const keep = w === 'GRP' || w === 'SLUR' || NEGATION_CUES.has(w);
    const rate = keep ? 0 : FUNCTION_WORDS.has(w) ? FUNCTION_DROPOUT : WORD_DROPOUT;
    if (rate > 0 && rand() < rate) continue;
    out.push(w);
    if (!keep && !FUNCTION_WORDS.has(w)) content++;
  }
  return out.length < words.length && content > 0 ? out : null;
}
/** holdout27.yml and any later suite are held out for rounds to come; everything below is spent (holdout22 measured at the end of the hate15 round, holdout23 at the end of the hate16-18 round, holdout24 at the end of the hate19-20 round, holdout25 at the end of the hate22/fp22 round, on 2026-12-07; holdout26 at the end of the lead27/counter27 round, on 2026-12-08). */
const FIRST_LIVE_HOLDOUT = 27;
/** --leave-out A.yml,B.yml: the suites left out of --suites (leave-one-suite-out, scripts/loso-hate-net.mjs). */
const leftOut = new Set(values['leave-out'].split(',').filter(Boolean));
const trainedSuites = values.suites.split(',').filter((s) => !leftOut.has(s));
for (const s of leftOut) if (!values.suites.split(',').includes(s)) throw new Error(`--leave-out ${s}: not one of the suites trained on`);
const untrained = readdirSync(dataPath('hate', 'functional'))
  .filter((f) => f.endsWith('.yml') && f !== 'groups.yml' && !SPENT_SUITES.includes(f) && Number(/^holdout(\d+)\.yml$/.exec(f)?.[1] ?? 0) < FIRST_LIVE_HOLDOUT)
  .sort();
if (untrained.length > 0) console.log(`spent suites not in the default list (add them to SPENT_SUITES): ${untrained.join(', ')}`);
console.log(`functional suites: ${trainedSuites.length}${leftOut.size > 0 ? ` (left out: ${[...leftOut].join(', ')})` : ''}`);
for (const suite of trainedSuites) {
  const live = /holdout(\d+)\.yml$/.exec(suite);
  if (live && Number(live[1]) >= FIRST_LIVE_HOLDOUT) throw new Error(`${suite} is a live holdout (holdout${FIRST_LIVE_HOLDOUT}.yml and above are kept for measurement): never train on it`);
  for (const c of expandSuite(dataPath('hate', 'functional', suite))) {
    if (LEFT_TO_RULES.has(c.functionality)) continue;
    const y = c.label === 'hateful' ? 2 : OFFENSIVE_OK.has(c.functionality) ? 1 : 0;
    const accept = c.accept.map((a) => HATE_CLASSES.indexOf(a));
    const words = wordsOf(c.text);
    if (!fresh(words, y)) continue;
    // Carved by suite and template, so that a template's sentences stay on one side.
    const carved = hash(`${suite}:${c.template}`) % 5 === 0;
    (carved ? fCarve : fTrain).push(example(words, y, 'functional', accept));
    // Reworded copies (training side only): the same frame in other words, so that the
    // network learns the meaning of a predicate and not the template's own words.
    if (!carved) for (let k = 1; k <= AUGMENT; k++) {
      const reworded = reword(words, seededRandom(hash(`${suite}:${c.text}:${k}`)));
      if (!reworded) continue;
      if (shownRewordings++ < 4) console.log(`  reworded: "${words.join(' ')}" -> "${reworded.join(' ')}"`);
      fTrain.push(example(reworded, y, 'functional', accept));
    }
    // Copies with words left out (training side only): the decision must not rest on any
    // one word of the template, least of all on its function words.
    if (!carved) for (let k = 1; k <= DROPOUT_COPIES; k++) {
      const dropped = dropWords(words, seededRandom(hash(`${suite}:${c.text}:drop${k}`)));
      if (!dropped) continue;
      if (shownDropouts++ < 4) console.log(`  dropped: "${words.join(' ')}" -> "${dropped.join(' ')}"`);
      fTrain.push(example(dropped, y, 'functional', accept));
    }
    // The sentence's skeleton (group placeholders and function words, "GRP are") is
    // normal: the words, not the frame around the group, must carry a decision, as the
    // detector's occlusion test asks.
    const skeleton = words.filter((w) => w === 'GRP' || w === 'SLUR' || FUNCTION_WORDS.has(w));
    const key = skeleton.join(' ');
    if (values.skeletons === 'yes' && !carved && skeleton.length < words.length && skeleton.includes('GRP') && !skeletons.has(key)) {
      skeletons.add(key);
      fTrain.push(example(skeleton, 0, 'functional', [0]));
    }
  }
}
/**
 * --prose FILE,DIR: sentences of debates and speeches (ClaimBuster's train.jsonl, CLEF 2019
 * CheckThat! training transcripts, *.tsv), never hate speech, taken as normal where they name a
 * group: the functional suites and HateXplain hold almost no plain prose about a group, and
 * a network trained on them alone read such news sentences as hate (net13). Weight
 * --prose-weight each.
 */
const proseTrain: Example[] = [];
for (const source of values.prose ? values.prose.split(',') : []) {
  const files = statSync(source).isDirectory()
    ? readdirSync(source)
        .filter((f) => f.endsWith('.tsv'))
        .sort()
        .map((f) => join(source, f))
    : [source];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = file.endsWith('.jsonl') ? (JSON.parse(line) as { text: string }).text : (line.split('\t')[2] ?? '');
      const words = wordsOf(text);
      if (!words.includes('GRP') || !fresh(words, 0)) continue;
      const e = example(words, 0, 'functional', [0]);
      e.weight = Number(values['prose-weight']);
      proseTrain.push(e);
    }
  }
}
console.log(`functional skeletons (normal): ${skeletons.size}${DEDUPE ? `; duplicates left out: ${duplicates}` : ''}`);
console.log(`data: HateXplain train ${hxTrain.length} + carve ${hxCarve.length}, val ${hxVal.length}; functional train ${fTrain.length} + carve ${fCarve.length}, prose naming a group ${proseTrain.length} (${((performance.now() - started) / 1000).toFixed(1)} s to read)`);

function initNet(seed: number): TrainNet {
  const rand = seededRandom(seed);
  const uniform = (n: number, r: number) => Float32Array.from({ length: n }, () => (2 * rand() - 1) * r);
  const D = inputWidth({ glove: table.dims, config });
  return {
    name: 'hate-net',
    version: '1',
    classes: HATE_CLASSES,
    config,
    glove: table.dims,
    embeddings: uniform((1 << config.bits) * config.embed, 1 / config.embed),
    w1: uniform(config.hidden * D, Math.sqrt(6 / (D + config.hidden))),
    b1: new Float32Array(config.hidden),
    w2: uniform(K * config.hidden, Math.sqrt(6 / (config.hidden + K))),
    b2: new Float32Array(K),
  };
}

function classWeights(examples: readonly Example[]): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const e of examples) if (e.source === 'hx') counts[e.y]!++;
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => total / (K * Math.max(1, c)));
}

/** Adam moments for the dense layers (the embedding rows, sparse, take plain SGD). */
interface Adam {
  m: Float32Array[];
  v: Float32Array[];
  t: number;
}

function adamFor(net: HateNet): Adam {
  const params = [net.w1, net.b1, net.w2, net.b2];
  return { m: params.map((p) => new Float32Array(p.length)), v: params.map((p) => new Float32Array(p.length)), t: 0 };
}

const B1 = 0.9;
const B2 = 0.999;

/** One Adam step on parameter array `k` (0 w1, 1 b1, 2 w2, 3 b2) at index i. */
function adamStep(adam: Adam, k: number, param: Float32Array, i: number, grad: number, lr: number, c1: number, c2: number): void {
  const m = (adam.m[k]![i] = B1 * adam.m[k]![i]! + (1 - B1) * grad);
  const v = (adam.v[k]![i] = B2 * adam.v[k]![i]! + (1 - B2) * grad * grad);
  param[i]! -= (lr * (m / c1)) / (Math.sqrt(v / c2) + 1e-8);
}

/**
 * One epoch: Adam on the dense layers (dense updates of every weight per example),
 * plain SGD on the embedding rows; the learning rate falls linearly over all epochs.
 */
function trainEpoch(net: TrainNet, examples: readonly Example[], order: Int32Array, step: { done: number; total: number }, cw: number[], adam: Adam): void {
  const state = netState(net);
  const D = inputWidth(net);
  const H = net.config.hidden;
  const E = net.config.embed;
  const G = D - E;
  const dh = new Float32Array(H);
  const dz = new Float32Array(H);
  const dx = new Float32Array(E);
  for (const i of order) {
    const ex = examples[i]!;
    const lr = LR * (1 - step.done++ / step.total);
    const p = forward(net, { glove: ex.glove, rows: ex.rows, length: ex.rows.length }, state);
    const w = ex.weight * cw[ex.y]!;
    adam.t++;
    const c1 = 1 - Math.pow(B1, adam.t);
    const c2 = 1 - Math.pow(B2, adam.t);
    const alr = ADAM_LR * (lr / LR);
    dh.fill(0);
    for (let c = 0; c < K; c++) {
      const g = w * (p[c]! - (c === ex.y ? 1 : 0));
      for (let j = 0; j < H; j++) {
        dh[j]! += net.w2[c * H + j]! * g;
        adamStep(adam, 2, net.w2, c * H + j, g * state.h[j]!, alr, c1, c2);
      }
      adamStep(adam, 3, net.b2, c, g, alr, c1, c2);
    }
    dx.fill(0);
    for (let j = 0; j < H; j++) {
      dz[j] = state.z1[j]! > 0 ? dh[j]! : 0;
      const base = j * D;
      for (let e = 0; e < E; e++) dx[e]! += net.w1[base + G + e]! * dz[j]!;
      for (let d = 0; d < D; d++) adamStep(adam, 0, net.w1, base + d, dz[j]! * state.x[d]!, alr, c1, c2);
      adamStep(adam, 1, net.b1, j, dz[j]!, alr, c1, c2);
    }
    if (ex.rows.length > 0) {
      const k = (EMBED_LR * lr) / ex.rows.length;
      for (const r of ex.rows) for (let e = 0; e < E; e++) net.embeddings[r * E + e]! -= k * dx[e]!;
    }
  }
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, rand);
  return order;
}

function predict(net: HateNet, examples: readonly Example[]): number[] {
  const state = netState(net);
  return examples.map((ex) => {
    const p = forward(net, { glove: ex.glove, rows: ex.rows, length: ex.rows.length }, state);
    let best = 0;
    for (let c = 1; c < K; c++) if (p[c]! > p[best]!) best = c;
    return best;
  });
}

function hxF1(net: HateNet, examples: readonly Example[]): number {
  return classMetrics(examples.map((e) => e.y), predict(net, examples), HATE_CLASSES).macroF1;
}

function functionalAccuracy(net: HateNet, examples: readonly Example[]): number {
  const pred = predict(net, examples);
  return pred.filter((p, i) => examples[i]!.accept!.includes(p)).length / examples.length;
}

/** Trains on `examples`, calling `after` at the end of each epoch. */
function train(examples: Example[], epochs: number, after?: (net: TrainNet, epoch: number) => void): TrainNet {
  const net = initNet(SEED);
  const rand = seededRandom(SEED + 1);
  const cw = classWeights(examples);
  const step = { done: 0, total: epochs * examples.length };
  const adam = adamFor(net);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    trainEpoch(net, examples, shuffled(examples.length, rand), step, cw, adam);
    after?.(net, epoch);
  }
  return net;
}

// Selection on the carves (--select yes): functional weight and epoch count. By default (hate5)
// the first weight and --epochs as given: the settings were chosen by leave-one-suite-out
// (scripts/loso-hate-net.mjs), which predicts new wording better than a carve of the same suites.
let best = { score: -1, weight: Number(values['functional-weights'].split(',')[0]), epochs: EPOCHS };
for (const fw of values.select === 'no' ? [] : values['functional-weights'].split(',').map(Number)) {
  for (const e of fTrain) e.weight = fw;
  train([...hxTrain, ...fTrain], EPOCHS, (net, epoch) => {
    const f1 = hxF1(net, hxCarve);
    const acc = functionalAccuracy(net, fCarve);
    const score = f1 + 0.25 * acc;
    console.log(`  functional weight ${fw} epoch ${epoch}: HateXplain carve macro-F1 ${f1.toFixed(4)}, functional carve accuracy ${acc.toFixed(4)}, val macro-F1 ${hxF1(net, hxVal).toFixed(4)} (reported only)`);
    if (score > best.score) best = { score, weight: fw, epochs: epoch };
  });
}
console.log(`chosen on the carves: functional weight ${best.weight}, ${best.epochs} epochs`);

// Final model: every training example (carves included), the chosen settings.
for (const e of [...fTrain, ...fCarve]) e.weight = best.weight;
const net = train([...hxTrain, ...hxCarve, ...fTrain, ...fCarve, ...proseTrain], best.epochs);
const bytes = encodeNet(net);
const shipped = decodeNet(bytes, 'memory');
const val = classMetrics(hxVal.map((e) => e.y), predict(shipped, hxVal), HATE_CLASSES);
shipped.figures = { hatexplainValMacroF1: Math.round(val.macroF1 * 10000) / 10000, hatexplainValAccuracy: Math.round(val.accuracy * 10000) / 10000, functionalWeight: best.weight, epochs: best.epochs, seed: SEED, lr: LR };
net.figures = shipped.figures;
const out = encodeNet(net);
writeFileSync(values.out, out);
console.log(`HateXplain val (network alone, int8 embeddings): accuracy ${val.accuracy.toFixed(4)}, macro-F1 ${val.macroF1.toFixed(4)}; ` + val.perClass.map((c) => `${c.label} F1 ${c.f1.toFixed(3)}`).join(', '));
console.log(`wrote ${values.out}: ${(out.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(out).digest('hex')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
