import type { Token } from '../../core/types.js';
import type { FeatureExtractor } from './features.js';
import { PERSON_NOUNS, type HateLexicon, type LexiconMatch, type SlurEntry } from './lexicon.js';
import { contributions, predictProbabilities, type HateClass, type HateModel } from './model.js';
import { placeholderWords, tagGroups, type GroupMention } from './groups.js';
import { FUNCTION_WORDS, NEGATION_CUES, forward, logOdds, type HateNet, type NetFeaturizer, type NetState, type WordCache } from './net.js';
import type { ModelWord } from './normalize.js';
import { attackedInModifier, withoutSubjectModifier } from './subject-head.js';
import { canonWord, matchGuards, matchRules, repairWords, type CanonWord, type GroupRef, type GroupInsultWords, type GuardHit, type HateRuleSet, type RuleHit } from './rules.js';
import { defaultWordTable } from '../../text/word-table.js';
import { findQuotedSegments } from '../../provenance/marks.js';
import { defaultPolarity, HOSTILE_LEAN } from './polarity.js';

/** Everything a unit's decision needs; built once per detector. */
export interface HateContext {
  model: HateModel;
  extractor: FeatureExtractor;
  lexicon: HateLexicon;
  rules: HateRuleSet;
  /** Minimum probability of the model's non-normal class for a model-only finding. */
  threshold: number;
  /** Model-only findings need a group, slur or resolved pronoun in the unit. */
  requireTarget: boolean;
  /**
   * Model-only findings must survive removing the group words: a decision that the
   * group's name alone carries is identity-term bias, not hate.
   */
  identityCounterfactual: boolean;
  /** Slurs of "hatespeech" severity decide on their own (else they only support the model). */
  slursDecide: boolean;
  /**
   * A rule raises the label only where the model's log-probability of the rule's label is within
   * this margin of its top class's (post mode, post-rules.ts; learned on HateXplain train).
   * Absent: every rule decides. A rule held back (one that would have raised the label) is
   * left out of the decision's rule hits.
   */
  ruleMargin?: number;
  /** Rule categories that decide whatever the margin (post mode: the conspiracy tropes). */
  marginExempt?: readonly string[];
  /**
   * Whether counter-speech, denial and negated-rule guards also clear the linear model's
   * decision (default true). Post mode (HateXplain) sets false: there a guard that matches
   * anywhere in a 60-word post cleared posts the annotators marked offensive or hateful
   * 128 times in 136 on HateXplain train, so guards clear only the rules there.
   */
  guardsClearModel?: boolean;
  /**
   * The placeholder network (net.ts), read on units with a named group that the rules
   * and the linear model left normal: it generalises across wording ("<GRP> make me sick").
   */
  net?: { net: HateNet; featurizer: NetFeaturizer; state: NetState; threshold: number; maxNormal: number; sureBand?: SureBand; commentary?: CommentaryGate };
  /**
   * For a caller that keeps only flagged or guarded units (the detector): a unit that
   * provably stays normal and unguarded is decided without the model (see provablyClean),
   * and its decision's probabilities and score are NaN.
   */
  findingsOnly?: boolean;
}

export interface Evidence {
  start: number;
  end: number;
}

/** The decision for one unit (a sentence, or a whole short post). */
export interface UnitDecision {
  label: HateClass;
  score: number;
  probabilities: Record<HateClass, number>;
  ruleHits: RuleHit[];
  guards: GuardHit[];
  /** True when a counter-speech or denial guard, or a negated rule match, cleared the unit. */
  guarded: boolean;
  negatedClaim: boolean;
  /** The model's label (before guards and the target requirement). */
  modelLabel: HateClass;
  /** Whether the model's decision is part of the final one. */
  modelUsed: boolean;
  /** Whether the placeholder network made the decision. */
  netUsed: boolean;
  /** Whether it made it through the commentary gate alone (an article's unit in the author's own voice). */
  netCommentary?: boolean;
  targets: string[];
  evidence: Evidence[];
  /** Top model features for the label, when the model was used. */
  features: { name: string; kind: string; weight: number }[];
  /** The last group mentioned in the unit (for pronouns in the next one). */
  lastGroup: GroupRef | null;
  matches: LexiconMatch[];
  /** The group mentions the tagger found (words, slurs, pronouns). */
  mentions: GroupMention[];
  /** The unit's words as the rules read them (groups tagged, spellings repaired). */
  canon: readonly CanonWord[];
}

const SEVERITY: Record<HateClass, number> = { normal: 0, offensive: 1, hatespeech: 2 };

/**
 * On articles, where the linear model's normal probability is above the network's gate (up to
 * `maxNormal`), a network this sure (`minHate`) still decides, on a sentence that names people
 * (not "the Islamic packet", "the Korean War") and is not a title-case headline: a
 * commentator's plain "GRP have been nothing but trouble" is there, and news prose seldom
 * is (detector.ts gives the measured figures).
 */
export interface SureBand {
  minHate: number;
  maxNormal: number;
}

