import { foldString } from '../../src/provenance/outlet-fold.js';
import { STATE_AFFILIATED_TYPOLOGY, TYPOLOGIES, type OutletEntry, type OutletType, type SourcedFact, type Typology } from '../../src/provenance/outlet-entry.js';

/**
 * Turns the State Media Matrix CSV and the hand-curated file into the outlet list.
 * Pure: the caller reads and writes the files.
 */

export const CSV_REPO = 'https://github.com/ASD-at-GMF/state-media-profiles';
export const CSV_COMMIT = 'd878fee1e0aecce9bd63a65ae826df84c6d80e59';
export const csvRowUrl = (line: number): string => `${CSV_REPO}/blob/${CSV_COMMIT}/State_Media_Matrix.csv?plain=1#L${line}`;

export interface CuratedEntry {
  id: string;
  description: string;
  source: string;
  /** CSV groups ("Country|Asset name", after cleaning) folded into this entry. */
  csv?: string[];
  /** Names the CSV rows carry that are wrong or misleading for this outlet. */
  dropAliases?: string[];
  /** Longer phrases that contain an alias but do not mean the outlet ("Sputnik V"). */
  exclusions?: string[];
  name: string;
  aliases?: string[];
  ambiguousAliases?: string[];
  contextCues?: string[];
  country?: string | null;
  type?: OutletType | null;
  owner?: string | null;
  stateAffiliated?: boolean | null;
  typology?: Typology | null;
  parent?: string;
  sources?: Partial<Record<SourcedFact, string>>;
}

export interface CuratedFile {
  title: string;
  description: string;
  /** CSV country names that the English ICU region names do not match. */
  countries: Record<string, string>;
  /** Cue words per country code, used to resolve ambiguous aliases. */
  countryCues: Record<string, string[]>;
  /** Names too generic to link on their own ("Star", "Posta", "MTV"). */
  generic: string[];
  /** CSV groups that are not outlets (a note, a category). */
  exclude: string[];
  entries: CuratedEntry[];
}

export interface CsvRow {
  line: number;
  cells: string[];
}

interface Group {
  key: string;
  country: string;
  name: string;
  aliases: string[];
  rows: { line: number; company: string; url: string; typology: string; status: string; prefixType: OutletType | null }[];
}

export interface BuildResult {
  entries: OutletEntry[];
  warnings: string[];
  stats: { csvRows: number; groups: number; curated: number; fromCsvOnly: number; curatedOnly: number; ambiguousAliases: number };
}

const PREFIX_TYPES: [RegExp, OutletType][] = [
  [/^(print media|print)\s*:\s*/i, 'newspaper'],
  [/^television\s*:\s*/i, 'tv'],
  [/^radio\s*:\s*/i, 'radio'],
  [/^news agency\s*:\s*/i, 'agency'],
  [/^(online|news portals)\s*:\s*/i, 'website'],
];
const LANGUAGES = 'English|Chinese|French|Spanish|Japanese|Russian|Arabic|Korean|German|Portuguese|Urdu|Turkish|Farsi|Persian|Deutsch|Español|Français|Русский|العربية';
const EDITION_PAREN = new RegExp(`\\s*\\((?:${LANGUAGES}|[^)]*\\bedition)\\)$`, 'i');
const EDITION_SUFFIX = new RegExp(`\\s+(?:${LANGUAGES})$`, 'i');

