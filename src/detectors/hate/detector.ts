import type { AnalyzedDocument } from '../../core/document.js';
import { UnspinError } from '../../core/errors.js';
import type { Span, Voice, VoiceSpan } from '../../core/types.js';
import { AUTHOR_SPEAKER } from '../../core/voice.js';
import type { Detector, DetectorFinding } from '../detector.js';
import { classifyUnit, endorsement, quotedStretches, type CommentaryGate, type HateContext, type SureBand, type UnitDecision } from './classify.js';
import { loadDefaultHateLexicon, type HateLexicon } from './lexicon.js';
import { extractorFor, loadDefaultHateModel, type HateModel } from './model.js';
import type { HateNet } from './net.js';
import { defaultHateNet, netState } from './net.js';
import { type GroupRef, type HateRuleSet } from './rules.js';
import { loadDefaultHateRules } from './shipped-rules.js';

export interface HateDetectorOptions {
  /** Trained model; the shipped one (models/hate-model.json) when omitted. */
  model?: HateModel;
  /** Group words and slurs; data/hate/groups.yml and slurs.yml when omitted. */
  lexicon?: HateLexicon;
  /** Rules, vocabulary and guards; data/hate/*.yml when omitted. */
  rules?: HateRuleSet;
  /**
   * Minimum model probability for a finding the rules did not make (default 0.7: the
   * model's class offsets are tuned for macro-F1 on social-media posts, which makes it
   * eager on news prose).
   */
  threshold?: number;
  /**
   * A text of one paragraph with at most this many word tokens is a short post and
   * is decided as a whole, as the model was trained (default 60).
   */
  shortPostTokens?: number;
  /**
   * In a longer text, a paragraph of at most this many word tokens is decided as one unit
   * (default 40: on the spent functional suites set inside an article it reads a story told in
   * two sentences whole, and it added no finding on PolNeAR news or the PTC articles); 0 decides
   * every sentence alone.
   */
  paragraphTokens?: number;
  /** Model-only findings need a group word, slur or resolved pronoun (default true). */
  requireTarget?: boolean;
  /** Model-only findings must survive removing the group words (default true). */
  identityCounterfactual?: boolean;
  /** Slurs make a finding on their own: hateful ones always, offensive ones when aimed at someone (default true). */
  slursDecide?: boolean;
  /** Sentences back that a pronoun may look for its group (default 2). */
  pronounWindow?: number;
  /**
   * Read units with a named group that rules and the linear model left normal with the
   * placeholder network (models/hate-net.bin); in a short post it flags hate speech at or
   * above this probability (default 0.7 since hate10net, 0.8 since hate5, 0.9 before, each
   * chosen by leave-one-suite-out on the functional suites; 0 or false turns the network off).
   */
  network?: number | false;
  /**
   * The network's threshold in a text of several units (an article), default the larger of
   * `network` and 0.8: at 0.7 the hate10net network flags more reports of violence in news
   * prose (PTC train articles), which the functional suites, all short posts, do not measure.
   */
  networkArticle?: number;
  /**
   * In a text of several units (an article's sentences, unlike the short posts the network
   * was trained on), the network decides only where the linear model's probability of
   * "normal" is at most this (default 0.3, chosen on PTC train articles: it halves the
   * network's findings on news prose). A short post is decided by the network alone.
   */
  networkMaxNormal?: number;
  /**
   * In such a text, the band above `networkMaxNormal` where a network at least `minHate` sure
   * still decides, on a sentence that names people and is no title-case headline (classify.ts).
   * Default {minHate 0.999, maxNormal 1}: a network that sure decides whatever the linear model
   * reads, on those sentences only; chosen on the spent functional suites set inside a news
   * article (`unspin eval hate --functional … --in-article`) against the network's findings on
   * PolNeAR's 840 news articles and the 371 PTC train articles (docs/measurements.md); `null`
   * turns it off.
   */
  networkSureBand?: SureBand | null;
  /**
   * In such a text, the network also decides, whatever the linear model reads, on a unit that is
   * the author's own commentary (classify.ts `CommentaryGate`: every word in the author's voice,
   * a group that names people, no headline, no proper noun but the group, no number): at `voiced`
   * where it speaks as a commentator (I, you, an imperative, a question or an exclamation), at
   * `plain` where it does not and tells of no one person (he, she); a value above 1 turns a tier
   * off. Default {voiced 0.9, plain 0.95} (hate18), chosen on the spent suites set inside an
   * article against the network's author-voice findings on news: hateful recall in an article
   * holdout22 68.1 → 75.2%, holdout21 77.9 → 84.0%, holdout20 88.1 → 92.7%, dev-hate15 87.4 →
   * 89.8% (as posts 78.5, 88.4, 95.7, 91.7%), for 7 more network findings in the author's voice on
   * news, all false (PTC train articles 7 → 12, PolNeAR 5 → 7; docs/measurements.md "hate18");
   * the voiced tier alone gains about half the recall for 1 of them. `null` turns it off.
   */
  networkCommentary?: CommentaryGate | null;
}