/**
 * On articles, where the linear model's normal probability is above the network's gate, the
 * network still decides on a unit that reads as the author's own commentary rather than news
 * prose: every word in the author's voice (no quotation, no reported speech), a group mention
 * that names people, no title-case headline, no proper noun but the group and a sentence's first
 * word, and no number. At `voiced` where the unit speaks as a commentator (I or you, a sentence
 * opening on a bare verb, a question or an exclamation: "Turn up and demand they ban …", "I'd
 * imagine"); at `plain` otherwise, unless it tells of one person (he, she, his, her), as news
 * narrative does. Chosen in hate18 (detector.ts gives the measured figures).
 */
export interface CommentaryGate {
  voiced: number;
  plain: number;
}

/**
 * Decides one unit: rules give high-precision findings with targets and evidence,
 * the model gives the per-unit decision, and counter-speech or denial guards clear
 * both. `antecedent` is the last group named before the unit, for pronouns.
 */
export function classifyUnit(ctx: HateContext, text: string, tokens: readonly Token[], from: number, to: number, antecedent: GroupRef | null, explain = true): UnitDecision {
  const input = tagGroups(text, tokens, ctx.lexicon, ctx.rules.references, from, to, antecedent);
  if (input.matches.some((m) => m.kind === 'slur')) {
    untagHomonyms(ctx.rules, input);
    untagSurnames(text, input);
  }
  // Every rule and the network need a group mention: units without one skip the repair.
  const canon = input.canon.some((w) => w.group) ? repairWords(ctx.rules, input.canon, knownWord) : input.canon;
  const unitStart = tokens[from]?.start ?? 0;
  const unitEnd = tokens[to - 1]?.end ?? unitStart;
  let question = false;
  for (let i = unitStart; i < unitEnd && !question; i++) question = text.charCodeAt(i) === 63;
  if (ctx.findingsOnly && ctx.requireTarget && provablyClean(ctx.rules, canon, question)) return cleanDecision(input);
  const vector = ctx.extractor.extract(
    input.words.map((w) => w.word),
    input.lexicon,
  );
  const p = predictProbabilities(ctx.model, vector);
  const hasGroup = canon.some((w) => w.group);
  const hasReclaimable = input.matches.some((m) => m.kind === 'slur' && (m.entry as { reclaimable?: boolean }).reclaimable);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;

  // Guards are only worth matching when something could be flagged (most units are clean).
  const negated: RuleHit[] = [];
  let guards: GuardHit[] = hasReclaimable ? matchGuards(ctx.rules, canon, ['reclaimed']) : [];
  const reclaimed = guards;
  let matched = matchRules(ctx.rules, canon, reclaimed, negated, hasGroup, question, text);
  // "The migrants pouring over our border are parasites": read once more with the group next to
  // its copula. Also when another rule fired on the unit ("the refugees flooding our towns are
  // parasites": replacement), so that the finding names every rule and word that carries it.
  if (negated.length === 0 && hasGroup) {
    const headed = withoutSubjectModifier(canon, ctx.rules.subjectModifier);
    if (headed) matched = withNewHits(matched, matchRules(ctx.rules, headed, reclaimed, negated, hasGroup, question, text));
  }
  const clearing = (): GuardHit[] => {
    const found = matchGuards(ctx.rules, canon, ['counter', 'denial']);
    return withoutGroupInsult(ctx.rules.groupInsult, canon, matched, withoutAnswered(canon, found.length > 0 || !hasGroup ? found : quotedCondemnation(ctx.rules, text, canon, unitStart, unitEnd)));
  };
  // The network's decisions are checked against the guards when it fires (below).
  const guardsRead = matched.length > 0 || negated.length > 0 || best !== 0;
  if (guardsRead) guards = [...reclaimed, ...clearing()];
  const negatedClaim = negated.some((h) => !h.rule.slur) && !matched.some((h) => !h.rule.slur);
  let guarded = negatedClaim || guards.some((g) => g.guard.kind !== 'reclaimed');
  let ruleHits = guarded ? [] : matched;

  const probabilities = Object.fromEntries(ctx.model.classes.map((c, i) => [c, p[i]!])) as Record<HateClass, number>;
  const modelLabel = ctx.model.classes[best]!;

  // The group mentions named (not pronouns), pushed into a literal: the arrays filter and map
  // made came in several elements kinds (hidden classes), and classifyUnit, a large function
  // to compile, deoptimised on them ("wrong map").
  const namedTargets: GroupRef[] = [];
  for (let i = 0; i < canon.length; i++) {
    const w = canon[i]!;
    const g = w.group;
    if (!g || isReclaimed(w.start, w.end, g.match, reclaimed)) continue;
    if (!(g.match.kind === 'group' || g.antecedent || isAimed(g.match, canon[i - 1]?.text, text.slice(w.start, w.end)))) continue;
    if (!g.antecedent) namedTargets.push(g);
  }
  const lastGroup = input.carried;

  let label: HateClass = 'normal';
  let score = probabilities.normal;
  // Slur rules support a decision (targets, evidence) but do not make one: on
  // HateXplain, a slur the model reads as harmless is mostly in-group or quoted use.
  const aimedSlurAt = new Set(canon.filter((w, i) => w.group?.match.kind === 'slur' && isAimed(w.group.match, canon[i - 1]?.text, text.slice(w.start, w.end))).map((w) => w.start));
  let heldBack: RuleHit[] | null = null;
  for (const hit of ruleHits) {
    // Hateful slurs decide on their own; offensive ones only when aimed at someone ("you retard", not "life's a bitch").
    const decides = !hit.rule.slur || (ctx.slursDecide && (hit.rule.slur === 'hatespeech' || aimedSlurAt.has(hit.start)));
    if (decides && ctx.ruleMargin !== undefined && SEVERITY[hit.rule.label] > SEVERITY[modelLabel] && !ctx.marginExempt?.includes(hit.rule.category) && Math.log(p[best]!) - Math.log(probabilities[hit.rule.label]) > ctx.ruleMargin) {
      (heldBack ??= []).push(hit);
      continue;
    }
    if (decides && SEVERITY[hit.rule.label] > SEVERITY[label]) label = hit.rule.label;
  }
  if (heldBack) ruleHits = ruleHits.filter((h) => !heldBack.includes(h));
  if (label !== 'normal') score = Math.max(0.9, probabilities[label]);
  // A pronoun can carry a rule's claim, but is too weak a target for the model alone.
  let modelAllowed = (!guarded || ctx.guardsClearModel === false) && modelLabel !== 'normal' && p[best]! >= ctx.threshold && (!ctx.requireTarget || namedTargets.length > 0);
  if (modelAllowed && label === 'normal' && ctx.identityCounterfactual) modelAllowed = survivesWithoutGroups(ctx, input.words, input.matches, tokens);
  const modelUsed = modelAllowed && SEVERITY[modelLabel] >= SEVERITY[label];
  if (modelUsed) {
    if (SEVERITY[modelLabel] > SEVERITY[label]) score = p[best]!;
    else score = Math.max(score, p[best]!);
    label = modelLabel;
  }
  let netEvidence: Evidence[] = [];
  let netUsed = false;
  let netCommentary = false;
  // The linear model must not be sure the unit is normal: on news prose the network alone
  // fires on plain group mentions ("End the Korean War!"), where the linear model says normal.
  const netEligible = ctx.net !== undefined && label === 'normal' && !guarded && namedTargets.length > 0;
  const gateOpen = netEligible && probabilities.normal <= ctx.net!.maxNormal;
  const band = ctx.net?.sureBand;
  const commentary = ctx.net?.commentary;
  const people = netEligible && !gateOpen && (band !== undefined || commentary !== undefined) && namesPeople(tokens, from, to, canon) && !titleCase(tokens, from, to);
  const inBand = people && band !== undefined && probabilities.normal <= band.maxNormal;
  // The network's threshold: the gate's, else the lower of the sure band's and the commentary gate's.
  let minHate = gateOpen ? ctx.net!.threshold : inBand ? band!.minHate : Infinity;
  if (people && commentary !== undefined) minHate = Math.min(minHate, commentaryThreshold(commentary, ctx.rules, tokens, from, to, canon));
  if (ctx.net && minHate <= 1) {
    const words = placeholderWords(canon);
    const q = forward(ctx.net.net, ctx.net.featurizer.read(words), ctx.net.state);
    const hate = q[2]!;
    // The words, not the group's mere mention, must carry the decision: without a word
    // whose removal lowers the probability, the network is only reacting to the placeholder.
    // A word that leans hostile must be among the words that carry it (polarity.ts), unless
    // a negation stands in the same clause as the group ("none of GRP can be trusted" denies a
    // friendly word; "so that nobody would go hungry" says nothing of GRP): frame
    // words the templates happened to pair with hate ("every", "street", "hear", "next") do
    // not make a finding. Negated frames go on to the benign guards below. A unit with no
    // such word at all cannot pass, so the occlusion passes (one forward pass a word) are
    // skipped there: the same decisions, at a fraction of the cost on plain mentions.
    const polarity = defaultPolarity();
    const negation = negationBesideGroup(words, canon);
    if (hate >= minHate && (negation || words.some((w, i) => !canon[i]!.group && !FUNCTION_WORDS.has(w) && polarity.mayCarry(w)))) {
      let carriers = occlusionCarriers(ctx.net, words, canon);
      // A network sure beyond doubt spreads its decision over several words, so that removing
      // one moves nothing ("GRP would all be better off dead"): the words that lean hostile carry it.
      if (carriers.length === 0 && hate >= SATURATED) carriers = hostileWords(words, canon, polarity);
      if (negation || carriers.some((i) => polarity.mayCarry(words[i]!))) netEvidence = carriers.slice(0, 2).map((i) => ({ start: canon[i]!.start, end: canon[i]!.end }));
    }
    if (netEvidence.length > 0 && !guardsRead) {
      guards = [...reclaimed, ...clearing()];
      guarded = guards.some((g) => g.guard.kind !== 'reclaimed');
      if (guarded) netEvidence = [];
    }
    // Negated and praising frames the network's bag of words cannot scope clear its decision only.
    if (netEvidence.length > 0) {
      const benign = matchGuards(ctx.rules, canon, ['benign']);
      if (benign.length > 0) {
        guards = [...guards, ...benign];
        netEvidence = [];
      }
    }
    if (netEvidence.length > 0) {
      label = 'hatespeech';
      score = hate;
      netUsed = true;
      netCommentary = !gateOpen && !(inBand && hate >= band!.minHate);
    }
  }

  const targets = new Set<string>();
  const evidence: Evidence[] = [];
  const supporting = ruleHits.filter((h) => !h.rule.slur || label !== 'normal');
  for (const hit of supporting) {
    hit.targets.forEach((t) => targets.add(t));
    evidence.push(...hit.evidence);
  }
  let features: UnitDecision['features'] = [];
  const modelTargets = netUsed || modelUsed ? withoutAttacked(canon, ctx.rules, peopleNamed(canon, namedTargets, ctx.rules.attributiveHeads)) : namedTargets;
  if (netUsed) {
    for (const g of modelTargets) {
      targets.add(g.target);
      evidence.push({ start: g.match.start, end: g.match.end });
    }
    evidence.push(...netEvidence);
  }
  if (modelUsed) {
    for (const g of modelTargets) {
      targets.add(g.target);
      evidence.push({ start: g.match.start, end: g.match.end });
    }
    if (explain) {
      const ranked = contributions(ctx.model, ctx.extractor, input.words.map((w) => w.word), input.lexicon, best);
      features = ranked.filter((c) => c.kind !== 'char').slice(0, 4).filter((c) => c.weight > 0).map((c) => ({ name: c.name, kind: c.kind, weight: c.weight }));
      evidence.push(...evidenceWords(ranked, input.words, tokens));
    }
  }
  return {
    label,
    score: label === 'normal' ? probabilities.normal : score,
    probabilities,
    ruleHits: supporting,
    guards,
    negatedClaim,
    guarded,
    modelLabel,
    modelUsed,
    netUsed,
    netCommentary,
    targets: [...targets],
    evidence: mergeSpans(evidence),
    features,
    lastGroup,
    matches: input.matches,
    mentions: input.mentions,
    canon,
  };
}

