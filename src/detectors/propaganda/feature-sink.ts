import type { BinaryModel } from './linear.js';

type Part = string | number;

/**
 * Where feature extraction writes its features. A feature is a template and one to three
 * parts: `add2('pp=', 'DET', 'NOUN')` is the feature "pp=DET|NOUN". Training and
 * explanations take the strings (StringSink); scoring takes the weights (ScoreSink),
 * found without building the string again once a combination has been seen.
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

/**
 * Beyond this many cached combinations the cache starts again: a long-running server
 * meets new words for ever, and the cache must not grow with them.
 */
const MAX_CACHED = 500_000;

type Level = Map<Part, number | Level>;

/** Stands for "no feature of the model starts with these parts": every lookup below it is -1. */
const DEAD: Level = new Map();

/** Every prefix of a feature name that ends in '|': the first parts a feature can start with. */
function partPrefixes(index: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const name of index.keys()) for (let j = name.indexOf('|'); j >= 0; j = name.indexOf('|', j + 1)) out.add(name.slice(0, j + 1));
  return out;
}

/**
 * Sums a binary model's weights over the features written to it, in the order written,
 * so the sum is the one `binaryScore` gives over the same features as strings. Feature
 * ids are cached by template and parts (strings the document already holds, whose hash
 * V8 keeps), so the hot path neither builds nor hashes a new string per feature.
 */
export class ScoreSink implements FeatureSink {
  z = 0;
  /** One tree per number of parts: a template such as 'sp=' comes with one part and with two. */
  private readonly roots: Map<string, Level>[] = [new Map(), new Map(), new Map(), new Map()];
  private cached = 0;
  private readonly prefixes: Set<string>;
  /** When set, each feature's weight is also summed by feature id (in first-seen order), to explain a span. */
  tally: Map<number, number> | null = null;
  constructor(private readonly model: BinaryModel) {
    this.prefixes = partPrefixes(model.index);
  }

  reset(): this {
    this.z = 0;
    this.tally = null;
    return this;
  }
  add(name: string): void {
    const root = this.root(name, 0);
    const id = root.get('') as number | undefined;
    this.addId(id !== undefined ? id : this.miss(root, '', name));
  }
  add1(template: string, a: Part): void {
    const root = this.root(template, 1);
    const id = root.get(a) as number | undefined;
    this.addId(id !== undefined ? id : this.miss(root, a, `${template}${a}`));
  }
  add2(template: string, a: Part, b: Part): void {
    const level = this.child(this.root(template, 2), a, template);
    if (level === DEAD) return;
    const id = level.get(b) as number | undefined;
    this.addId(id !== undefined ? id : this.miss(level, b, `${template}${a}|${b}`));
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    const first = this.child(this.root(template, 3), a, template);
    const level = first === DEAD ? DEAD : this.child(first, b, `${template}${a}|`);
    if (level === DEAD) return;
    const id = level.get(c) as number | undefined;
    this.addId(id !== undefined ? id : this.miss(level, c, `${template}${a}|${b}|${c}`));
  }

  private addId(id: number): void {
    if (id < 0) return;
    const weight = this.model.weights[id]!;
    this.z += weight;
    if (this.tally) this.tally.set(id, (this.tally.get(id) ?? 0) + weight);
  }

  private root(template: string, parts: number): Level {
    const roots = this.roots[parts]!;
    let level = roots.get(template);
    if (!level) {
      level = new Map();
      roots.set(template, level);
    }
    return level;
  }

  /** The level below `key`; DEAD when no feature name starts with `${prefix}${key}|`, so its words are never looked up. */
  private child(level: Level, key: Part, prefix: string): Level {
    let next = level.get(key) as Level | undefined;
    if (!next) {
      next = this.prefixes.has(`${prefix}${key}|`) ? new Map() : DEAD;
      level.set(key, next);
      this.cached++;
    }
    return next;
  }

  /** First sight of a combination: its id from the model's own index, by name (-1 when unknown). */
  private miss(level: Level, key: Part, name: string): number {
    const found = this.model.index.get(name) ?? -1;
    if (++this.cached > MAX_CACHED) {
      for (const roots of this.roots) roots.clear();
      this.cached = 0;
    } else {
      level.set(key, found);
    }
    return found;
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