/** The articles' commentary gate (see `networkCommentary`). */
export const ARTICLE_COMMENTARY: CommentaryGate = { voiced: 0.9, plain: 0.95 };

/** The articles' sure band (see `networkSureBand`). */
export const ARTICLE_SURE_BAND: SureBand = { minHate: 0.999, maxNormal: 1 };

export const HATE_LABELS = [
  { label: 'hatespeech', definition: 'Attacks or dehumanises a group for who they are (HateXplain "hatespeech").' },
  { label: 'offensive', definition: 'Insulting or abusive towards a group or person, short of hate speech (HateXplain "offensive").' },
] as const;

/** Builds the hate-speech detector: per-sentence (or whole short post) decisions from rules and model. */
export function createHateDetector(options: HateDetectorOptions = {}): Detector {
  const threshold = options.threshold ?? 0.7;
  const shortPostTokens = options.shortPostTokens ?? 60;
  const paragraphTokens = options.paragraphTokens ?? 40;
  const pronounWindow = options.pronounWindow ?? 2;
  if (!(threshold >= 0 && threshold <= 1)) throw new UnspinError('USAGE', `hate detector: threshold must be in [0, 1], got ${threshold}`);
  if (!Number.isInteger(shortPostTokens) || shortPostTokens < 0) throw new UnspinError('USAGE', `hate detector: shortPostTokens must be a non-negative integer, got ${shortPostTokens}`);
  if (!Number.isInteger(paragraphTokens) || paragraphTokens < 0) throw new UnspinError('USAGE', `hate detector: paragraphTokens must be a non-negative integer, got ${paragraphTokens}`);
  const postThreshold = options.network === false ? 0 : (options.network ?? 0.7);
  const articleThreshold = options.networkArticle ?? Math.max(postThreshold, 0.8);
  let ctx: HateContext | undefined;
  const context = (): HateContext => {
    if (ctx) return ctx;
    const model = options.model ?? loadDefaultHateModel();
    ctx = {
      model,
      extractor: extractorFor(model),
      lexicon: options.lexicon ?? loadDefaultHateLexicon(),
      rules: options.rules ?? loadDefaultHateRules(),
      threshold,
      requireTarget: options.requireTarget ?? true,
      identityCounterfactual: options.identityCounterfactual ?? true,
      slursDecide: options.slursDecide ?? true,
      // Only flagged and guarded units make findings: clean ones skip the model.
      findingsOnly: true,
    };
    if (postThreshold > 0) {
      const { net, featurizer } = defaultHateNet();
      ctx.net = { net, featurizer, state: netState(net), threshold: postThreshold, maxNormal: options.networkMaxNormal ?? 0.3 };
    }
    return ctx;
  };

  return {
    name: 'hate',
    kind: 'hate',
    labels: HATE_LABELS,
    detect(doc: AnalyzedDocument): DetectorFinding[] {
      const c = context();
      const findings: DetectorFinding[] = [];
      let antecedent: { group: GroupRef; unit: number } | null = null;
      const units = decisionUnits(doc, shortPostTokens, paragraphTokens);
      const voices = ownVoices(doc);
      if (c.net) {
        c.net.maxNormal = units.length > 1 ? (options.networkMaxNormal ?? 0.3) : 1;
        c.net.sureBand = units.length > 1 ? (options.networkSureBand === undefined ? ARTICLE_SURE_BAND : (options.networkSureBand ?? undefined)) : undefined;
        c.net.commentary = units.length > 1 ? (options.networkCommentary === undefined ? ARTICLE_COMMENTARY : (options.networkCommentary ?? undefined)) : undefined;
        c.net.threshold = units.length > 1 ? articleThreshold : postThreshold;
      }
      let cursor = 0;
      units.forEach((unit, u) => {
        const [from, to] = tokenRange(doc, unit, cursor);
        cursor = to;
        if (from >= to) return;
        const usable = antecedent && u - antecedent.unit <= pronounWindow ? antecedent.group : null;
        const decision = classifyUnit(c, doc.text, doc.tokens, from, to, usable);
        // A rival subject after the last group ends the reference: the unit hands on no group.
        if (decision.lastGroup !== usable) antecedent = decision.lastGroup ? { group: decision.lastGroup, unit: u } : null;
        if (decision.label === 'normal') {
          // Counter-speech cleared the unit: the hate it quotes still gets a finding of its own, in the quoted voice.
          if (decision.guarded) findings.push(...quotedFindings(c, doc, voices, unit, from, to, usable));
          // A quotation the unit's frame hides from the rules ("The leaflet read 'drive every ... out'",
          // whose call is anchored at the start of a clause) is decided on its own words too, by the
          // rules only: on news prose the network reads plain quoted mentions as hate.
          else if (groupInsideQuote(doc, decision, unit)) findings.push(...quotedFindings(c, doc, voices, unit, from, to, usable, true));
          return;
        }
        // A post or short paragraph whose rules fire both in the author's words and in a quotation
        // ('Migrants are vermin. "Jews run the banks," he said.') gives each voice its own finding.
        const own = authorPart(doc, voices, decision);
        if (own) {
          findings.push(toFinding(doc, voices, sentencesAround(doc, own.evidence, unit), own, c.model, c.net?.net));
          for (const quoted of quotedFindings(c, doc, voices, unit, from, to, usable)) {
            findings.push(quoted);
            const endorsed = endorsedFinding(c, doc, quoted, decision);
            if (endorsed) findings.push(endorsed);
          }
          return;
        }
        const finding = toFinding(doc, voices, unit, decision, c.model, c.net?.net);
        findings.push(finding);
        const endorsed = finding.voice === 'quoted' || finding.voice === 'reported' ? endorsedFinding(c, doc, finding, decision) : null;
        if (endorsed) findings.push(endorsed);
      });
      return findings;
    },
  };
}