/** Words that end a clause for negationBesideGroup: a negation past them does not reach the group. */
const CLAUSE_ENDS: ReadonlySet<string> = new Set(['but', 'because', 'although', 'though', 'yet', 'while', 'whereas', 'so', 'whereby', 'unless']);

/**
 * Whether a negation cue stands in the same clause as a group mention ("none of GRP can be
 * trusted", "GRP are not capable of love"): only then may it let the network's decision rest
 * on a word that does not lean hostile, a negated friendly word. A negation in another clause
 * ("GRP set up the food bank so that nobody would go hungry") says nothing of the group. One
 * pass: clauses are numbered as the words are read.
 */
export function negationBesideGroup(words: readonly string[], canon: readonly CanonWord[]): boolean {
  let clause = 0;
  let groupClause = -1;
  let cueClause = -1;
  for (let i = 0; i < words.length; i++) {
    if (CLAUSE_ENDS.has(words[i]!)) clause++;
    else if (canon[i]!.group) groupClause = clause;
    else if (NEGATION_CUES.has(words[i]!)) cueClause = clause;
    else continue;
    if (groupClause === clause && cueClause === clause) return true;
  }
  return false;
}

/**
 * The group mentions a model's decision is about: "every Christian nation is on its knees"
 * names a country, not Christians, so a group word right before a noun for a place, an
 * institution or a custom (vocabulary.yml `attributive-heads`) is left out, unless no other
 * mention is left.
 */
