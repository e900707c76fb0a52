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
  /** `add1(template, words[k])`, where `words` is a word list of the document (a scoring sink looks its words up once). */
  add1w(template: string, words: readonly string[], k: number): void;
  /** `add2(template, words[k], words2[k2])`, as `add1w`. */
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void;
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
  add1w(template: string, words: readonly string[], k: number): void {
    this.add1(template, words[k]!);
  }
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    this.add2(template, words[k]!, words2[k2]!);
  }
}

/**
 * A part that reads as a number ("3", "512") is filed under the number too, so a caller
 * passing a number (a bin, a cluster id) finds it without turning it into a string.
 */
function numeric(k: string): number | null {
  if (k === '' || k.length > 9) return null;
  const n = Number(k);
  return Number.isInteger(n) && String(n) === k ? n : null;
}

/** Positions of every occurrence of `ch` in `s`. */
function positions(s: string, ch: string): number[] {
  const out: number[] = [];
  for (let j = s.indexOf(ch); j >= 0; j = s.indexOf(ch, j + 1)) out.push(j);
  return out;
}

/**
 * Feature ids keyed by (template id, part ids): one open-addressing table of int keys,
 * filled when the sink is made, so a lookup is a few integer multiplies and array reads.
 */
class IdTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;
  /** `expected`: how many keys are likely, so the table is made once at about the size it ends at. */
  constructor(private readonly width: number, expected = 512) {
    let slots = 1024;
    while (slots < 2 * expected) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * width).fill(-1);
    this.values = new Int32Array(slots);
  }
  private static hash(k0: number, k1: number, k2: number, k3: number): number {
    let h = Math.imul(k0 ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ k1 ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ k2 ^ (h >>> 13), 0x85ebca6b);
    h = Math.imul(h ^ k3 ^ (h >>> 16), 0xc2b2ae35);
    return h ^ (h >>> 15);
  }
  set(k0: number, k1: number, k2: number, k3: number, value: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const w = this.width;
    const { keys } = this;
    for (let slot = IdTable.hash(k0, k1, k2, k3) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * w;
      if (keys[at] === -1) {
        keys[at] = k0;
        keys[at + 1] = k1;
        if (w > 2) keys[at + 2] = k2;
        if (w > 3) keys[at + 3] = k3;
        this.values[slot] = value;
        this.size++;
        return;
      }
      if (keys[at] === k0 && keys[at + 1] === k1 && (w < 3 || keys[at + 2] === k2) && (w < 4 || keys[at + 3] === k3)) {
        this.values[slot] = value;
        return;
      }
    }
  }
  /** The value under the key, -1 when none. */
  get(k0: number, k1: number, k2: number, k3: number): number {
    const w = this.width;
    const { keys } = this;
    for (let slot = IdTable.hash(k0, k1, k2, k3) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * w;
      const k = keys[at]!;
      if (k === -1) return -1;
      if (k === k0 && keys[at + 1] === k1 && (w < 3 || keys[at + 2] === k2) && (w < 4 || keys[at + 3] === k3)) return this.values[slot]!;
    }
  }
  private grow(): void {
    const w = this.width;
    const oldKeys = this.keys;
    const oldValues = this.values;
    const oldSlots = this.mask + 1;
    this.mask = oldSlots * 2 - 1;
    this.keys = new Int32Array(oldSlots * 2 * w).fill(-1);
    this.values = new Int32Array(oldSlots * 2);
    this.size = 0;
    for (let slot = 0; slot < oldSlots; slot++) {
      const at = slot * w;
      if (oldKeys[at] !== -1) this.set(oldKeys[at]!, oldKeys[at + 1]!, w > 2 ? oldKeys[at + 2]! : 0, w > 3 ? oldKeys[at + 3]! : 0, oldValues[slot]!);
    }
  }
}

/**
 * Sums a binary model's weights over the features written to it, in the order written,
 * so the sum is the one `binaryScore` gives over the same features as strings. The
 * model's feature names are split once, when the sink is made, into a template and
 * parts (a name is filed under every way it could be split, so a word holding '|' or
 * '=' still finds its feature); every template and part gets an integer id, and the
 * feature ids are filed under those ids in flat integer tables. Scoring a feature is a
 * lookup of the template's id and each part's (the words of a document are looked up
 * once per document, see `add1w`), then one table probe: no string is built, and memory
 * does not grow with the text read.
 */