/**
 * A short post (one paragraph, few word tokens) is one unit, like a HateXplain post; in
 * anything longer, a short paragraph (at most `paragraphTokens` word tokens) is one unit, so
 * "House prices dropped the month … moved in. Coincidence, I'm sure." is read whole, and a
 * longer paragraph is decided sentence by sentence.
 */
export function decisionUnits(doc: AnalyzedDocument, shortPostTokens: number, paragraphTokens = 0): Span[] {
  if (doc.sentences.length === 0) return [];
  const first = doc.sentences[0]!;
  const last = doc.sentences[doc.sentences.length - 1]!;
  const words = doc.tokens.filter((t) => t.type === 'word').length;
  const oneParagraph = !/\n\s*\n/.test(doc.text.slice(first.start, last.end));
  if (words <= shortPostTokens && oneParagraph) return [{ start: first.start, end: last.end }];
  if (paragraphTokens <= 0) return [...doc.sentences];
  const out: Span[] = [];
  let t = 0;
  let from = 0;
  let count = 0;
  const close = (to: number): void => {
    if (count <= paragraphTokens) out.push({ start: doc.sentences[from]!.start, end: doc.sentences[to - 1]!.end });
    else for (let k = from; k < to; k++) out.push(doc.sentences[k]!);
  };
  doc.sentences.forEach((s, k) => {
    if (k > from && blankLineBetween(doc.text, doc.sentences[k - 1]!.end, s.start)) {
      close(k);
      from = k;
      count = 0;
    }
    for (; t < doc.tokens.length && doc.tokens[t]!.start < s.end; t++) if (doc.tokens[t]!.start >= s.start && doc.tokens[t]!.type === 'word') count++;
  });
  close(doc.sentences.length);
  return out;
}