function peopleNamed(canon: readonly CanonWord[], named: GroupRef[], attributiveHeads: ReadonlySet<string>): GroupRef[] {
  if (named.length < 2) return named;
  const people: GroupRef[] = [];
  for (let i = 0; i < canon.length; i++) {
    const g = canon[i]!.group;
    if (g && named.includes(g) && !attributiveHeads.has(canon[i + 1]?.text ?? '')) people.push(g);
  }
  return people.length > 0 ? people : named;
}

/**
 * The model's targets less the groups attacked in the post-modifier of a group that heads the
 * subject ("Muslims attacking Jews are scum" is said of the Muslims; hate23), when a target is left.
 */
function withoutAttacked(canon: readonly CanonWord[], rules: HateContext['rules'], named: GroupRef[]): GroupRef[] {
  if (named.length < 2) return named;
  const attacked = attackedInModifier(canon, rules.subjectModifier);
  if (attacked.length === 0) return named;
  const left = named.filter((g) => !attacked.some((w) => w.group === g));
  return left.length > 0 ? left : named;
}

/** Copulas before a predicate said of the group ("they're just vile"). */
const INSULT_COPULAS: ReadonlySet<string> = new Set(['are', 're', 'is', 's', 'were', 'was']);

/**
 * Guard hits less those whose closing word of condemnation is said of the group itself: in
 * "People say refugees are misunderstood. No, they're just vile" the author's "No" rejects a
 * kind claim and "vile" insults the group through its pronoun, where "That's vile" or "Calling
 * ... vermin is vile" condemns the words (hate23). A negated predicate ("they are not vile")
 * keeps the guard.
 */
