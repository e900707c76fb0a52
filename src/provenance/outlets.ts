import { readFileSync } from 'node:fs';
import { digestOf, settledStamp, unchangedSince } from '../core/data-file.js';
import { UnspinError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { validateRuleFile, type RuleFile } from '../core/rules.js';
import type { Outlet, Span } from '../core/types.js';
import { foldString, wordClass } from './outlet-fold.js';
import { validateOutletEntries, type OutletEntry, type OutletType } from './outlet-entry.js';
import { compileOutletMatcher, type RawMatch } from './outlet-matcher.js';

/** What a finder needs per outlet; tests hand in a few of these, the default is data/outlets/outlets.json. */
export interface OutletSpec {
  id: string;
  name: string;
  aliases: readonly string[];
  ambiguousAliases?: readonly string[];
  exclusions?: readonly string[];
  contextCues?: readonly string[];
  country?: string | null;
  owner?: string | null;
  stateAffiliated?: boolean | null;
  typology?: string | null;
  /** The channel a programme belongs to: naming the channel settles which programme an ambiguous title means. */
  parent?: string;
}

export type OutletFinder = (text: string) => Outlet[];

/**
 * Compiles the names once and returns a finder. A name several outlets share ("ABC",
 * "NTV") is linked only when the text settles it: one of the candidates (or the channel
 * a programme belongs to) is named unambiguously elsewhere in the text, or the context cues of exactly one candidate
 * (its country, its city, its presenters) occur in the text. Otherwise it is left
 * out: a wrong link to a state outlet would mislead more than a missing one.
 */
export function createOutletFinder(outlets: readonly OutletSpec[]): OutletFinder {
  const byId = new Map<string, OutletSpec>();
  for (const o of outlets) {
    if (!o || typeof o.id !== 'string' || !o.id) throw new UnspinError('MODEL_INVALID', 'outlet list: every outlet needs an id');
    if (byId.has(o.id)) throw new UnspinError('MODEL_INVALID', `outlet list: duplicate id ${o.id}`);
    if (!Array.isArray(o.aliases)) throw new UnspinError('MODEL_INVALID', `outlet list: ${o.id} needs an aliases list`);
    byId.set(o.id, o);
  }
  const matcher = compileOutletMatcher(outlets);

  return (text: string): Outlet[] => {
    const matches = matcher.match(text);
    if (matches.length === 0) return [];
    const named = new Set(matches.filter((m) => !m.ambiguous).flatMap((m) => m.ids));
    const cues = cueChecker(text, matches);
    const linked: { span: Span; id: string }[] = [];
    for (const m of matches) {
      const id = m.ambiguous ? resolve(m, named, (o) => (o.contextCues ?? []).some(cues), byId) : m.ids[0];
      if (id) linked.push({ span: { start: m.start, end: m.end }, id });
    }
    const result = new Map<string, Outlet>();
    for (const { span, id } of linked) {
      let outlet = result.get(id);
      if (!outlet) {
        const o = byId.get(id)!;
        outlet = {
          id,
          name: o.name,
          country: o.country ?? null,
          stateAffiliated: o.stateAffiliated ?? null,
          typology: o.typology ?? null,
          owner: o.owner ?? null,
          mentions: [],
        };
        result.set(id, outlet);
      }
      outlet.mentions.push(span);
    }
    return [...result.values()];
  };
}

function resolve(m: RawMatch, named: Set<string>, hasCue: (o: OutletSpec) => boolean, byId: Map<string, OutletSpec>): string | undefined {
  const alreadyNamed = m.ids.filter((id) => named.has(id) || named.has(byId.get(id)!.parent ?? ''));
  if (alreadyNamed.length === 1) return alreadyNamed[0];
  const pool = alreadyNamed.length > 1 ? alreadyNamed : m.ids;
  const cued = pool.filter((id) => hasCue(byId.get(id)!));
  return cued.length === 1 ? cued[0] : undefined;
}

/**
 * Whether a cue word occurs in the text as a whole word outside the outlet names
 * themselves ("New York" in "The New York Times" says nothing about "ABC").
 */
function cueChecker(text: string, names: readonly Span[]): (cue: string) => boolean {
  let folded: string | undefined;
  const seen = new Map<string, boolean>();
  return (cue) => {
    let hit = seen.get(cue);
    if (hit !== undefined) return hit;
    folded ??= foldString(text);
    const key = foldString(cue);
    hit = false;
    for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
      const before = at > 0 ? wordClass(folded.charCodeAt(at - 1)) : 0;
      const after = at + key.length < folded.length ? wordClass(folded.charCodeAt(at + key.length)) : 0;
      const insideName = names.some((n) => at < n.end && at + key.length > n.start);
      if (before !== 1 && after !== 1 && !insideName) {
        hit = true;
        break;
      }
    }
    seen.set(cue, hit);
    return hit;
  };
}