/** Whether text[from, to) holds a blank line (two line breaks with only spaces between). */
function blankLineBetween(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++breaks === 2) return true;
    } else if (c !== 13 && c !== 32 && c !== 9) breaks = 0;
  }
  return false;
}

/**
 * The part of a decision in the author's own voice when its rule hits fall both there and in
 * quoted or reported words: the author's hits, their targets and evidence, and the label they
 * carry. Null when every hit is in one voice (the unit's finding then keeps the voice of most of
 * its evidence) or the decision rests on no rule.
 */
function authorPart(doc: AnalyzedDocument, voices: readonly VoiceSpan[], d: UnitDecision): UnitDecision | null {
  if (d.ruleHits.length < 2) return null;
  const isAuthor = (spans: readonly Span[]): boolean => (voiceOfSpans(voices, spans) ?? 'author') === 'author';
  const ownHits = d.ruleHits.filter((h) => isAuthor(h.evidence));
  if (ownHits.length === 0 || ownHits.length === d.ruleHits.length) return null;
  const severe = ownHits.some((h) => (h.rule.slur ?? h.rule.label) === 'hatespeech');
  return {
    ...d,
    label: severe && d.label === 'hatespeech' ? 'hatespeech' : 'offensive',
    ruleHits: ownHits,
    targets: [...new Set(ownHits.flatMap((h) => h.targets))],
    evidence: d.evidence.filter((e) => isAuthor([e]) && ownHits.some((h) => h.evidence.some((x) => x.start < e.end && e.start < x.end))),
    mentions: d.mentions.filter((m) => isAuthor([m])),
  };
}

/** The sentences of a unit that hold the given spans (the whole unit when none does). */
function sentencesAround(doc: AnalyzedDocument, spans: readonly Span[], unit: Span): Span {
  if (spans.length === 0) return unit;
  const from = Math.min(...spans.map((e) => e.start));
  const to = Math.max(...spans.map((e) => e.end));
  let start = unit.start;
  let end = unit.end;
  for (const s of doc.sentences) {
    if (s.end <= unit.start || s.start >= unit.end) continue;
    if (s.start <= from && from < s.end) start = Math.max(unit.start, s.start);
    if (s.start < to && to <= s.end) end = Math.min(unit.end, s.end);
  }
  return { start, end };
}

/**
 * Findings for the quoted or reported stretches of a unit that counter-speech cleared:
 * each is decided on its own words, so 'The mayor said "Jews control the banks"; we
 * reject this lie' keeps a quoted finding while the author's voice stays clean. With
 * `rulesOnly` (a unit nothing flagged), only quotations, and only what a rule finds in them.
 */