function withoutGroupInsult(words: GroupInsultWords, canon: readonly CanonWord[], matched: readonly RuleHit[], hits: GuardHit[]): GuardHit[] {
  if (hits.length === 0 || matched.length === 0) return hits;
  return hits.filter((h) => {
    if (h.guard.kind !== 'counter' && h.guard.kind !== 'denial') return true;
    let k = canon.length - 1;
    while (k >= 0 && canon[k]!.end > h.end) k--;
    // The predicate's first word: back over the words of the closing condemnation to the copula.
    let c = k;
    while (c > 0 && !INSULT_COPULAS.has(canon[c]!.text) && k - c < 3) c--;
    if (c <= 0 || !INSULT_COPULAS.has(canon[c]!.text)) return true;
    for (let a = c + 1; a < k; a++) if (!words.adverbs.has(canon[a]!.text)) return true;
    const subject = canon[c - 1]!;
    if (!subject.group) return true;
    // The group must open its clause as the copula's subject ("No, they're just vile"), not be
    // a preposition's or verb's object ("the contempt for ... is frightening", "Refusing to serve ... is illegal").
    let b = c - 2;
    while (b >= 0 && !canon[b + 1]!.opens && words.determiners.has(canon[b]!.text)) b--;
    if (!(b < 0 || canon[b + 1]!.opens || words.openers.has(canon[b]!.text))) return true;
    // And the rules must read the predicate as hate of the group ("they are lying" is not).
    const insult = matched.some((r) => r.start <= subject.start && r.end >= canon[k]!.end && r.end <= h.end);
    return !insult;
  });
}

/**
 * Guard hits less those a "but" answers: "That is hateful, but trans people are …", `My friend
 * said "that is hateful", but …`. A guard that ends before a "but" with every group mention
 * after it condemns something else; what the writer says of the group comes after the "but".
 */
function withoutAnswered(canon: readonly CanonWord[], hits: GuardHit[]): GuardHit[] {
  if (hits.length === 0) return hits;
  let firstGroup = 0;
  while (firstGroup < canon.length && !canon[firstGroup]!.group) firstGroup++;
  if (firstGroup === canon.length) return hits;
  let but = -1;
  for (let i = firstGroup - 1; i >= 0 && but < 0; i--) if (canon[i]!.text === 'but') but = canon[i]!.start;
  return but < 0 ? hits : hits.filter((h) => h.end > but);
}

/**
 * Whether a unit stays normal and unguarded whatever the model says: no group mention (the
 * model alone needs a named target when requireTarget is on, and so does the network), no
 * rule match or negated one, and no counter-speech or denial guard (which the model's
 * label could otherwise make the unit read). Most sentences of news prose are such units.
 */
function provablyClean(rules: HateRuleSet, canon: readonly CanonWord[], question: boolean): boolean {
  for (const w of canon) if (w.group) return false;
  const negated: RuleHit[] = [];
  if (matchRules(rules, canon, [], negated, false, question).length > 0 || negated.length > 0) return false;
  return matchGuards(rules, canon, ['counter', 'denial']).length === 0;
}

const NOT_READ: Record<HateClass, number> = { normal: NaN, offensive: NaN, hatespeech: NaN };

/** The decision for a provably clean unit: normal, the model not read. */
function cleanDecision(input: { matches: LexiconMatch[]; mentions: GroupMention[]; canon: CanonWord[]; carried: GroupRef | null }): UnitDecision {
  return { label: 'normal', score: NaN, probabilities: NOT_READ, ruleHits: [], guards: [], guarded: false, negatedClaim: false, modelLabel: 'normal', modelUsed: false, netUsed: false, netCommentary: false, targets: [], evidence: [], features: [], lastGroup: input.carried, matches: input.matches, mentions: input.mentions, canon: input.canon };
}

/** Whether the shared word table knows a word (a misspelling is repaired only when it does not). */
function knownWord(word: string): boolean {
  return defaultWordTable().id(word) >= 0;
}

/**
 * Slurs that a homonym guard reads in their ordinary sense ("smoke a fag", "the sea
 * dyke") stop being group mentions: plain words for the rules, the model and the network.
 */
function untagHomonyms(rules: HateRuleSet, input: { canon: CanonWord[]; mentions: { start: number }[] }): void {
  const hits = matchGuards(rules, input.canon, ['homonym']);
  if (hits.length === 0) return;
  const inHit = (w: CanonWord) => w.group?.match.kind === 'slur' && !w.group.antecedent && hits.some((h) => h.start <= w.start && h.end >= w.end && hasSense(h.guard.slurs, w.group!.match.surface));
  freeSlurs(input, new Set(input.canon.filter(inHit).map((w) => w.start)));
}

