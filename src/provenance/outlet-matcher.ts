import { foldString, foldUnit, wordClass } from './outlet-fold.js';

/**
 * One trie over every outlet name, compiled once, scanned once per text: at each
 * word start it walks as far as the text allows and keeps the longest name that ends
 * on a word boundary. Cost is linear in the text times the longest name.
 */

/** What the minimum a matcher needs from an outlet entry. */
export interface MatchableOutlet {
  id: string;
  aliases: readonly string[];
  ambiguousAliases?: readonly string[];
  exclusions?: readonly string[];
}

export interface RawMatch {
  start: number;
  end: number;
  /** One id: a plain mention; several: an ambiguous name to resolve. */
  ids: readonly string[];
  ambiguous: boolean;
}

// Higher wins when two strings fold to the same key: an explicit exclusion beats a
// name, and a name beats a generated case variant.
const enum Priority {
  Variant = 1,
  Name = 2,
  Exclusion = 3,
}

interface Terminal {
  ids: Set<string>;
  ambiguous: boolean;
  excluded: boolean;
  priority: Priority;
}

/**
 * The trie's edges, node and code unit to child node, in one open-addressing table of
 * typed arrays. A node per character of 40,000 name strings as objects with a `Map` of
 * children each took 5 MB of heap and most of the outlet finder's start-up.
 */
class Edges {
  /** Per slot: parent node + 1 (0: empty), code unit, child node. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /** Room for `expected` edges before the table grows. */
  constructor(expected: number) {
    let size = 16;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(3 * size);
    this.mask = size - 1;
  }

  child(node: number, code: number): number {
    const { slots, mask } = this;
    for (let slot = hashEdge(node, code) & mask; ; slot = (slot + 1) & mask) {
      const at = 3 * slot;
      const parent = slots[at]!;
      if (parent === 0) return -1;
      if (parent === node + 1 && slots[at + 1] === code) return slots[at + 2]!;
    }
  }

  /** Files a new edge (the caller has found none from `node` under `code`). */
  add(node: number, code: number, child: number): void {
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    this.put(node, code, child);
    this.count++;
  }

  private put(node: number, code: number, child: number): void {
    const { slots, mask } = this;
    let slot = hashEdge(node, code) & mask;
    while (slots[3 * slot] !== 0) slot = (slot + 1) & mask;
    slots[3 * slot] = node + 1;
    slots[3 * slot + 1] = code;
    slots[3 * slot + 2] = child;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = 2 * (this.mask + 1) - 1;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== 0) this.put(old[at]! - 1, old[at + 1]!, old[at + 2]!);
  }
}

function hashEdge(node: number, code: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}

export interface OutletMatcher {
  match(text: string): RawMatch[];
  /** Number of strings compiled, for diagnostics. */
  readonly size: number;
}

/** Variants a newsroom writes for a name: all capitals in datelines ("MOSCOW (REUTERS)"), lower-case "the" mid-sentence. */
export function nameVariants(alias: string): string[] {
  const variants: string[] = [];
  const upper = alias.toUpperCase();
  if (upper !== alias && upper.length === alias.length && (alias.match(/\p{L}/gu)?.length ?? 0) >= 4) variants.push(upper);
  const the = /^The (\S+ \S.*)$/.exec(alias);
  if (the) variants.push(`the ${the[1]}`);
  return variants;
}

export function compileOutletMatcher(outlets: readonly MatchableOutlet[]): OutletMatcher {
  const ROOT = 0;
  let nodes = 1;
  // At most one edge per character of a name and its variants (about twice the names' length).
  let characters = 0;
  for (const o of outlets) for (const alias of o.aliases) characters += 2 * alias.length;
  const edges = new Edges(characters);
  /** The name that ends at a node, by node. */
  const terminals = new Map<number, Terminal>();
  // Most characters start no name: a flat table answers that before any edge lookup.
  const startsName = new Uint8Array(0x10000);
  let size = 0;

  const add = (text: string, id: string | null, ambiguous: boolean, priority: Priority) => {
    const key = foldString(text);
    if (!key.trim()) return;
    let node = ROOT;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = edges.child(node, code);
      if (child < 0) {
        child = nodes++;
        edges.add(node, code, child);
        if (node === ROOT) startsName[code] = 1;
      }
      node = child;
    }
    const t = terminals.get(node);
    if (!t || priority > t.priority) {
      terminals.set(node, { ids: new Set(id ? [id] : []), ambiguous, excluded: id === null, priority });
      size++;
    } else if (priority === t.priority && id !== null && !t.excluded && !t.ids.has(id)) {
      // Two outlets under one name: the data test forbids it unless declared, so it is ambiguous here.
      t.ids.add(id);
      t.ambiguous = true;
    }
  };

  for (const o of outlets) {
    for (const alias of o.aliases) {
      add(alias, o.id, false, Priority.Name);
      for (const v of nameVariants(alias)) add(v, o.id, false, Priority.Variant);
    }
    for (const alias of o.ambiguousAliases ?? []) add(alias, o.id, true, Priority.Name);
    for (const phrase of o.exclusions ?? []) add(phrase, null, false, Priority.Exclusion);
  }

  // The terminals by node in a flat array: the scan asks at every step of every name it follows.
  const terminalAt: (Terminal | null)[] = [];
  for (let node = 0; node < nodes; node++) terminalAt.push(terminals.get(node) ?? null);

  return {
    size,
    match(text: string): RawMatch[] {
      const out: RawMatch[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const first = foldUnit(text.charCodeAt(i));
        const firstClass = startsName[first] === 1 ? wordClass(first) : 0;
        if (startsName[first] !== 1 || (firstClass === 1 && i > 0 && wordClass(foldUnit(text.charCodeAt(i - 1))) === 1)) {
          i++;
          continue;
        }
        let node = edges.child(ROOT, first);
        let best: { end: number; terminal: Terminal } | null = null;
        let j = i + 1;
        let lastClass = firstClass;
        for (;;) {
          const terminal = terminalAt[node] as Terminal | null;
          if (terminal !== null) {
            const after = j < n ? wordClass(foldUnit(text.charCodeAt(j))) : 0;
            // A name ending in a letter of a spaced script must not run into the next word ("RTR" is not "RT").
            if (!(lastClass === 1 && after === 1)) best = { end: j, terminal };
          }
          if (j >= n) break;
          const code = foldUnit(text.charCodeAt(j));
          const child = edges.child(node, code);
          if (child < 0) break;
          node = child;
          lastClass = wordClass(code);
          j++;
        }
        if (!best) {
          i++;
          continue;
        }
        if (!best.terminal.excluded) out.push({ start: i, end: best.end, ids: [...best.terminal.ids], ambiguous: best.terminal.ambiguous });
        i = best.end;
      }
      return out;
    },
  };
}