function quotedFindings(c: HateContext, doc: AnalyzedDocument, ownVoices: readonly VoiceSpan[], unit: Span, from: number, to: number, antecedent: GroupRef | null, rulesOnly = false): DetectorFinding[] {
  const out: DetectorFinding[] = [];
  const voices: { start: number; end: number; voice: Voice }[] = doc.voices.filter((v) => (rulesOnly ? v.voice === 'quoted' : v.voice !== 'author') && v.end > unit.start && v.start < unit.end);
  // A quotation that provenance gave no speaker ('The poster read "..."') is still quoted words.
  for (const q of quotedStretches(doc.text, unit.start, unit.end)) if (!voices.some((v) => v.start < q.end && v.end > q.start)) voices.push({ ...q, voice: 'quoted' });
  for (const v of voices) {
    const span = { start: Math.max(v.start, unit.start), end: Math.min(v.end, unit.end) };
    let a = from;
    while (a < to && doc.tokens[a]!.start < span.start) a++;
    let b = a;
    while (b < to && doc.tokens[b]!.end <= span.end) b++;
    if (a >= b) continue;
    const d = classifyUnit(c, doc.text, doc.tokens, a, b, antecedent);
    if (d.label === 'normal' || (rulesOnly && d.ruleHits.length === 0)) continue;
    const finding = toFinding(doc, ownVoices, { start: doc.tokens[a]!.start, end: doc.tokens[b - 1]!.end }, d, c.model, c.net?.net);
    finding.voice = v.voice;
    out.push(finding);
  }
  return out;
}

/**
 * Hate that the author quotes or reports and then takes up ("People say ... are parasites, and
 * they are right", "As my father rightly said, ..."): the quoted or reported finding stays, and
 * the author's endorsement makes one in the author's voice, with the endorsing words as evidence.
 */
function endorsedFinding(c: HateContext, doc: AnalyzedDocument, finding: DetectorFinding, decision: UnitDecision): DetectorFinding | null {
  const evidence = finding.evidence ?? [];
  if (evidence.length === 0) return null;
  // The claim runs over the hateful evidence and any quotation around it.
  let start = Math.min(...evidence.map((e) => e.start));
  let end = Math.max(...evidence.map((e) => e.end));
  for (const q of quotedStretches(doc.text, finding.start, finding.end)) {
    if (q.start < end && q.end > start) {
      start = Math.min(start, q.start);
      end = Math.max(end, q.end);
    }
  }
  const hits = endorsement(c.rules, decision.canon, { start, end });
  if (hits.length === 0) return null;
  // Overlapping guard matches ("As my father rightly said" and "rightly said") give one span each.
  const words = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start)).map((h) => ({ start: h.start, end: h.end, text: doc.text.slice(h.start, h.end) }));
  return {
    ...finding,
    voice: 'author',
    evidence: [...words, ...evidence].sort((a, b) => a.start - b.start),
    explanation: `the author endorses the ${finding.voice} words (${words.map((w) => `"${w.text}"`).join(', ')}, guard ${hits[0]!.guard.id}). ${finding.explanation}`,
  };
}

/** Whether a group named in the unit (not a pronoun) stands inside one of its quotations. */
function groupInsideQuote(doc: AnalyzedDocument, d: UnitDecision, unit: Span): boolean {
  if (!d.mentions.some((m) => m.kind !== 'pronoun')) return false;
  const quotes = quotedStretches(doc.text, unit.start, unit.end);
  return d.mentions.some((m) => m.kind !== 'pronoun' && quotes.some((q) => q.start <= m.start && m.end <= q.end));
}

/** Tokens inside a unit; units come in order, so the search starts where the last one ended. */
function tokenRange(doc: AnalyzedDocument, unit: Span, from: number): [number, number] {
  while (from < doc.tokens.length && doc.tokens[from]!.start < unit.start) from++;
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to]!.end <= unit.end) to++;
  return [from, to];
}

function toFinding(doc: AnalyzedDocument, voices: readonly VoiceSpan[], unit: Span, d: UnitDecision, model: HateModel, net?: HateNet): DetectorFinding {
  const evidence = d.evidence.map((e) => ({ start: e.start, end: e.end, text: doc.text.slice(e.start, e.end) }));
  const rule = d.ruleHits.find((h) => h.rule.label === d.label) ?? d.ruleHits[0];
  const finding: DetectorFinding = {
    kind: 'hate',
    label: d.label,
    start: unit.start,
    end: unit.end,
    text: doc.text.slice(unit.start, unit.end),
    score: round(d.score),
    explanation: explain(doc.text, d, model, net),
    targets: d.targets.length ? d.targets : ['Other'],
    evidence,
  };
  if (rule) finding.ruleId = rule.rule.id;
  if (d.modelUsed) finding.model = `${model.name}@${model.version}`;
  if (d.netUsed && net) finding.model = `${net.name}@${net.version}`;
  let voice = voiceOfSpans(voices, evidence.length ? evidence : [unit]);
  if (voice === 'reported' && rule && ANSWER_RULES.has(rule.rule.id) && answersReport(doc.text, voices, evidence)) voice = 'author';
  if (voice) finding.voice = voice;
  return finding;
}