export class ScoreSink implements FeatureSink {
  z = 0;
  private readonly names = new Map<string, number>();
  private readonly templates = new Map<string, number>();
  private readonly parts = new Map<Part, number>();
  private readonly tables: [IdTable, IdTable, IdTable];
  /** Part ids of a document's word lists (norms, lemmas), looked up once per list. */
  private readonly wordIds = new WeakMap<readonly string[], Int32Array>();
  /** When set, each feature's weight is also summed by feature id (in first-seen order), to explain a span. */
  tally: Map<number, number> | null = null;
  constructor(private readonly model: BinaryModel) {
    // Nearly every name has one '=' (one single-part key each); fewer have parts split by '|'.
    this.tables = [new IdTable(2, model.index.size), new IdTable(3), new IdTable(4)];
    const template = (t: string): number => {
      let id = this.templates.get(t);
      if (id === undefined) this.templates.set(t, (id = this.templates.size));
      return id;
    };
    const part = (k: string): number => {
      let id = this.parts.get(k);
      if (id === undefined) {
        id = this.parts.size;
        this.parts.set(k, id);
        const n = numeric(k);
        if (n !== null) this.parts.set(n, id);
      }
      return id;
    };
    for (const [name, id] of model.index) {
      this.names.set(name, id);
      for (const e of positions(name, '=')) {
        const t = template(name.slice(0, e + 1));
        const rest = name.slice(e + 1);
        this.tables[0].set(t, part(rest), 0, 0, id);
        const bars = positions(rest, '|');
        for (let x = 0; x < bars.length; x++) {
          const a = part(rest.slice(0, bars[x]));
          this.tables[1].set(t, a, part(rest.slice(bars[x]! + 1)), 0, id);
          for (let y = x + 1; y < bars.length; y++) {
            this.tables[2].set(t, a, part(rest.slice(bars[x]! + 1, bars[y])), part(rest.slice(bars[y]! + 1)), id);
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
    const id = this.names.get(name);
    if (id !== undefined) this.addId(id);
  }
  add1(template: string, a: Part): void {
    const t = this.templates.get(template);
    if (t === undefined) return;
    const pa = this.parts.get(a);
    if (pa === undefined) return;
    this.hit(this.tables[0].get(t, pa, 0, 0));
  }
  add2(template: string, a: Part, b: Part): void {
    const t = this.templates.get(template);
    if (t === undefined) return;
    const pa = this.parts.get(a);
    if (pa === undefined) return;
    const pb = this.parts.get(b);
    if (pb === undefined) return;
    this.hit(this.tables[1].get(t, pa, pb, 0));
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    const t = this.templates.get(template);
    if (t === undefined) return;
    const pa = this.parts.get(a);
    if (pa === undefined) return;
    const pb = this.parts.get(b);
    if (pb === undefined) return;
    const pc = this.parts.get(c);
    if (pc === undefined) return;
    this.hit(this.tables[2].get(t, pa, pb, pc));
  }
  add1w(template: string, words: readonly string[], k: number): void {
    const pa = this.idsOf(words)[k]!;
    if (pa < 0) return;
    const t = this.templates.get(template);
    if (t === undefined) return;
    this.hit(this.tables[0].get(t, pa, 0, 0));
  }
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    const pa = this.idsOf(words)[k]!;
    if (pa < 0) return;
    const pb = this.idsOf(words2)[k2]!;
    if (pb < 0) return;
    const t = this.templates.get(template);
    if (t === undefined) return;
    this.hit(this.tables[1].get(t, pa, pb, 0));
  }

  /** Each word's part id (-1: no feature has it as a part), once per word list. */
  private idsOf(words: readonly string[]): Int32Array {
    let ids = this.wordIds.get(words);
    if (!ids) {
      ids = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) ids[k] = this.parts.get(words[k]!) ?? -1;
      this.wordIds.set(words, ids);
    }
    return ids;
  }
  private hit(id: number): void {
    if (id >= 0) this.addId(id);
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
