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

interface Node {
  next: Map<number, Node>;
  terminal?: Terminal;
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
  const root: Node = { next: new Map() };
  let size = 0;

  const add = (text: string, id: string | null, ambiguous: boolean, priority: Priority) => {
    const key = foldString(text);
    if (!key.trim()) return;
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    const t = node.terminal;
    if (!t || priority > t.priority) {
      node.terminal = { ids: new Set(id ? [id] : []), ambiguous, excluded: id === null, priority };
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

  // Most characters start no name: a flat table answers that before any map lookup.
  const startsName = new Uint8Array(0x10000);
  for (const code of root.next.keys()) startsName[code] = 1;

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
        let node = root.next.get(first)!;
        let best: { end: number; terminal: Terminal } | null = null;
        let j = i + 1;
        let lastClass = firstClass;
        for (;;) {
          if (node.terminal) {
            const after = j < n ? wordClass(foldUnit(text.charCodeAt(j))) : 0;
            // A name ending in a letter of a spaced script must not run into the next word ("RTR" is not "RT").
            if (!(lastClass === 1 && after === 1)) best = { end: j, terminal: node.terminal };
          }
          if (j >= n) break;
          const code = foldUnit(text.charCodeAt(j));
          const child = node.next.get(code);
          if (!child) break;
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