/**
 * Reads an outlet file. The shipped one is JSON (valid YAML too) because the YAML
 * parser needs half a second for a thousand entries and JSON.parse a hundredth of that.
 */
export function loadOutletEntries(path = dataPath('outlets', 'outlets.json')): RuleFile<OutletEntry> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read the outlet list (${(cause as Error).message})`, { input: path, cause });
  }
  return validateOutletEntries(validateRuleFile(doc, path, ['name', 'sources']), path);
}

/** What the default finder and `defaultOutletType` read of an outlet entry. */
export type ShippedOutlet = OutletSpec & { type?: OutletType | null };

const SHIPPED_FIELDS = ['id', 'name', 'aliases', 'ambiguousAliases', 'exclusions', 'contextCues', 'country', 'owner', 'stateAffiliated', 'typology', 'parent', 'type'] as const;

/** The fields of each entry that the finder reads, in the list's order. */
export function shippedOutlets(entries: readonly OutletEntry[]): ShippedOutlet[] {
  return entries.map((e) => {
    const out: Record<string, unknown> = {};
    for (const f of SHIPPED_FIELDS) if (e[f] !== undefined) out[f] = e[f];
    return out as unknown as ShippedOutlet;
  });
}

/**
 * The shipped list as the finder reads it, compiled by `npm run build:data`
 * (data/compiled/outlet-specs.json): reading, parsing and checking the whole list (1.3 MB,
 * mostly sources and URLs) took 30 to 50 ms of CPU in every process and thread; its
 * compiled form holds only the fields above, about a tenth of it. It records the list's
 * digest and settled stamp (src/core/data-file.ts) and is used while the list has either.
 */
export interface CompiledOutlets {
  digest: string;
  stamp?: string;
  /** The fields kept (SHIPPED_FIELDS when it was compiled): a finder that reads more compiles afresh. */
  fields: string[];
  outlets: ShippedOutlet[];
}

export function compiledOutletsPath(): string {
  return dataPath('compiled', 'outlet-specs.json');
}

/** The compiled form of an outlet list, for `npm run build:data` (stamped before it is read). */
export function compileOutlets(path = dataPath('outlets', 'outlets.json')): CompiledOutlets {
  const stamp = settledStamp(path);
  const text = readFileSync(path, 'utf8');
  const entries = loadOutletEntries(path).entries;
  return { digest: digestOf(text), ...(stamp ? { stamp } : {}), fields: [...SHIPPED_FIELDS], outlets: shippedOutlets(entries) };
}

/** The compiled list when it is fresh for the list at `source`; else null. */
export function readCompiledOutlets(path = compiledOutletsPath(), source = dataPath('outlets', 'outlets.json')): ShippedOutlet[] | null {
  let compiled: CompiledOutlets;
  try {
    compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledOutlets;
  } catch {
    return null;
  }
  if (!Array.isArray(compiled.outlets) || compiled.fields?.join() !== SHIPPED_FIELDS.join()) return null;
  return unchangedSince(source, compiled) ? compiled.outlets : null;
}

let defaultEntries: readonly ShippedOutlet[] | undefined;
let defaultFinder: OutletFinder | undefined;
let defaultTypes: Map<string, OutletType | null> | undefined;

function shippedEntries(): readonly ShippedOutlet[] {
  defaultEntries ??= readCompiledOutlets() ?? shippedOutlets(loadOutletEntries().entries);
  return defaultEntries;
}

/** Outlets and programmes cited in the text, each linked to its entry in data/outlets/outlets.json. */
export function findOutlets(text: string): Outlet[] {
  defaultFinder ??= createOutletFinder(shippedEntries());
  return defaultFinder(text);
}

/** The kind of outlet (agency, tv, newspaper …) an id of data/outlets/outlets.json has, or null. */
export function defaultOutletType(id: string): OutletType | null {
  defaultTypes ??= new Map(shippedEntries().map((e) => [e.id, e.type ?? null]));
  return defaultTypes.get(id) ?? null;
}
