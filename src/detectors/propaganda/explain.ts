/** Turns model feature names into words a reader can follow in an explanation. */

const PREFIXES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^lexid=(.+)$/, (m) => `lexicon entry ${m[1]}`],
  [/^lex=([^|]+)(\|.*)?$/, (m) => `${m[1]} lexicon term`],
  [/^clex=(.+)$/, (m) => `${m[1]} lexicon term nearby`],
  [/^slex=(.+)$/, (m) => `${m[1]} lexicon term in the sentence`],
  [/^lexnear[-+]=(.+)$/, (m) => `${m[1]} lexicon term next to it`],
  [/^(?:w|l|u)=(.+)$/, (m) => `word “${m[1]}”`],
  [/^b=(.+)\|(.+)$/, (m) => `words “${m[1]} ${m[2]}”`],
  [/^ww[-+]=(.+)\|(.+)$/, (m) => `words “${m[1]} ${m[2]}”`],
  [/^w-1=(.+)$/, (m) => `after “${m[1]}”`],
  [/^w\+1=(.+)$/, (m) => `before “${m[1]}”`],
  [/^[fl]=(.+)$/, (m) => `word “${m[1]}”`],
  [/^cb2?=(.+)$/, (m) => `after “${m[1]}”`],
  [/^ca=(.+)$/, (m) => `before “${m[1]}”`],
  [/^rep=(<=1|0)(\|.*)?$/, () => ''],
  [/^lrep=(<=1|0)$/, () => ''],
  [/^rep=(.+?)(\|.*)?$/, (m) => `repeated in the article (${m[1]} times)`],
  [/^lrep=(.+)$/, (m) => `a word repeated in the article (${m[1]} times)`],
  [/^sp=(\d)(\|.*)?$/, (m) => `sentence propaganda score ${m[1]}/9`],
  [/^quoted.*$/, () => 'in quotation marks'],
  [/^allcaps$/, () => 'in capitals'],
  [/^has!$|^s!$/, () => 'exclamation'],
  [/^has\?$|^s\?$/, () => 'question'],
  [/^title$/, () => 'in the title'],
  [/^we$/, () => 'first person plural'],
  [/^you$/, () => 'addresses the reader'],
];

/** Descriptions already made: the same few thousand features explain most spans, and each costs up to two dozen regex tests. */
const described = new Map<string, string | null>();
/** Descriptions kept at most, so a stream of distinct words cannot grow the memo without bound. */
const DESCRIBED_LIMIT = 100_000;

/** A reader-facing name for a feature, or null for features that say nothing on their own (POS, shape, position). */
export function describeFeature(feature: string): string | null {
  let said = described.get(feature);
  if (said === undefined) {
    if (described.size >= DESCRIBED_LIMIT) described.clear();
    described.set(feature, (said = describeAfresh(feature)));
  }
  return said;
}

function describeAfresh(feature: string): string | null {
  // A bare punctuation mark or a one-letter word explains nothing to a reader.
  if (/^(?:w|l|u|f)=(?:[^\p{L}\p{N}]*|\p{L})$/u.test(feature)) return null;
  for (const [re, say] of PREFIXES) {
    const m = feature.match(re);
    if (m) return say(m) || null;
  }
  return null;
}

/** The first `limit` distinct descriptions of the strongest positive features. */
export function describeTop(contributions: Iterable<readonly [string, number]>, limit = 3): string[] {
  const out: string[] = [];
  for (const [feature, weight] of contributions) {
    if (weight <= 0 || out.length >= limit) break;
    const said = describeFeature(feature);
    if (said && !out.includes(said)) out.push(said);
  }
  return out;
}

/** Descriptions by feature id, per model index: the names of a model's features never change. */
const byIndex = new WeakMap<object, Map<number, string | null>>();

/**
 * `describeTop` over features given by id in a model's index (`index`, whose `nameOf`
 * names an id): each id is named and described once per index, not once per span.
 */
export function describeTopIds(index: object, nameOf: (id: number) => string, contributions: Iterable<readonly [number, number]>, limit = 3): string[] {
  let known = byIndex.get(index);
  if (!known) byIndex.set(index, (known = new Map()));
  const out: string[] = [];
  for (const [id, weight] of contributions) {
    if (weight <= 0 || out.length >= limit) break;
    let said = known.get(id);
    if (said === undefined) known.set(id, (said = describeFeature(nameOf(id))));
    if (said && !out.includes(said)) out.push(said);
  }
  return out;
}

/** Keys `strongestFirst` picks one by one before it sorts the rest. */
const SELECTED = 16;

/**
 * The pairs of `keys` and `weights`, largest weight first, ties in the given order (a stable
 * sort's order), read lazily: an explanation reads a few (`describeTop`), so the first
 * SELECTED cost a scan each, and only a reader that goes on pays for sorting the rest.
 */
export function* strongestFirst<K>(keys: readonly K[], weights: readonly number[]): Generator<readonly [K, number]> {
  const n = keys.length;
  const taken = new Uint8Array(n);
  for (let read = 0; read < Math.min(n, SELECTED); read++) {
    let best = -1;
    for (let k = 0; k < n; k++) if (taken[k] === 0 && (best < 0 || weights[k]! > weights[best]!)) best = k;
    taken[best] = 1;
    yield [keys[best]!, weights[best]!];
  }
  if (n <= SELECTED) return;
  const rest: number[] = [];
  for (let k = 0; k < n; k++) if (taken[k] === 0) rest.push(k);
  rest.sort((a, b) => weights[b]! - weights[a]! || a - b);
  for (const k of rest) yield [keys[k]!, weights[k]!];
}
