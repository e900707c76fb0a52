import type { Outlet, Span } from '../core/types.js';
import type { OutletType } from './outlet-entry.js';
import type { ProvenanceContext } from './context.js';
import type { Gender } from './lexicon.js';
import { describeRole, roleText, rolesAgree, type Role } from './roles.js';
import { DATE_WORDS } from './subjects.js';
import { v2Lexicon } from './v2-lexicon.js';
import { partitionPoint } from '../core/spans.js';
import { IndexedList } from '../core/indexed-list.js';

/** `author`: the writer, speaking in the first person; never an antecedent of he, she, it or they. */
export type EntityKind = 'person' | 'organisation' | 'outlet' | 'group' | 'place' | 'author' | 'unknown';

/** Someone or something that can speak: a person, an organisation, an outlet or a described role. */
export interface Entity {
  n: number;
  name: string;
  kind: EntityKind;
  gender: Gender;
  given: string | null;
  surname: string | null;
  /** The offices seen with the name, with their modifiers ("president" from "President Tokayev", "Swedish foreign minister"). */
  roles: Role[];
  outletId: string | null;
  /** Head noun of a described speaker ("opposition" in "the opposition"); null for names. */
  head: string | null;
  mentions: Span[];
}

export interface Mention extends Span {
  entity: Entity;
  /** The listener of a cue ("told Anna Petrova"): a weak antecedent for pronouns. */
  listener: boolean;
}

const LISTENER_WORDS = new Set(['with', 'to']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'to', 'into', 'throughout']);
const MONTH_NAMES = new Set(['may', 'april', 'june', 'august']);

