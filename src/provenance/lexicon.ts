import { join } from 'node:path';
import { UnspinError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { loadRuleFile, type RuleEntry, type RuleFile } from '../core/rules.js';
import { OUTLET_TYPES, type OutletType } from './outlet-entry.js';

export type Gender = 'm' | 'f' | 'any';

export interface CueVerb {
  /** Rule id in data/provenance/cue-verbs.yml. */
  id: string;
  verb: string;
  /** speech and thought verbs report a clause; naming verbs ("called it “…”") only a quotation. */
  cls: 'speech' | 'thought' | 'naming';
  /** The verb's object is the listener ("told reporters"), never the speaker. */
  takesListener: boolean;
  /** Only a cue right next to a direct quote ("she continued"). */
  quoteOnly: boolean;
  /** A noun-phrase object is what was said ("denied any improper role"). */
  objectIsContent: boolean;
  /** A cue only right before "that" or a colon ("posted that …"; not "posted a video"). */
  needsThat: boolean;
  /** Capitalised after a name in a title-case headline, the verb is the cue ("Rubio Says …"). */
  headline: boolean;
}

export interface PronounInfo {
  id: string;
  gender: Gender;
  refers: 'person' | 'group' | 'organisation' | 'self';
}

export interface TitleInfo {
  id: string;
  gender: Gender;
  kind: 'honorific' | 'title' | 'gender' | 'role';
}

export interface PhraseCue {
  id: string;
  words: string[];
  role: 'source' | 'outlet' | 'listener';
}

/** Everything the provenance rules read from data/provenance, indexed by lower-cased word. */
export interface ProvenanceLexicon {
  cueVerbs: Map<string, CueVerb>;
  pronouns: Map<string, PronounInfo>;
  /** A word may be several things at once (e.g. "spokesman": a role and masculine). */
  titles: Map<string, TitleInfo[]>;
  givenNames: Map<string, Gender>;
  organisationWords: Set<string>;
  /** Nouns that refer back to an outlet, with the kinds of outlet each can stand for (empty: any). */
  outletWords: Map<string, readonly OutletType[]>;
  phrases: PhraseCue[];
  workTitleWords: Set<string>;
  /** Words that narrow a title ("foreign" minister, "deputy" minister): data/provenance/title-modifiers.yml. */
  titleModifiers: Map<string, 'rank' | 'portfolio'>;
  /** Abbreviated titles and the word they stand for ("sen." → "senator"). */
  titleAbbreviations: Map<string, string>;
  /** Words that move the narration to another occasion than an interview ("later", "rally"). */
  occasionWords: Set<string>;
  /** Nouns of groups and documents that "it" can stand for ("the opposition", "the report"). */
  collectiveWords: Set<string>;
}

/** The raw rule files, so tests can hand in tiny ones. */
export interface ProvenanceRuleFiles {
  cueVerbs: RuleFile;
  pronouns: RuleFile;
  titles: RuleFile;
  givenNames: RuleFile;
  organisations: RuleFile;
  phrases: RuleFile;
  workTitles: RuleFile;
  titleModifiers: RuleFile;
  occasions: RuleFile;
  collectives: RuleFile;
}

let cached: ProvenanceLexicon | undefined;

/** The shipped lexicon, read once from data/provenance/*.yml. */
export function defaultLexicon(): ProvenanceLexicon {
  cached ??= buildLexicon(loadDefaultRuleFiles());
  return cached;
}

export function loadDefaultRuleFiles(dir = dataPath('provenance')): ProvenanceRuleFiles {
  const file = (name: string, fields: string[]) => loadRuleFile(join(dir, name), fields);
  return {
    cueVerbs: file('cue-verbs.yml', ['class', 'forms']),
    pronouns: file('pronouns.yml', ['forms', 'gender', 'refers']),
    titles: file('titles.yml', ['words', 'gender', 'kind']),
    givenNames: file('first-names.yml', ['names', 'gender']),
    organisations: file('organisations.yml', ['words', 'kind']),
    phrases: file('phrases.yml', ['words', 'role']),
    workTitles: file('work-titles.yml', ['words']),
    titleModifiers: file('title-modifiers.yml', ['words', 'class']),
    occasions: file('occasions.yml', ['words']),
    collectives: file('collectives.yml', ['words']),
  };
}

export function buildLexicon(files: ProvenanceRuleFiles): ProvenanceLexicon {
  const lower = (e: RuleEntry, field: string) => (e[field] as unknown[]).map((w) => String(w).toLowerCase());
  const cueVerbs = new Map<string, CueVerb>();
  for (const e of files.cueVerbs.entries) {
    const forms = lower(e, 'forms');
    const info: CueVerb = { id: e.id, verb: forms[0]!, cls: e.class === 'thought' || e.class === 'naming' ? e.class : 'speech', takesListener: e.object === true, quoteOnly: e.quoteOnly === true, objectIsContent: e.objectIsContent === true, needsThat: e.needsThat === true, headline: e.headline === true };
    for (const f of forms) if (!cueVerbs.has(f)) cueVerbs.set(f, info);
  }
  const pronouns = new Map<string, PronounInfo>();
  for (const e of files.pronouns.entries) {
    for (const f of lower(e, 'forms')) pronouns.set(f, { id: e.id, gender: gender(e.gender), refers: e.refers as PronounInfo['refers'] });
  }
  const titles = new Map<string, TitleInfo[]>();
  for (const e of files.titles.entries) {
    for (const w of lower(e, 'words')) {
      const list = titles.get(w) ?? [];
      list.push({ id: e.id, gender: gender(e.gender), kind: e.kind as TitleInfo['kind'] });
      titles.set(w, list);
    }
  }
  const givenNames = new Map<string, Gender>();
  for (const e of files.givenNames.entries) for (const n of lower(e, 'names')) givenNames.set(n, gender(e.gender));
  const organisationWords = new Set<string>();
  const outletWords = new Map<string, readonly OutletType[]>();
  for (const e of files.organisations.entries) {
    const types = outletTypesOf(e);
    for (const w of lower(e, 'words')) {
      if (e.kind === 'outlet') outletWords.set(w, types);
      else organisationWords.add(w);
    }
  }
  const phrases = files.phrases.entries.map((e) => ({ id: e.id, words: lower(e, 'words'), role: e.role as PhraseCue['role'] }));
  const workTitleWords = new Set(files.workTitles.entries.flatMap((e) => lower(e, 'words')));
  const titleModifiers = new Map<string, 'rank' | 'portfolio'>();
  const titleAbbreviations = new Map<string, string>();
  for (const e of files.titleModifiers.entries) {
    const words = lower(e, 'words');
    if (e.class === 'abbreviation') {
      const means = Array.isArray(e.means) ? e.means.map((w) => String(w).toLowerCase()) : [];
      if (means.length !== words.length) throw new UnspinError('MODEL_INVALID', `title-modifiers.yml: entry ${e.id}: "means" needs one word per abbreviation`);
      words.forEach((w, k) => titleAbbreviations.set(w, means[k]!));
    } else for (const w of words) titleModifiers.set(w, e.class === 'rank' ? 'rank' : 'portfolio');
  }
  return { cueVerbs, pronouns, titles, givenNames, organisationWords, outletWords, phrases, workTitleWords, titleModifiers, titleAbbreviations, occasionWords: new Set(files.occasions.entries.flatMap((e) => lower(e, 'words'))), collectiveWords: new Set(files.collectives.entries.flatMap((e) => lower(e, 'words'))) };
}

function gender(value: unknown): Gender {
  return value === 'm' || value === 'f' ? value : 'any';
}

/** An outlet noun's `outletTypes` (none: any kind), each one of the outlet records' types. */
function outletTypesOf(e: RuleEntry): readonly OutletType[] {
  if (e.outletTypes === undefined) return [];
  const types = e.outletTypes;
  if (e.kind !== 'outlet' || !Array.isArray(types) || types.length === 0 || types.some((t) => !(OUTLET_TYPES as readonly unknown[]).includes(t))) {
    throw new UnspinError('MODEL_INVALID', `organisations.yml: entry ${e.id}: "outletTypes" needs kind outlet and a non-empty list of ${OUTLET_TYPES.join(', ')}`);
  }
  return types as OutletType[];
}