/** Whether a homonym guard's ordinary sense belongs to the slur (its folded last word, singular or plural). */
function hasSense(slurs: readonly string[] | undefined, surface: string): boolean {
  return slurs === undefined || slurs.includes(surface) || (surface.endsWith('s') && slurs.includes(surface.slice(0, -1))) || (surface.endsWith('es') && slurs.includes(surface.slice(0, -2)));
}

/** The slur words starting at `freed` read as their plain words: no group, no mention. */
function freeSlurs(input: { canon: CanonWord[]; mentions: { start: number }[] }, freed: ReadonlySet<number>): void {
  if (freed.size === 0) return;
  input.canon = input.canon.map((w) => (freed.has(w.start) && w.group ? canonWord(w.group.match.surface, w.start, w.end, undefined, w.opens) : w));
  input.mentions = input.mentions.filter((m) => !freed.has(m.start));
}

/**
 * Whether a group mention of the unit names people: a plural or a word for people ("Muslims",
 * "women"), a noun with no noun after it ("a Jew"), an adjective before a word for people
 * ("Jewish families") or a pronoun; not an adjective before a thing or an institution ("the
 * Islamic packet", "the Muslim Brotherhood", "North Korean artillery").
 */
function namesPeople(tokens: readonly Token[], from: number, to: number, canon: readonly CanonWord[]): boolean {
  let k = from;
  for (const w of canon) {
    if (!w.group) continue;
    if (w.group.antecedent) return true;
    while (k < to && tokens[k]!.start < w.end) k++;
    // A plural ("Muslims", "women", "illegal aliens") names people whatever the tagger makes of
    // the verb after it ("Women hand-pick …" is no compound noun).
    const own = tokens[k - 1]!.text.toLowerCase();
    if (own.endsWith('s') || PERSON_NOUN_SET.has(own)) return true;
    // "North Korean heavy artillery": the noun the adjectives lead to.
    let n = k;
    while (n < to && n - k < 3 && tokens[n]!.pos === 'ADJ') n++;
    const next = n < to ? tokens[n]! : undefined;
    if (!next || (next.pos !== 'NOUN' && next.pos !== 'PROPN') || PERSON_NOUN_SET.has(next.text.toLowerCase())) return true;
  }
  return false;
}

const PERSON_NOUN_SET = new Set(PERSON_NOUNS);

/** Marks by which a writer asks or exclaims, as a commentator does; the words (I, you …) are vocabulary.yml `commentator-words`. */
const COMMENTATOR_MARKS: ReadonlySet<string> = new Set(['?', '!']);

/**
 * The network's threshold on a unit under the commentary gate (CommentaryGate): `voiced` or
 * `plain`, or Infinity where the unit is not the author's own commentary. One pass over the tokens.
 */
function commentaryThreshold(gate: CommentaryGate, words: Pick<HateRuleSet, 'commentatorWords' | 'onePersonPronouns'>, tokens: readonly Token[], from: number, to: number, canon: readonly CanonWord[]): number {
  let voiced = false;
  let onePerson = false;
  let c = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.voice !== 'author' || t.quote >= 0) return Infinity;
    while (c < canon.length && canon[c]!.end <= t.start) c++;
    const inGroup = c < canon.length && canon[c]!.start <= t.start && canon[c]!.group !== undefined;
    const opens = k === from || tokens[k - 1]!.sentence !== t.sentence;
    if (t.pos === 'NUM' || t.type === 'number' || (t.pos === 'PROPN' && !opens && !inGroup)) return Infinity;
    if (words.commentatorWords.has(t.fold) || COMMENTATOR_MARKS.has(t.fold)) voiced = true;
    else if (words.onePersonPronouns.has(t.fold)) onePerson = true;
    // A sentence that opens on a bare verb: an imperative ("Turn up …", "Let's …").
    else if (opens && t.pos === 'VERB' && !t.fold.endsWith('ed') && !t.fold.endsWith('ing') && !t.fold.endsWith('s')) voiced = true;
  }
  return voiced ? gate.voiced : onePerson ? Infinity : gate.plain;
}

/** A title-case headline ("60 Illegal Aliens Apprehended In Texas Stash Houses"): most of at least four words capitalised. */
function titleCase(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  let capitalised = 0;
  for (let k = from; k < to; k++) {
    const c = tokens[k]!.text.charCodeAt(0);
    const upper = isUpper(c);
    if (!upper && !isLower(c)) continue;
    words++;
    if (upper) capitalised++;
  }
  return words >= 4 && capitalised >= 0.6 * words;
}

/** Titles before a surname ("Sen. Coons", "Mr Coon"). */
const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'judge', 'justice', 'professor', 'prof', 'coach', 'sir', 'lord', 'lady']);

/**
 * A slur that is a family name too (slurs.yml `surnames`), capitalised after a given name or a
 * title, is a surname ("Sen. Chris Coons"): a capitalised word before it that does not open the
 * sentence, or a title.
 */
