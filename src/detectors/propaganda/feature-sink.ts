import type { BinaryModel } from './linear.js';

type Part = string | number;

/**
 * Where feature extraction writes its features. A feature is a template and one to three
 * parts: `add2('pp=', 'DET', 'NOUN')` is the feature "pp=DET|NOUN". Training and
 * explanations take the strings (StringSink); scoring takes the weights (ScoreSink),
 * found without building the string.
 */
export interface FeatureSink {
  add(name: string): void;
  add1(template: string, a: Part): void;
  add2(template: string, a: Part, b: Part): void;
  add3(template: string, a: Part, b: Part, c: Part): void;
}

/** Collects feature strings, exactly as the model's feature names are written. */
export class StringSink implements FeatureSink {
  readonly out: string[] = [];
  add(name: string): void {
    this.out.push(name);
  }
  add1(template: string, a: Part): void {
    this.out.push(`${template}${a}`);
  }
  add2(template: string, a: Part, b: Part): void {
    this.out.push(`${template}${a}|${b}`);
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    this.out.push(`${template}${a}|${b}|${c}`);
  }
}

type Level = Map<Part, number | Level>;

/**
 * A part that reads as a number ("3", "512") is filed under the number too, so a caller
 * passing a number (a bin, a cluster id) finds it without turning it into a string.
 */
function numeric(k: string): number | null {
  if (k === '' || k.length > 9) return null;
  const n = Number(k);
  return Number.isInteger(n) && String(n) === k ? n : null;
}

function levelOf(map: Level, k: string): Level {
  let next = map.get(k);
  if (typeof next !== 'object') {
    next = new Map();
    map.set(k, next);
    const n = numeric(k);
    if (n !== null) map.set(n, next);
  }
  return next;
}

function setLeaf(map: Level, k: string, id: number): void {
  map.set(k, id);
  const n = numeric(k);
  if (n !== null) map.set(n, id);
}

/** Positions of every occurrence of `ch` in `s`. */
function positions(s: string, ch: string): number[] {
  const out: number[] = [];
  for (let j = s.indexOf(ch); j >= 0; j = s.indexOf(ch, j + 1)) out.push(j);
  return out;
}

/**
 * Sums a binary model's weights over the features written to it, in the order written,
 * so the sum is the one `binaryScore` gives over the same features as strings. The
 * model's feature names are split once, when the sink is made, into trees keyed by
 * template and parts (a name is filed under every way it could be split, so a word
 * holding '|' or '=' still finds its feature), so scoring a feature is one to three
 * Map lookups of strings the document already holds: no string is built, nothing is
 * cached per document, and memory does not grow with the text read.
 */
export class ScoreSink implements FeatureSink {
  z = 0;
  /** One tree per number of parts: a template such as 'sp=' comes with one part and with two. */
  private readonly roots: [Map<string, number>, Level, Level, Level] = [new Map(), new Map(), new Map(), new Map()];
  /** When set, each feature's weight is also summed by feature id (in first-seen order), to explain a span. */
  tally: Map<number, number> | null = null;
  constructor(private readonly model: BinaryModel) {
    for (const [name, id] of model.index) {
      this.roots[0].set(name, id);
      for (const e of positions(name, '=')) {
        const template = name.slice(0, e + 1);
        const rest = name.slice(e + 1);
        setLeaf(levelOf(this.roots[1], template), rest, id);
        const bars = positions(rest, '|');
        for (let x = 0; x < bars.length; x++) {
          const a = rest.slice(0, bars[x]);
          setLeaf(levelOf(levelOf(this.roots[2], template), a), rest.slice(bars[x]! + 1), id);
          for (let y = x + 1; y < bars.length; y++) {
            const b = rest.slice(bars[x]! + 1, bars[y]);
            setLeaf(levelOf(levelOf(levelOf(this.roots[3], template), a), b), rest.slice(bars[y]! + 1), id);
          }
        }
      }
    }
  }

  reset(): this {
    this.z = 0;
    this.tally = null;
    return this;
  }
  add(name: string): void {
    const id = this.roots[0].get(name);
    if (id !== undefined) this.addId(id);
  }
  add1(template: string, a: Part): void {
    const level = this.roots[1].get(template) as Level | undefined;
    const id = level?.get(a);
    if (typeof id === 'number') this.addId(id);
  }
  add2(template: string, a: Part, b: Part): void {
    const first = this.roots[2].get(template) as Level | undefined;
    const level = first?.get(a);
    if (typeof level !== 'object') return;
    const id = level.get(b);
    if (typeof id === 'number') this.addId(id);
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    const first = this.roots[3].get(template) as Level | undefined;
    const second = first?.get(a);
    if (typeof second !== 'object') return;
    const level = second.get(b);
    if (typeof level !== 'object') return;
    const id = level.get(c);
    if (typeof id === 'number') this.addId(id);
  }

  private addId(id: number): void {
    const weight = this.model.weights[id]!;
    this.z += weight;
    if (this.tally) this.tally.set(id, (this.tally.get(id) ?? 0) + weight);
  }
}

const sinks = new WeakMap<BinaryModel, ScoreSink>();

/** The score sink of a model, kept with it so its cache serves every document. */
export function scoreSinkOf(model: BinaryModel): ScoreSink {
  let sink = sinks.get(model);
  if (!sink) {
    sink = new ScoreSink(model);
    sinks.set(model, sink);
  }
  return sink.reset();
}