/**
 * The document's voices, with what the author reports of their own words ("I have always
 * said ... are thieves", "we admitted ... are inferior") read as the author's voice: the
 * writer asserts it, and nobody else is quoted. So is the opinion after "if you ask me,"
 * (provenance reads it as what "you" asked).
 */
function ownVoices(doc: AnalyzedDocument): readonly VoiceSpan[] {
  // A clause given to nobody ("..., said no one ever") is the writer's sarcasm, not a report (hate22).
  const authorIds = new Set(doc.speakers.filter((s) => s.name === AUTHOR_SPEAKER || NOBODY_SPEAKER.test(s.name)).map((s) => s.id));
  const own = new Set(doc.quotes.filter((q) => q.kind === 'indirect' && ((q.speakerId !== null && authorIds.has(q.speakerId)) || askedOfAuthor(doc.text, q.cue) || admittedToAuthor(doc.text, q.cue) || saidByWriter(doc.text, q.cue) || leftUnsaid(doc.text, q.cue))).map((q) => q.id));
  if (own.size === 0) return doc.voices;
  return doc.voices.map((v) => (v.voice === 'reported' && v.quoteId && own.has(v.quoteId) ? { ...v, voice: 'author' as const } : v));
}

/** A speaker who is nobody: "said no one", "said nobody ever", "said literally no one". */
const NOBODY_SPEAKER = /^(?:literally |absolutely )?(?:no ?one|nobody|not a single (?:person|soul))(?: ever)?$/i;

/**
 * "You have to admit ...", "you've got to admit ...", "you must admit ..." (hate19): the writer
 * tells the reader what to concede, so the claim after it is the writer's own.
 */
function admittedToAuthor(text: string, cue: Span | null): boolean {
  if (!cue || text.slice(cue.start, cue.end).toLowerCase() !== 'admit') return false;
  return /\byou(?: (?:have|must|gotta|need)|(?: ha|'|’)ve got|(?: would|'d|’d) have)(?: to)? $/i.test(text.slice(Math.max(0, cue.start - 24), cue.start));
}

/**
 * A cue of saying right after the writer as its subject, "I'm just saying ...", "we are only
 * saying ...", "I say ..." (hate22): the writer's own claim, whoever provenance took for the speaker.
 */
function saidByWriter(text: string, cue: Span | null): boolean {
  if (!cue || cue.end - cue.start > 6) return false;
  const verb = text.slice(cue.start, cue.end).toLowerCase();
  if (verb !== 'say' || cue.start < 2) return verb === 'saying' && /(?:^|[^a-z])(?:i(?:'|’)m|i am|we(?:'|’)re|we are)(?: (?:just|only|simply|merely|really|honestly|all))* $/i.test(text.slice(Math.max(0, cue.start - 32), cue.start));
  return /(?:^|[^a-z])(?:i|we)(?: (?:just|only|simply|merely|really|honestly|still|always))* $/i.test(text.slice(Math.max(0, cue.start - 24), cue.start));
}

/**
 * A saying that its source "forgot" or "failed" to make ("the article forgot to mention they're all
 * criminals", hate22): the writer supplies the claim the source left out, so it is the writer's.
 */
function leftUnsaid(text: string, cue: Span | null): boolean {
  if (!cue) return false;
  return /(?:^|[^a-z])(?:conveniently |somehow |of course )?(?:forgot|forgets|forget|failed|fails|neglected|neglects|omitted|omits) to $/i.test(text.slice(Math.max(0, cue.start - 32), cue.start));
}