function untagSurnames(text: string, input: { canon: CanonWord[]; mentions: { start: number }[] }): void {
  const freed = new Set<number>();
  for (const w of input.canon) {
    if (w.group?.match.kind !== 'slur' || w.group.antecedent || !isUpper(text.charCodeAt(w.start)) || !isLower(text.charCodeAt(w.start + 1))) continue;
    const surnames = (w.group.match.entry as SlurEntry).surnames;
    if (!surnames || !surnames.includes(text.slice(w.start, w.end).toLowerCase().replace(/s$/, ''))) continue;
    const before = wordBefore(text, w.start);
    if (!before) continue;
    const word = text.slice(before.start, before.end);
    const title = NAME_TITLES.has(word.toLowerCase());
    const opensSentence = before.start === 0 || /[.!?:"\u201c\n]\s*$/.test(text.slice(Math.max(0, before.start - 3), before.start));
    if (title || (isUpper(word.charCodeAt(0)) && word.length > 1 && isLower(word.charCodeAt(1)) && !opensSentence)) freed.add(w.start);
  }
  freeSlurs(input, freed);
}

/** The word (letters) just before `at`, skipping spaces and a full stop after a title. */
function wordBefore(text: string, at: number): { start: number; end: number } | null {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '.')) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start--;
  return start < end ? { start, end } : null;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * The stretches inside paired quotation marks in [start, end) (the marks excluded), found as
 * provenance finds quotes (double, curly single, and straight single quotes where they stand
 * as quotation marks: 'Saying \'GRP are vermin\' is bigotry'); a mark left open is no quote.
 */
export function quotedStretches(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of findQuotedSegments(text, start, end)) if (s.open >= 0 && s.close >= 0) out.push({ start: s.start, end: s.end });
  return out;
}

/**
 * Counter-speech that quotes hate: every group mention is inside quotation marks, and the
 * author's words around the quote condemn it or report its consequence ('He was banned for
 * posting "... are rats"'), or give it to someone else without endorsing it ('The poster
 * read "..."'). The quoted stretch is then decided on its own, in the quoted voice.
 */
function quotedCondemnation(rules: HateRuleSet, text: string, canon: readonly CanonWord[], start: number, end: number): GuardHit[] {
  const stretches = quotedStretches(text, start, end);
  if (stretches.length === 0) return [];
  const quoted = (w: CanonWord) => stretches.some((q) => q.start <= w.start && w.end <= q.end);
  // Pronouns in the author's words ('the police arrested them') name the speakers, not the group.
  const groups = canon.filter((w) => w.group && !w.group.antecedent);
  if (groups.length === 0 || !groups.every(quoted)) return [];
  const outside = canon.filter((w) => !quoted(w));
  if (outside.length === 0) return [];
  const condemned = matchGuards(rules, outside, ['quoted']);
  if (condemned.length > 0) return condemned;
  // Quoted and given to someone else ('Someone scrawled "..." on the door'): voice decides,
  // and the author only reports it, unless the author's words take it up ("so true").
  if (matchGuards(rules, outside, ['endorsed']).length > 0) return [];
  return matchGuards(rules, outside, ['attributed']);
}

/**
 * The author's words that take up a quoted or reported claim as their own: "People say ...,
 * and they are right", "My gran used to say '...' and she was spot on", "As my father rightly
 * said, ...". The 'endorsed' guards read the unit's words before and after `claim` (the
 * hateful stretch), so "... and they are wrong" or "..., which is a lie" endorse nothing.
 */
export function endorsement(rules: HateRuleSet, canon: readonly CanonWord[], claim: { start: number; end: number }): GuardHit[] {
  const before = canon.filter((w) => w.end <= claim.start);
  const after = canon.filter((w) => w.start >= claim.end);
  // An endorsement with a condemnation or a consequence between it and the claim approves of
  // that, not of the claim: 'Typing "..." got him a lifetime ban, quite right too' (hate14).
  const approves = (words: readonly CanonWord[], side: 'before' | 'after'): GuardHit[] => {
    if (words.length === 0) return [];
    const hits = matchGuards(rules, words, ['endorsed']);
    if (hits.length === 0) return hits;
    const verdicts = matchGuards(rules, words, ['quoted']);
    return hits.filter((h) => !verdicts.some((v) => (side === 'after' ? v.end <= h.start : v.start >= h.end)));
  };
  return [...approves(before, 'before'), ...approves(after, 'after')];
}