/** Cleans a "Main assets" cell into a name, the variants it carries, and the type its prefix states. */
export function cleanAsset(raw: string): { name: string; aliases: string[]; edition: string | null; prefixType: OutletType | null } {
  let s = raw.replace(/\*+$/, '').trim();
  let prefixType: OutletType | null = null;
  // "Yicai Media Group (Television: Yicai TV" and "CBN Weekly)": the source split one cell in two.
  if (s.includes('(') && !s.includes(')')) s = s.slice(s.indexOf('(') + 1).trim();
  if (s.includes(')') && !s.includes('(')) s = s.replace(')', '').trim();
  for (const [re, type] of PREFIX_TYPES) {
    if (re.test(s)) {
      s = s.replace(re, '');
      prefixType = type;
      break;
    }
  }
  let edition: string | null = null;
  if (EDITION_PAREN.test(s) || (EDITION_SUFFIX.test(s) && s.split(/\s+/).length > 1)) {
    edition = s;
    s = s.replace(EDITION_PAREN, '').replace(EDITION_SUFFIX, '').trim();
  }
  const aliases: string[] = [];
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(s);
  if (paren) {
    s = paren[1]!.trim();
    const inner = paren[2]!.trim();
    // "(Control of the Houthi Supreme Political Council)", "(Focus on Crimea events)": notes, not names.
    if (!/^(control|controlled|under|formerly|currently)\b/i.test(inner) && inner.split(/\s+/).length <= 3) aliases.push(inner);
  }
  if (edition) aliases.push(edition);
  return { name: s, aliases, edition, prefixType };
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A type from the name and the company, when the prefix did not state one. */
export function inferType(name: string, company: string): OutletType | null {
  const n = name.toLowerCase();
  if (/\.(ru|com|net|org|info|hu|kz|su|tv|news|today|cn|az|by)\b/.test(n)) return 'website';
  const tv = /\b(tv|television|televisión|télévision|televizija|televisyon|telewizja|channel|kanal|canal)\b|tv\d*$|\btv\d/.test(n) || /^(tv|tele)/.test(n);
  const radio = /\b(radio|fm|radyo|ràdio|rádio|radiosi|betar)\b/.test(n);
  if (tv && radio) return 'broadcaster';
  if (/\b(news agency|agency|agence|agencia|agenzia|press agency|nachrichtenagentur)\b/.test(n)) return 'agency';
  if (tv) return 'tv';
  if (radio) return 'radio';
  if (/\b(daily|times|gazette|gazeta|gazete|gazetesi|herald|post|pravda|tribune|journal|sinmun|bao|ribao|zeitung|observer|mail|courier|courrier|reporter|diario|diário|review|weekly|novosti|sinbo|shimbun|newspaper)\b/.test(n)) return 'newspaper';
  const c = company.toLowerCase();
  if (/news agency|press agency|\bagence\b|\bagencia\b/.test(c)) return 'agency';
  if (/broadcast|radio.{0,5}tele|rundfunk|radiotelevis|omroep|radiodifusi/.test(c)) return 'broadcaster';
  if (/newspaper|publishing|press\b/.test(c)) return 'newspaper';
  return null;
}

function normaliseUrl(url: string): string | null {
  const u = url.trim();
  if (!u) return null;
  return /^https?:\/\//i.test(u) ? u : `https://${u.replace(/^\/+/, '')}`;
}

function countryResolver(extra: Record<string, string>): { code: (name: string) => string; name: (code: string) => string } {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      // Deprecated codes (SU, UK, YU) canonicalise to their successors; keep only canonical ones.
      if (name && name !== code && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) byName.set(name.toLowerCase(), code);
    }
  }
  for (const [name, code] of Object.entries(extra)) byName.set(name.toLowerCase(), code);
  return {
    code: (name) => {
      const code = byName.get(name.trim().toLowerCase());
      if (!code) throw new Error(`country "${name}" has no ISO code: add it under countries: in the curated file`);
      return code;
    },
    name: (code) => (code === 'EU' ? 'European Union' : (names.of(code) ?? code)),
  };
}

const TYPOLOGY_WORDS: Record<Typology, string> = {
  SC: 'state-controlled',
  CaPu: 'captured public (state-managed)',
  CaPr: 'captured private',
  ISFM: 'independent state-funded and state-managed',
  IP: 'independent public',
  ISF: 'independent state-funded',
  ISM: 'independent state-managed',
};