/** A cue "ask" whose listener is the writer and whose clause ends there: "if you ask me, ...". */
function askedOfAuthor(text: string, cue: Span | null): boolean {
  if (!cue || cue.end - cue.start > 5) return false;
  const verb = text.slice(cue.start, cue.end).toLowerCase();
  return (verb === 'ask' || verb === 'asked') && /^ (?:me|us),/i.test(text.slice(cue.end, cue.end + 4));
}

function explain(text: string, d: UnitDecision, model: HateModel, net?: HateNet): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const hit of d.ruleHits) {
    if (seen.has(hit.rule.id)) continue;
    seen.add(hit.rule.id);
    const words = hit.evidence.map((e) => `"${text.slice(e.start, e.end)}"`).join(' + ');
    let line = `rule ${hit.rule.id} (${hit.rule.category}): ${words}`;
    for (const p of hit.pronouns) line += `; pronoun refers to "${text.slice(p.match.start, p.match.end)}" (${p.target})`;
    parts.push(line);
  }
  if (d.modelUsed) {
    const p = d.probabilities[d.label].toFixed(2);
    const feats = d.features.map((f) => `${f.kind === 'lexicon' ? 'lexicon:' : ''}"${f.name}" (+${f.weight.toFixed(2)})`).join(', ');
    parts.push(`model ${model.name}@${model.version}: ${d.label} p=${p}${feats ? `; top features ${feats}` : ''}`);
  }
  if (d.netUsed && net) {
    const words = d.evidence.filter((e) => !d.mentions.some((m) => m.start === e.start)).map((e) => `"${text.slice(e.start, e.end)}"`);
    const gate = d.netCommentary ? ', in the author\'s own commentary (an article\'s commentary gate)' : '';
    parts.push(`network ${net.name}@${net.version}: hatespeech p=${d.score.toFixed(2)} with the group as a placeholder${gate}${words.length ? `; words that carry it ${words.join(', ')}` : ''}`);
  }
  return parts.join('. ');
}

/** Rules of sarcasm whose closing words are the writer's answer to what they report (h20, h22). */
const ANSWER_RULES: ReadonlySet<string> = new Set(['h22-implied', 'h20-implied-knowing']);

/**
 * Whether a rule's evidence runs from a report on into the author's own words after it, which
 * the rule read as part of the claim: "Some folks say ... add colour to the area. So does
 * graffiti." answers the report in the writer's voice (hate22). A rule whose words all lie in
 * the report ("People say ... are vermin. Disgusting.") is not such an answer.
 */
function answersReport(text: string, voices: readonly VoiceSpan[], spans: readonly Span[]): boolean {
  let reportedEnd = -1;
  for (const s of spans) for (const v of voices) if (v.voice === 'reported' && v.start < s.end && v.end > s.start) reportedEnd = Math.max(reportedEnd, Math.min(v.end, s.end));
  if (reportedEnd < 0) return false;
  for (const s of spans) {
    for (const v of voices) {
      if (v.voice !== 'author') continue;
      const a = Math.max(v.start, s.start, reportedEnd);
      const b = Math.min(v.end, s.end);
      for (let i = a; i < b; i++) {
        const c = text.charCodeAt(i) | 0x20;
        if (c >= 97 && c <= 122) return true;
      }
    }
  }
  return false;
}

/** The voice that covers most of the evidence characters (a quoted slur is quoted hate). */
function voiceOfSpans(voices: readonly VoiceSpan[], spans: readonly Span[]): Voice | undefined {
  const counts: Record<Voice, number> = { author: 0, quoted: 0, reported: 0 };
  for (const s of spans) {
    for (const v of voices) {
      if (v.end <= s.start || v.start >= s.end) continue;
      counts[v.voice] += Math.min(v.end, s.end) - Math.max(v.start, s.start);
    }
  }
  const total = counts.author + counts.quoted + counts.reported;
  if (total === 0) return undefined;
  return counts.quoted > counts.author && counts.quoted >= counts.reported ? 'quoted' : counts.reported > counts.author ? 'reported' : 'author';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