/** Whether the model still flags the unit, at the same threshold, once the group words (not slurs) are neutralised. */
function survivesWithoutGroups(ctx: HateContext, words: readonly ModelWord[], matches: readonly LexiconMatch[], tokens: readonly Token[]): boolean {
  const groupSpans = matches.filter((m) => m.kind === 'group');
  if (groupSpans.length === 0) return true;
  // Each group mention becomes the neutral word "people" (deleting it would leave odd n-grams).
  const kept: ModelWord[] = [];
  let replaced: LexiconMatch | null = null;
  for (const w of words) {
    const at = tokens[w.token]!.start;
    const m = groupSpans.find((g) => g.start <= at && at < g.end);
    if (!m) kept.push(w);
    else if (m !== replaced) kept.push({ word: 'people', token: w.token });
    replaced = m ?? replaced;
  }
  const lexicon = matches.filter((m) => m.kind === 'slur').flatMap((m) => ['slur', `slur:${(m.entry as { severity: string }).severity}`]);
  const p = predictProbabilities(ctx.model, ctx.extractor.extract(kept.map((w) => w.word), lexicon));
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return ctx.model.classes[best] !== 'normal' && p[best]! >= ctx.threshold;
}

const AIMING = new Set(['you', 'u', 'ur', 'youre', 'these', 'those', 'all', 'stupid', 'dumb', 'fucking', 'filthy', 'dirty', 'damn', 'typical', 'bunch', 'like', 'hate']);

/**
 * A slur names a target when it is hateful in itself, or when an offensive one is
 * aimed at someone ("you retard", "those bitches"), not used as an idiom ("life's a bitch").
 */
function isAimed(match: LexiconMatch, previous: string | undefined, surface: string): boolean {
  if ((match.entry as { severity?: string }).severity === 'hatespeech') return true;
  return (previous !== undefined && AIMING.has(previous)) || /s$/i.test(surface);
}

function isReclaimed(start: number, end: number, match: LexiconMatch, reclaimed: readonly GuardHit[]): boolean {
  return match.kind === 'slur' && (match.entry as { reclaimable?: boolean }).reclaimable === true && reclaimed.some((r) => r.start <= start && r.end >= end);
}

/**
 * The words that carry the model's decision: each feature's weight is shared among
 * the words it covers, and the strongest words (at most three, each with at least a
 * third of the top word's weight) are the evidence.
 */
function evidenceWords(ranked: ReturnType<typeof contributions>, words: readonly { token: number }[], tokens: readonly Token[]): Evidence[] {
  const perWord = new Float64Array(words.length);
  for (const c of ranked) {
    if (c.from < 0) continue;
    const share = c.weight / (c.to - c.from + 1);
    for (let i = c.from; i <= c.to; i++) perWord[i]! += share;
  }
  const order = [...perWord.keys()].filter((i) => perWord[i]! > 0).sort((a, b) => perWord[b]! - perWord[a]!);
  const top = perWord[order[0] ?? 0] ?? 0;
  return order
    .slice(0, 3)
    .filter((i) => perWord[i]! >= top / 3)
    .map((i) => tokens[words[i]!.token]!)
    .map((t) => ({ start: t.start, end: t.end }));
}

/** Words that cannot carry hate on their own (net.ts, where the network's featurizer reads them too). */
export { FUNCTION_WORDS };

/**
 * Log-odds of hate speech with word `skip` left out, from the network's output scores: a
 * saturated decision ("GRP are jackals" at p = 1) still shows which word carries it.
 */
function hateLogit(net: NonNullable<HateContext['net']>, cache: WordCache, skip: number): number {
  forward(net.net, net.featurizer.readPrepared(cache, skip), net.state);
  return logOdds(net.net, net.state, 2);
}

/** The network's probability above which its decision may rest on hostile-leaning words when no single word carries it. */
const SATURATED = 0.99;

/** The unit's words that the table knows and that lean hostile, most hostile first. */
function hostileWords(words: readonly string[], canon: readonly { group?: unknown }[], polarity: ReturnType<typeof defaultPolarity>): number[] {
  const out: { i: number; lean: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (canon[i]!.group || FUNCTION_WORDS.has(words[i]!)) continue;
    const lean = polarity.lean(words[i]!);
    if (lean >= HOSTILE_LEAN) out.push({ i, lean });
  }
  return out.sort((a, b) => b.lean - a.lean || a.i - b.i).map((x) => x.i);
}

/**
 * The words that carry the network's decision: those whose removal lowers its
 * hate-speech log-odds by at least 0.5, largest drop first (the first two are evidence).
 */
function occlusionCarriers(net: NonNullable<HateContext['net']>, words: readonly string[], canon: readonly { group?: unknown }[]): number[] {
  const cache = net.featurizer.prepare(words);
  const full = hateLogit(net, cache, -1);
  const drops: { i: number; drop: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (canon[i]!.group || FUNCTION_WORDS.has(words[i]!)) continue;
    drops.push({ i, drop: full - hateLogit(net, cache, i) });
  }
  return drops
    .filter((d) => d.drop >= 0.5)
    .sort((a, b) => b.drop - a.drop || a.i - b.i)
    .map((d) => d.i);
}

function mergeSpans(spans: Evidence[]): Evidence[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Evidence[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** `found` with the hits of `more` that are not already there (the same rule over the same span). */
function withNewHits(found: RuleHit[], more: RuleHit[]): RuleHit[] {
  if (found.length === 0) return more;
  for (const hit of more) if (!found.some((h) => h.rule === hit.rule && h.start === hit.start && h.end === hit.end)) found.push(hit);
  return found;
}