function parseTypology(raw: string): { typology: Typology | null; note?: string } {
  const t = raw.trim();
  if (!t) return { typology: null, note: 'no typology in the source row' };
  const bare = t.replace(/\?$/, '') as Typology;
  if (!TYPOLOGIES.includes(bare)) throw new Error(`unknown typology "${raw}"`);
  return bare === t ? { typology: bare } : { typology: bare, note: `coded "${t}" (uncertain) in the source` };
}

export function buildOutlets(csv: CsvRow[], curated: CuratedFile): BuildResult {
  const warnings: string[] = [];
  const countries = countryResolver(curated.countries ?? {});
  const [header, ...rows] = csv;
  if (!header || header.cells[1] !== 'Country' || header.cells[3] !== 'Main assets' || header.cells[5] !== 'Typology') {
    throw new Error('not the State Media Matrix CSV: expected a header Region,Country,Media company,Main assets,URL,Typology,...');
  }

  // 1. Group CSV rows by country and cleaned asset name (the source repeats assets once per website).
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const [, country = '', company = '', asset = '', url = '', typology = '', status = ''] = row.cells.map((c) => c.trim());
    if (!asset || !country) {
      warnings.push(`line ${row.line}: no asset or country, skipped`);
      continue;
    }
    const clean = cleanAsset(asset);
    if (!clean.name) continue;
    const key = `${country}|${clean.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, country, name: clean.name, aliases: [], rows: [] };
      groups.set(key, group);
    }
    for (const a of clean.aliases) if (!group.aliases.includes(a)) group.aliases.push(a);
    group.rows.push({ line: row.line, company: company.replace(/\*+$/, '').trim(), url, typology, status, prefixType: clean.prefixType });
  }
  for (const key of curated.exclude ?? []) {
    if (!groups.delete(key)) throw new Error(`exclude: no CSV group "${key}"`);
  }

  const generic = new Set((curated.generic ?? []).map((g) => foldString(g)));
  const countryNames = new Set<string>();
  for (const g of groups.values()) countryNames.add(foldString(g.country));
  const isGeneric = (alias: string): boolean =>
    generic.has(foldString(alias)) || countryNames.has(foldString(alias)) || /^[\p{Lu}\p{N}]{1,2}$/u.test(alias) || /^\d+$/.test(alias) || alias.length < 2;

  const entries: OutletEntry[] = [];
  const explicit = new Map<string, Set<string>>(); // entry id -> aliases a curator wrote
  const ids = new Set<string>();
  const claim = (id: string): string => {
    if (ids.has(id)) throw new Error(`duplicate id ${id}`);
    ids.add(id);
    return id;
  };

  const factsFromGroups = (gs: Group[]) => {
    const first = gs[0]!.rows[0]!;
    const url = csvRowUrl(first.line);
    const parsed = parseTypology(first.typology);
    const notes: string[] = parsed.note ? [parsed.note] : [];
    const all = gs.flatMap((g) => g.rows);
    const disagree = all.filter((r) => parseTypology(r.typology).typology !== parsed.typology);
    if (disagree.length) notes.push(`source rows disagree (${[first, ...disagree].map((r) => `${r.typology || 'blank'} on line ${r.line}`).join(', ')}); the first is used`);
    const owner = first.company && foldString(first.company).toLowerCase() !== foldString(gs[0]!.name).toLowerCase() ? first.company : null;
    const type = first.prefixType ?? inferType(gs[0]!.name, first.company);
    const urls = [...new Set(all.map((r) => normaliseUrl(r.url)).filter((u): u is string => u !== null))];
    const inactive = all.filter((r) => r.status).map((r) => `${r.status} (line ${r.line})`);
    return {
      url,
      country: countries.code(gs[0]!.country),
      countryName: gs[0]!.country,
      typology: parsed.typology,
      stateAffiliated: parsed.typology ? STATE_AFFILIATED_TYPOLOGY[parsed.typology] : null,
      typologyNote: notes.length ? notes.join('; ') : undefined,
      owner,
      type,
      urls,
      lines: all.map((r) => r.line),
      status: inactive.length ? inactive.join('; ') : undefined,
    };
  };  /** The fields every entry takes from its CSV rows, whether or not it is also curated. */
  const csvFields = (f: ReturnType<typeof factsFromGroups>) => ({
    stateAffiliated: f.stateAffiliated,
    typology: f.typology,
    ...(f.typologyNote ? { typologyNote: f.typologyNote } : {}),
    ...(f.status ? { status: f.status } : {}),
    urls: f.urls,
    csvLines: f.lines,
  });


  // 2. Curated entries: fold their CSV groups in, then override with what the curator wrote.
  const used = new Set<string>();
  for (const c of curated.entries) {
    const gs = (c.csv ?? []).map((key) => {
      const g = groups.get(key);
      if (!g) throw new Error(`curated ${c.id}: no CSV group "${key}"`);
      if (used.has(key)) throw new Error(`curated ${c.id}: CSV group "${key}" is already folded into another entry`);
      used.add(key);
      return g;
    });
    const id = claim(c.id);
    const declaredAmbiguous = new Set((c.ambiguousAliases ?? []).map(foldString));
    const aliases = new Set<string>([c.name, ...(c.aliases ?? [])].filter((a) => !declaredAmbiguous.has(foldString(a))));
    explicit.set(id, new Set(aliases));
    const sources: Partial<Record<SourcedFact, string>> = {};
    let entry: OutletEntry;
    if (gs.length) {
      const f = factsFromGroups(gs);
      for (const g of gs) for (const a of [g.name, ...g.aliases]) aliases.add(a);
      sources.country = f.url;
      sources.typology = f.url;
      sources.stateAffiliated = f.url;
      if (c.typology !== undefined || c.stateAffiliated !== undefined) throw new Error(`curated ${c.id}: typology and stateAffiliated come from the CSV rows it folds in`);
      const owner = c.owner !== undefined ? c.owner : f.owner;
      if (owner !== null) sources.owner = c.owner !== undefined ? c.source : f.url;
      const type = c.type !== undefined ? c.type : f.type;
      if (type !== null) sources.type = c.type !== undefined ? c.source : f.url;
      entry = {
        id,
        name: c.name,
        description: c.description,
        source: c.source,
        aliases: [],
        country: c.country !== undefined ? c.country : f.country,
        type,
        owner,
        ...csvFields(f),
        sources,
      };
      if (c.country !== undefined) sources.country = c.source;
    } else {
      if (c.country === undefined || c.stateAffiliated === undefined) throw new Error(`curated ${c.id}: without CSV rows it needs country and stateAffiliated`);
      const typology = c.typology ?? null;
      for (const fact of ['country', 'owner', 'stateAffiliated', 'typology', 'type'] as const) {
        const value = fact === 'typology' ? typology : c[fact];
        if (value !== null && value !== undefined) sources[fact] = c.source;
      }
      entry = {
        id,
        name: c.name,
        description: c.description,
        source: c.source,
        aliases: [],
        country: c.country,
        type: c.type ?? null,
        owner: c.owner ?? null,
        stateAffiliated: c.stateAffiliated,
        typology,
        sources,
      };
    }
    Object.assign(entry.sources, c.sources ?? {});
    if (c.parent) entry.parent = c.parent;
    const dropped = new Set([...(c.dropAliases ?? []), ...(c.ambiguousAliases ?? [])].map(foldString));
    entry.aliases = [...aliases].filter((a) => !dropped.has(foldString(a)) || explicit.get(id)!.has(a));
    if (c.exclusions?.length) entry.exclusions = [...c.exclusions];
    if (c.ambiguousAliases?.length) entry.ambiguousAliases = [...c.ambiguousAliases];
    if (c.contextCues?.length) entry.contextCues = [...c.contextCues];
    entries.push(entry);
  }

  // 3. Every other CSV group becomes its own entry.
  let fromCsvOnly = 0;
  for (const g of groups.values()) {
    if (used.has(g.key)) continue;
    const f = factsFromGroups([g]);
    let id = slug(g.name) || `outlet-${f.lines[0]}`;
    if (ids.has(id)) id = `${id}-${f.country.toLowerCase()}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(g.name) || 'outlet'}-${f.country.toLowerCase()}-${n}`;
    claim(id);
    const sources: Partial<Record<SourcedFact, string>> = { country: f.url, typology: f.url, stateAffiliated: f.url };
    if (f.owner !== null) sources.owner = f.url;
    if (f.type !== null) sources.type = f.url;
    const what = f.typology ? TYPOLOGY_WORDS[f.typology] : 'state-affiliated (typology not coded)';
    entries.push({
      id,
      name: g.name,
      description: `${g.name}: ${what} media${f.owner ? ` of ${f.owner}` : ''} in ${f.countryName}, as listed in the ASD State Media Profiles.`,
      source: f.url,
      aliases: [g.name, ...g.aliases],
      country: f.country,
      type: f.type,
      owner: f.owner,
      ...csvFields(f),
      sources,
    });
    fromCsvOnly++;
  }

  // 4. Aliases: generic names are never linked alone; a name two outlets share is ambiguous
  //    unless a curator gave it to exactly one of them.
  const owners = new Map<string, Set<string>>();
  for (const e of entries) {
    const mine = explicit.get(e.id);
    e.aliases = dedupe(e.aliases).filter((a) => mine?.has(a) || !isGeneric(a));
    for (const a of [...e.aliases, ...(e.ambiguousAliases ?? [])]) {
      const k = foldString(a);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(e.id);
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  let ambiguousCount = 0;
  for (const [k, idSet] of owners) {
    if (idSet.size < 2) continue;
    const claimants = [...idSet].filter((id) => [...(explicit.get(id) ?? [])].some((a) => foldString(a) === k));
    if (claimants.length > 1) {
      const declared = claimants.every((id) => byId.get(id)!.ambiguousAliases?.some((a) => foldString(a) === k));
      if (!declared) throw new Error(`alias "${k}" is claimed by curated entries ${claimants.join(', ')}: declare it under ambiguousAliases`);
    }
    for (const id of idSet) {
      const e = byId.get(id)!;
      const isMine = foldString(e.name) === k || e.aliases.some((a) => foldString(a) === k) || e.ambiguousAliases?.some((a) => foldString(a) === k);
      if (!isMine) continue;
      const original = [...e.aliases, ...(e.ambiguousAliases ?? [])].find((a) => foldString(a) === k)!;
      e.aliases = e.aliases.filter((a) => foldString(a) !== k);
      if (claimants.length === 1) {
        if (id === claimants[0]) e.aliases.push(original);
        continue;
      }
      e.ambiguousAliases = dedupe([...(e.ambiguousAliases ?? []), original]);
    }
    if (claimants.length !== 1) ambiguousCount++;
  }

  // 5. Cues to resolve ambiguous names: the curator's, or else the country's and the country name.
  for (const e of entries) {
    if (e.ambiguousAliases?.length === 0) delete e.ambiguousAliases;
    if (!e.ambiguousAliases) {
      delete e.contextCues;
      continue;
    }
    // A curator's cues replace the country's: "Putin" says nothing about which "60 Minutes" is meant.
    const cues = e.contextCues?.length ? e.contextCues : [...(e.country ? (curated.countryCues?.[e.country] ?? []) : []), ...(e.country ? [countries.name(e.country)] : [])];
    e.contextCues = dedupe(cues);
  }
  for (const e of entries) if (e.aliases.length === 0 && !e.ambiguousAliases) warnings.push(`${e.id}: "${e.name}" is generic and has no other alias, so it is never linked`);

  return {
    entries,
    warnings,
    stats: {
      csvRows: rows.length,
      groups: groups.size,
      curated: curated.entries.length,
      fromCsvOnly,
      curatedOnly: curated.entries.filter((c) => !c.csv?.length).length,
      ambiguousAliases: ambiguousCount,
    },
  };
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = foldString(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