/**
 * The people and organisations named in the text, each name linked to one entity:
 * "Kassym-Jomart Tokayev", "Tokayev" and "Mr. Tokayev" are one person; "Bill Clinton" and
 * "Hillary Clinton" are two, and a later "Clinton" goes to the one mentioned last.
 */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  /** Name mentions in text order (an IndexedList: a subject resolved late goes in at its place in O(log n), not by a splice). */
  private readonly list = new IndexedList<Mention>();
  /** Per entity: the starts of its mentions above, in order. */
  private readonly startsOf = new Map<Entity, IndexedList<number>>();
  /** Per role head ("minister"): the entities holding a role with that head. */
  private readonly byRoleHead = new Map<string, Entity[]>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byGiven = new Map<string, Entity[]>();
  private readonly byOutlet = new Map<string, Entity>();
  private readonly byDescription = new Map<string, Entity>();

  constructor(private readonly ctx: ProvenanceContext) {
    this.collectNames();
  }

  private create(name: string, kind: EntityKind): Entity {
    const e: Entity = { n: this.entities.length, name, kind, gender: 'any', given: null, surname: null, roles: [], outletId: null, head: null, mentions: [] };
    this.entities.push(e);
    return e;
  }

  /** One pass over the tokens: runs of capitalised proper nouns, with the titles before them. */
  private collectNames(): void {
    const { tokens, lexicon } = this.ctx;
    let i = 0;
    while (i < tokens.length) {
      if (!this.isNameToken(i)) {
        // Plural roles ("officials", "analysts") are groups a later "they" can refer to.
        const t = tokens[i]!;
        if (t.pos === 'NOUN' && t.norm.endsWith('s') && lexicon.titles.get(t.norm)?.some((x) => x.kind === 'role' || x.kind === 'title')) {
          this.addMention(this.described(t.text, 'group'), t);
        }
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && this.ctx.sameParagraph(j, j + 1) && (this.isNameToken(j + 1) || this.isNameJoiner(j + 1))) j++;
      while (j > i && !this.isNameToken(j)) j--;
      const entity = this.addNameRun(i, j);
      if (entity && (entity.kind === 'person' || entity.kind === 'unknown')) {
        const role = this.appositiveRole(i, j);
        if (role) {
          this.addRole(entity, role);
          if (entity.kind === 'unknown') entity.kind = 'person';
        }
      }
      i = j + 1;
    }
  }

  private isNameToken(i: number): boolean {
    const t = this.ctx.tokens[i]!;
    if (!this.ctx.isCapitalized(i) || !/\p{L}/u.test(t.text) || DATE_WORDS.has(t.norm) || t.norm === 'i' || t.pos === 'PRON') return false;
    if (t.pos === 'PROPN') return true;
    // Titles and honorifics before a name ("President", "Sen.") are often tagged NOUN.
    return this.ctx.lexicon.titles.has(t.norm) && this.isProperNoun(i + 1);
  }

  private isProperNoun(i: number): boolean {
    const t = this.ctx.tokens[i];
    return t !== undefined && this.ctx.isCapitalized(i) && t.pos === 'PROPN';
  }

  /** Hyphens inside a name ("Kassym-Jomart") and a lone initial's dot. */
  private isNameJoiner(i: number): boolean {
    const t = this.ctx.tokens[i]!;
    const prev = this.ctx.tokens[i - 1]!;
    const next = this.ctx.tokens[i + 1];
    if (next === undefined || !this.ctx.isCapitalized(i + 1)) return false;
    // "Ministry of Defence", "Bank of America"
    if (t.norm === 'of') return this.ctx.isCapitalized(i - 1) && (this.ctx.lexicon.organisationWords.has(prev.norm) || this.ctx.lexicon.titles.has(prev.norm));
    if (isPluralPossessive(this.ctx, i)) return this.organisationAhead(i + 1);
    return (t.text === '-' || t.text === '\u2010') && prev.end === t.start && next.start === t.end;
  }

  /** "the Farmers' Association": a plural possessive joins a name only when an organisation follows, not "the Democrats' Nancy Pelosi". */
  private organisationAhead(from: number): boolean {
    for (let k = from; k < this.ctx.tokens.length && k < from + 4 && this.ctx.isCapitalized(k); k++) {
      if (this.ctx.lexicon.organisationWords.has(this.ctx.tokens[k]!.norm)) return true;
    }
    return false;
  }

  private addNameRun(first: number, last: number): Entity | null {
    const { tokens, lexicon, text } = this.ctx;
    const span = { start: tokens[first]!.start, end: tokens[last]!.end };
    if (this.ctx.outletAt(span)) return null; // outlets are linked separately
    // The name starts after the last title, or at a known given name ("Kazakh President Kassym-Jomart Tokayev").
    let nameFirst = first;
    const titles: string[] = [];
    let gender: Gender = 'any';
    for (let k = first; k < last; k++) {
      const norm = tokens[k]!.norm;
      // "the Farmers' Association": a plural role that owns the name is part of it.
      const info = k + 1 <= last && isPluralPossessive(this.ctx, k + 1) ? undefined : lexicon.titles.get(norm);
      if (info) {
        titles.push(norm);
        for (const t of info) if (t.gender !== 'any') gender = t.gender;
        nameFirst = k + 1;
        // "Mayor of London Sadiq Khan": the "of" phrase after a title is its jurisdiction, part of
        // the office; the name starts at a known given name, else it is the run's last two words.
        if (tokens[k + 1]?.norm === 'of' && k + 2 < last) {
          const place = k + 2;
          let m = place + 1;
          while (m < last && !lexicon.givenNames.has(tokens[m]!.norm)) m++;
          nameFirst = m < last ? m : Math.max(place + 1, last - 1);
          k = nameFirst - 1;
        }
      } else if (lexicon.givenNames.has(norm)) {
        nameFirst = k;
        break;
      }
    }
    // A community on its own ("Migrants are arriving", "Iranians took to the streets"): no name,
    // so never a person a later "he" could stand for; a subject of its own when it speaks.
    if (first === last && community(tokens[first]!.norm)) return null;
    // A capitalised role on its own ("Officials said"): a group, not a name.
    if (first === last && lexicon.titles.get(tokens[first]!.norm)?.some((x) => x.kind === 'role' || x.kind === 'title')) {
      if (tokens[first]!.norm.endsWith('s')) this.addMention(this.described(tokens[first]!.text, 'group'), tokens[first]!);
      return null;
    }
    if (nameFirst > last) return null;
    // "in May", "April 4": a month that is also a given name.
    if (nameFirst === last && MONTH_NAMES.has(tokens[last]!.norm) && (tokens[last - 1]?.pos === 'ADP' || tokens[last + 1]?.pos === 'NUM')) return null;
    // Titles just before the run, in lower case ("Republican presidential candidate Ted Cruz").
    for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
      const info = lexicon.titles.get(tokens[k]!.norm);
      if (!info) break;
      titles.push(tokens[k]!.norm);
      for (const t of info) if (t.gender !== 'any' && gender === 'any') gender = t.gender;
    }
    // Tokens with nothing between them are one word ("Müller-Ødegaard", "Kassym-Jomart").
    const words: string[] = [];
    for (let k = nameFirst; k <= last; k++) {
      const norm = tokens[k]!.norm.replace(/[’']s$/, '');
      if (k > nameFirst && tokens[k - 1]!.end === tokens[k]!.start) words[words.length - 1] += norm;
      else if (this.ctx.isWord(k)) words.push(norm);
    }
    if (words.length === 0) return null;
    // The article belongs to a plural possessor, so to the name: "the Farmers' Association".
    let nameStart = nameFirst;
    if (nameFirst === first && tokens[first - 1]?.norm === 'the') {
      for (let k = first; k < last; k++) if (isPluralPossessive(this.ctx, k)) nameStart = first - 1;
    }
    const nameSpan = { start: tokens[nameStart]!.start, end: tokens[last]!.end };
    const name = text.slice(nameSpan.start, nameSpan.end);
    const isOrg = words.some((w) => lexicon.organisationWords.has(w) || lexicon.outletWords.has(w)) || (words.length === 1 && /^[A-Z]{2,}$/.test(name));
    const given = words.length > 1 ? words[0]! : null;
    const surname = words[words.length - 1]!;
    const givenGender = lexicon.givenNames.get(words[0]!);
    if (gender === 'any' && givenGender && (words.length > 1 || !this.bySurname.has(surname))) gender = givenGender;
    // A lone unknown name after "in", "from"... is a place ("met in Minsk").
    const place = words.length === 1 && titles.length === 0 && PLACE_PREPOSITIONS.has(tokens[first - 1]?.norm ?? '') && !this.bySurname.has(surname) && !this.byGiven.has(surname);
    // A person needs evidence: a title, a known given name, or (later) speaking as one.
    const kind: EntityKind = place ? 'place' : isOrg ? 'organisation' : titles.length > 0 || givenGender !== undefined ? 'person' : 'unknown';

    const entity = this.link(words, given, surname, gender, kind, name);
    const role = titles.length > 0 ? this.preNominalRole(first, nameFirst) : null;
    if (role) this.addRole(entity, role);
    const listener = this.isListenerPosition(first);
    this.addMention(entity, first === nameFirst ? nameSpan : span, listener);
    return entity;
  }

  /** The office named before a name: "Kazakh President", "the Swedish foreign minister", "former President". */
  private preNominalRole(first: number, nameFirst: number): Role | null {
    let from = first;
    while (from - 1 >= 0 && first - from < 4 && this.isRoleWord(from - 1) && !this.ctx.isCapitalized(from - 1)) from--;
    return describeRole(this.ctx.lexicon, this.norms(from, nameFirst - 1));
  }

  /**
   * A title set off by commas next to a name: after it ("Tokayev, the Kazakh president, spoke",
   * "Tokayev, the president of Kazakhstan,") or before it ("the Swedish foreign minister, Maria
   * Lindqvist, arrived"). The title must end with a title word and the commas must close.
   */
  private appositiveRole(first: number, last: number): Role | null {
    const { tokens, lexicon } = this.ctx;
    const closes = (k: number) => k >= tokens.length || /^[,;)\u2014]$/.test(tokens[k]!.text) || this.ctx.isSentenceEnd(k);
    if (tokens[last + 1]?.text === ',') {
      let k = last + 2;
      if (/^(the|a|an)$/.test(tokens[k]?.norm ?? '')) k++;
      const from = k;
      while (k < tokens.length && k - from < 6 && this.isRoleWord(k)) k++;
      const headEnd = k;
      if (headEnd > from && lexicon.titles.has(tokens[headEnd - 1]!.norm)) {
        // "the president of Kazakhstan"
        if (tokens[k]?.norm === 'of') {
          let m = k + 1;
          if (tokens[m]?.norm === 'the') m++;
          const start = m;
          while (m < tokens.length && m - start < 4 && this.ctx.isCapitalized(m) && tokens[m]!.pos === 'PROPN') m++;
          if (m > start) k = m;
        }
        if (closes(k) && this.ctx.sameParagraph(last, k - 1)) return describeRole(lexicon, this.norms(from, k - 1));
      }
    }
    if (first >= 2 && tokens[first - 1]!.text === ',' && closes(last + 1) && lexicon.titles.has(tokens[first - 2]!.norm)) {
      const to = first - 2;
      let k = to;
      while (k - 1 >= 0 && to - k < 5 && this.isRoleWord(k - 1) && !/^['’]s$/.test(tokens[k - 1]!.norm)) k--;
      const before = tokens[k - 1];
      const opens = before === undefined || /^(the|a|an|his|her|its|their)$/.test(before.norm) || /^['’]s$/.test(before.norm) || this.ctx.sentenceOf[k - 1] !== this.ctx.sentenceOf[k];
      if (opens) return describeRole(lexicon, this.norms(k, to));
    }
    return null;
  }

  /** A word that can be part of a title phrase: an adjective, a noun, a title or a possessive. */
  private isRoleWord(k: number): boolean {
    const t = this.ctx.tokens[k]!;
    if (this.ctx.lexicon.titles.has(t.norm) || this.ctx.lexicon.titleModifiers.has(t.norm)) return true;
    if (/^['’]s$/.test(t.norm)) return true;
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'NUM') return false;
    return !this.ctx.lexicon.cueVerbs.has(t.norm) || t.pos === 'NOUN';
  }

  private norms(from: number, to: number): string[] {
    const out: string[] = [];
    for (let k = from; k <= to; k++) out.push(this.ctx.tokens[k]!.norm);
    return out;
  }

  addRole(entity: Entity, role: Role): void {
    const text = roleText(role);
    if (!entity.roles.some((r) => roleText(r) === text)) {
      entity.roles.push(role);
      const holders = this.byRoleHead.get(role.head);
      if (!holders) this.byRoleHead.set(role.head, [entity]);
      else if (!holders.includes(entity)) holders.push(entity);
    }
    const gendered = this.ctx.lexicon.titles.get(role.head)?.find((t) => t.gender !== 'any');
    if (gendered && entity.gender === 'any') entity.gender = gendered.gender;
  }

  private link(words: string[], given: string | null, surname: string, gender: Gender, kind: EntityKind, name: string): Entity {
    if (kind === 'organisation' || kind === 'place') {
      const key = kind + ':' + words.join(' ');
      let e = this.byDescription.get(key);
      if (!e) {
        e = this.create(name, kind);
        this.byDescription.set(key, e);
      }
      return e;
    }
    const compatible = (e: Entity) => gender === 'any' || e.gender === 'any' || e.gender === gender;
    const sameSurname = (this.bySurname.get(surname) ?? []).filter(compatible);
    let found: Entity | undefined;
    if (given) found = lastBy(sameSurname.filter((e) => e.given === null || e.given === given));
    else found = lastBy(sameSurname) ?? (words.length === 1 ? lastBy((this.byGiven.get(surname) ?? []).filter(compatible)) : undefined);
    if (found) {
      if (given && !found.given) {
        found.given = given;
        found.name = name;
        this.index(this.byGiven, given, found);
      } else if (name.length > found.name.length && words.length > 1) found.name = name;
      if (found.gender === 'any') found.gender = gender;
      if (found.kind === 'unknown') found.kind = kind;
      return found;
    }
    const e = this.create(name, kind);
    e.given = given;
    e.surname = surname;
    e.gender = gender;
    this.index(this.bySurname, surname, e);
    if (given) this.index(this.byGiven, given, e);
    return e;
  }

  private index(map: Map<string, Entity[]>, key: string, e: Entity): void {
    const list = map.get(key) ?? [];
    list.push(e);
    map.set(key, list);
  }

  /** Directly after a listener verb or phrase: "told Anna Petrova", "in an interview with ...". */
  private isListenerPosition(first: number): boolean {
    const { tokens, lexicon } = this.ctx;
    let k = first - 1;
    // "told Channel One's Anna Petrova": the journalist of an outlet named as the listener.
    if (k >= 1 && /^['’]s$/.test(tokens[k]!.norm)) {
      const outlet = this.ctx.outletAt(tokens[k - 1]!);
      const mention = outlet?.mentions.find((m) => m.start <= tokens[k - 1]!.start && tokens[k - 1]!.end <= m.end);
      if (mention) k = this.ctx.tokenAtOrAfter(mention.start) - 1;
    }
    if (k >= 0 && tokens[k]!.pos === 'DET') k--;
    if (k < 0) return false;
    const verb = lexicon.cueVerbs.get(tokens[k]!.norm);
    if (verb?.takesListener) return true;
    return LISTENER_WORDS.has(tokens[k]!.norm) && k > 0 && /^(interview|speaking|talking|remarks|spoke|talked)$/.test(tokens[k - 1]!.norm);
  }

  addMention(entity: Entity, span: Span, listener = false): void {
    const m: Mention = { start: span.start, end: span.end, entity, listener };
    entity.mentions.push({ start: span.start, end: span.end });
    // Names arrive in text order; resolved subjects later, out of order, and go in at their place
    // so that a later "they" or "he" can find them (rare enough for an insertion to be cheap).
    const last = this.list.last();
    if (!last || last.start <= span.start) this.list.push(m);
    else this.list.insert(this.firstAtOrAfter(span.start), m);
    let starts = this.startsOf.get(entity);
    if (!starts) this.startsOf.set(entity, (starts = new IndexedList<number>()));
    if (starts.length === 0 || starts.last()! <= span.start) starts.push(span.start);
    else starts.insert(lastBelow(starts, span.start) + 1, span.start);
  }

  /** Name mentions in text order (read once the passes that add mentions are done: each read after an insertion lists them anew). */
  get mentions(): readonly Mention[] {
    return this.list.toArray();
  }

  /** The entity whose name mention overlaps the span (the last one in it), if any. */
  entityIn(span: Span): Mention | null {
    const { list } = this;
    const lo = partitionPoint(list.length, (mid) => list.at(mid).end <= span.start);
    let found: Mention | null = null;
    for (let k = lo; k < list.length && list.at(k).start < span.end; k++) found = list.at(k);
    return found;
  }

  /**
   * The most recent compatible antecedent before `offset`, within `window` characters:
   * a person of agreeing gender for he/she, an organisation or outlet for it, either for they.
   * Listeners ("told Anna Petrova") and names inside quotes are passed over when another fits.
   */
  antecedent(offset: number, accept: (e: Entity) => boolean, isQuoted: (m: Mention) => boolean, window = 1500): Entity | null {
    let k = this.firstAtOrAfter(offset) - 1;
    // Weaker candidates, taken only when no known person or organisation fits:
    // a listener, or a lone name never seen as a person ("Tennessee", "Latinos").
    let listener: Entity | null = null;
    let unknown: Entity | null = null;
    for (; k >= 0; k--) {
      const m = this.list.at(k);
      if (m.end > offset) continue;
      if (offset - m.end > window) break;
      if (!accept(m.entity) || isQuoted(m)) continue;
      if (m.listener) {
        listener ??= m.entity;
        continue;
      }
      if (m.entity.kind === 'unknown') {
        unknown ??= m.entity;
        continue;
      }
      return m.entity;
    }
    return unknown ?? listener;
  }

  /**
   * The entity named most often before `offset` (outside quotes), the first named among equals:
   * who an interview is with, when its introduction names several people.
   */
  mostNamedBefore(offset: number, accept: (e: Entity) => boolean, isQuoted: (m: Mention) => boolean): Entity | null {
    const counts = new Map<Entity, number>();
    let best: Entity | null = null;
    let bestCount = 0;
    for (let k = 0; k < this.list.length; k++) {
      const m = this.list.at(k);
      if (m.start >= offset) break;
      if (m.listener || !accept(m.entity) || isQuoted(m)) continue;
      const n = (counts.get(m.entity) ?? 0) + 1;
      counts.set(m.entity, n);
      if (n > bestCount) {
        best = m.entity;
        bestCount = n;
      }
    }
    return best;
  }

  private firstAtOrAfter(offset: number): number {
    const { list } = this;
    return partitionPoint(list.length, (mid) => list.at(mid).start < offset);
  }

  /**
   * The most recent entity, before `offset`, known by a title that agrees with this one: same
   * head noun, no conflicting modifier ("the foreign minister" is not the finance minister).
   */
  byTitle(role: Role, offset: number): { entity: Entity; role: Role } | null {
    // Only entities holding a role with this head can agree: the latest of their mentions
    // before `offset` is the one a walk back over all mentions would stop at.
    const holders = this.byRoleHead.get(role.head);
    if (!holders) return null;
    let latest = -1;
    for (const e of holders) {
      if (!e.roles.some((r) => rolesAgree(r, role))) continue;
      const starts = this.startsOf.get(e);
      const k = starts ? lastBelow(starts, offset) : -1;
      if (k >= 0 && starts!.at(k) > latest) latest = starts!.at(k);
    }
    if (latest < 0) return null;
    // Mentions starting at `latest`, last first, as the walk would meet them.
    for (let k = this.firstAtOrAfter(latest + 1) - 1; k >= 0 && this.list.at(k).start === latest; k--) {
      const e = this.list.at(k).entity;
      const known = e.roles.find((r) => rolesAgree(r, role));
      if (known) return { entity: e, role: known };
    }
    return null;
  }

  outletEntity(outlet: Outlet): Entity {
    let e = this.byOutlet.get(outlet.id);
    if (!e) {
      e = this.create(outlet.name, 'outlet');
      e.outletId = outlet.id;
      e.mentions.push(...outlet.mentions.map((m) => ({ start: m.start, end: m.end })));
      this.byOutlet.set(outlet.id, e);
    }
    return e;
  }

  /** The most recent outlet mentioned before `offset` ("the agency said"), of one of `types` when one is near. */
  lastOutlet(offset: number, types?: readonly OutletType[]): Outlet | null {
    return this.ctx.lastOutletBefore(offset, types);
  }

  /** A speaker known only by a pronoun that could not be resolved. */
  unresolved(name: string, span: Span): Entity {
    const e = this.create(name, 'group');
    e.mentions.push({ start: span.start, end: span.end });
    return e;
  }

  /** A speaker known only by a description ("a spokesman for the ministry", "officials"). */
  described(description: string, kind: EntityKind): Entity {
    const key = 'desc:' + description.toLowerCase().replace(/^(the|a|an|some|several|two|three|many)\s+/, '');
    let e = this.byDescription.get(key);
    if (!e) {
      e = this.create(description, kind);
      this.byDescription.set(key, e);
    }
    return e;
  }
}

/** Index of the last value below `limit` in an ascending list, or -1. */
/**
 * "migrants", "protesters" (data/provenance/communities.yml), or the plural of a country's demonym,
 * "iranians" (not a country's own name, "Philippines").
 */
function community(norm: string): boolean {
  const { communities, countries } = v2Lexicon();
  return communities.has(norm) || (norm.length > 3 && norm.endsWith('s') && !countries.has(norm) && countries.has(norm.slice(0, -1)));
}

function lastBelow(sorted: IndexedList<number>, limit: number): number {
  const lo = partitionPoint(sorted.length, (mid) => sorted.at(mid) < limit);
  return lo - 1;
}

/** An apostrophe glued to a plural ("Farmers'"). */
function isPluralPossessive(ctx: ProvenanceContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const prev = ctx.tokens[i - 1];
  return (t.text === "'" || t.text === '\u2019') && prev !== undefined && prev.end === t.start && /s$/i.test(prev.text);
}

function lastBy(list: Entity[]): Entity | undefined {
  return list[list.length - 1];
}
