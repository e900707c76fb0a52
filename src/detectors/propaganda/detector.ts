import type { AnalyzedDocument } from '../../core/document.js';
import { UnspinError } from '../../core/errors.js';
import type { Quote, Span } from '../../core/types.js';
import type { Detector, DetectorFinding } from '../detector.js';
import { describeTop, describeTopIds } from './explain.js';
import { buildFeatureContext, emitTokenFeatures, hitsWithin, sentenceFeatures, spanFeatures, tokenRange, type FeatureContext } from './features.js';
import { FeatureRecord, featureTallyOf, scoreSinkOf } from './feature-sink.js';
import { defaultPropagandaLexicon, type Lexicon } from './lexicons.js';
import { binaryContributions, featureIdsOf, featureNameOf, strongestMultiContributionIds } from './linear.js';
import { defaultPropagandaModel, usesWordVectors, type PropagandaModel } from './model.js';
import { classifyFeatures, classifyTokens, sentenceProbabilities, tokenProbabilities } from './predict.js';
import { proposeSpans, type ProposedSpan } from './propose.js';
import { TECHNIQUES, type Technique } from './techniques.js';

export interface PropagandaDetectorOptions {
  /** Trained model; the shipped one (models/propaganda.json) when omitted, read on first use. */
  model?: PropagandaModel;
  /** Cue lexicon; the shipped one (data/propaganda/*.yml) when omitted. */
  lexicon?: Lexicon;
  /** Drop proposed spans scoring below this (0..1), on top of the model's own tuned cuts; 0 (default) keeps them all. */
  minScore?: number;
  /** Report scare quotes found by the spine where the tagger finds a strong word in them (default true). */
  scareQuotes?: boolean;
}

/** The labels a scare quote can take: the writer distances themself from a word. */
const SCARE_LABELS: readonly Technique[] = ['Loaded_Language', 'Doubt', 'Name_Calling,Labeling'];

export function createPropagandaDetector(options: PropagandaDetectorOptions = {}): Detector {
  const { minScore = 0, scareQuotes = true } = options;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw new UnspinError('USAGE', `propaganda detector: minScore must be a number in 0..1, got ${String(minScore)}`);
  }
  let model = options.model;
  let lexicon = options.lexicon;

  return {
    name: 'propaganda',
    kind: 'propaganda',
    labels: TECHNIQUES,
    detect(doc: AnalyzedDocument): DetectorFinding[] {
      model ??= defaultPropagandaModel();
      lexicon ??= defaultPropagandaLexicon();
      if (doc.tokens.length === 0) return [];
      const tokens = doc.tokens;
      const ctx = buildFeatureContext(doc.text, doc.tokens, doc.sentences, lexicon, model.sentiment, model.clusters, usesWordVectors(model), doc.voices);
      const sentenceProbs = sentenceProbabilities(model, ctx);
      // The tagger's feature ids of each scored token are kept, to explain tagged spans from.
      const record = new FeatureRecord(tokens.length);
      const probs = tokenProbabilities(model, ctx, sentenceProbs, record);
      const findings: DetectorFinding[] = [];
      if (scareQuotes) {
        for (const q of doc.quotes) {
          if (q.kind !== 'scare') continue;
          const finding = scareQuoteFinding(model, ctx, q, probs);
          if (finding) findings.push(finding);
        }
      }
      // A tagged span within a scare quote (the quoted word, with or without its marks) is
      // already reported, with the quote as its reason.
      const quoted = findings.map((f) => [f.start, f.end] as const);
      const cues: { finding: DetectorFinding; cue: Span }[] = [];
      for (const span of proposeSpans(model, ctx, sentenceProbs, probs)) {
        if (span.score < minScore) continue;
        const finding = spanFinding(model, ctx, span, sentenceProbs, record);
        if (quoted.some(([a, b]) => finding.start >= a && finding.end <= b)) continue;
        if (span.cue) cues.push({ finding, cue: { start: tokens[span.cue.first]!.start, end: tokens[span.cue.last - 1]!.end } });
        else findings.push(finding);
      }
      findings.push(...uncoveredCues(findings, cues));
      return findings;
    },
  };
}

function spanFinding(model: PropagandaModel, ctx: FeatureContext, span: ProposedSpan, sentenceProbs: ArrayLike<number>, record: FeatureRecord): DetectorFinding {
  const { tokens, text } = ctx;
  const { first, last, score, source } = span;
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  // One feature list both ranks the techniques and explains the winner.
  const features = spanFeatures(ctx, first, last);
  const ids = featureIdsOf(model.classifier.index, features);
  const ranked = classifyFeatures(model, features, ids);
  // A repetition span is Repetition, a reported lexicon cue its entry's technique; the classifier ranks the rest.
  const fixed = source === 'repetition' ? ('Repetition' as Technique) : span.cue?.technique;
  const top = fixed ? { label: fixed, p: ranked.find((r) => r.label === fixed)?.p ?? 0 } : ranked[0]!;

  // Why the span: what pushed it in. For a tagged span, the tagger features summed over
  // its tokens; for a whole sentence, the sentence model's features.
  let spanCues: string[];
  if (source === 'cue') {
    spanCues = [`lexicon cue “${span.cue!.term}”`];
  } else if (source === 'sentence') {
    spanCues = describeTop(binaryContributions(model.sentence, sentenceFeatures(ctx, tokens[first]!.sentence)));
  } else {
    // The tagger's weights summed by feature id over the span's tokens, from the ids the first
    // stage recorded (a token it did not score, none in a tagged span, is scored again through
    // the sink); only the features that end up named are turned back into strings.
    const pushed = featureTallyOf(model.tagger);
    for (let i = first; i < last; i++) {
      if (record.replay(i, model.tagger.weights, pushed)) continue;
      const sink = scoreSinkOf(model.tagger);
      sink.tally = pushed;
      emitTokenFeatures(ctx, i, sentenceProbs[tokens[i]!.sentence] ?? 0, sink);
      sink.tally = null;
    }
    // Only the pushing features can be named, and only the first few named ones are, so
    // the ids are read strongest first (ties in first-seen order) and named as they are read.
    const index = model.tagger.index;
    spanCues = describeTopIds(index, (id) => featureNameOf(index, id), pushed.strongest(index.get('bias') ?? -1));
  }
  const labelIndex = model.classifier.labels.indexOf(top.label);
  const classes = model.classifier.index;
  const labelCues = labelIndex >= 0 ? describeTopIds(classes, (id) => featureNameOf(classes, id), strongestMultiContributionIds(model.classifier, features, ids, labelIndex)) : [];
  const hit = span.cue ?? hitsWithin(ctx, first, last).find((h) => h.technique === top.label);

  const why =
    source === 'repetition'
      ? `${top.label}: repeats a phrase the model marked elsewhere in the article`
      : `${top.label} (technique p ${top.p.toFixed(2)}${labelCues.length ? `: ${labelCues.join(', ')}` : ''})`;
  const how =
    source === 'sentence' ? `whole sentence, sentence score ${score.toFixed(2)}` : source === 'cue' ? `reported on the cue alone, sentence score ${score.toFixed(2)}` : `span score ${score.toFixed(2)}`;
  const finding: DetectorFinding = {
    kind: 'propaganda',
    label: top.label,
    start,
    end,
    text: text.slice(start, end),
    score: round(score),
    explanation: `${why}; ${how}${spanCues.length ? ` from ${spanCues.join(', ')}` : ''}`,
    model: model.name,
  };
  if (hit) finding.ruleId = hit.entryId;
  return finding;
}

/**
 * A scare quote is a strong cue: the spine found quotation marks that distance the
 * writer from a word. Quotation marks around a word also set off terms, titles and
 * mentions, so a quote is reported only when the tagger gives one of its tokens the
 * model's seed probability, the bar any span must reach (on PTC dev, scare quotes the
 * tagger saw nothing in overlapped annotated propaganda for a quarter of their length,
 * against a third for tagged spans). The classifier then chooses which of the three
 * fitting techniques the context suggests.
 */
function scareQuoteFinding(model: PropagandaModel, ctx: FeatureContext, quote: Quote, probs: ArrayLike<number>): DetectorFinding | null {
  const range = tokenRange(ctx.tokens, quote.start, quote.end);
  if (!range) return null;
  let strongest = 0;
  for (let i = range[0]; i < range[1]; i++) strongest = Math.max(strongest, probs[i]!);
  if (strongest < model.seed) return null;
  const ranked = classifyTokens(model, ctx, range[0], range[1]).filter((r) => SCARE_LABELS.includes(r.label));
  const total = ranked.reduce((s, r) => s + r.p, 0);
  const top = ranked[0]!;
  const share = total > 0 ? top.p / total : 1 / SCARE_LABELS.length;
  return {
    kind: 'propaganda',
    label: top.label,
    start: quote.start,
    end: quote.end,
    text: quote.text,
    score: round(Math.max(0.6, share)),
    explanation: `${top.label}: scare quotes around “${quote.text.replace(/^[\s"“”‘’'«»]+|[\s"“”‘’'«»]+$/g, '')}” distance the writer from the word (${quote.explanation}); among ${SCARE_LABELS.join(', ')} the context favours ${top.label} (${share.toFixed(2)})`,
    model: model.name,
  };
}

/**
 * The reported cues' findings where no finding of the cue's technique covers the cue
 * already. Cues come in text order and never overlap (so one cue's finding never covers
 * the next cue), and a finding covers a cue when it starts at or before it and reaches
 * its end: one sweep per technique over the findings by start, keeping the furthest end,
 * answers that for every cue (a hostile text of thousands of cues stays linear).
 */
function uncoveredCues(findings: readonly DetectorFinding[], cues: readonly { finding: DetectorFinding; cue: Span }[]): DetectorFinding[] {
  if (cues.length === 0) return [];
  const byLabel = new Map<string, { starts: DetectorFinding[]; next: number; reach: number }>();
  for (const f of findings) {
    let entry = byLabel.get(f.label);
    if (!entry) byLabel.set(f.label, (entry = { starts: [], next: 0, reach: -1 }));
    entry.starts.push(f);
  }
  for (const entry of byLabel.values()) entry.starts.sort((a, b) => a.start - b.start);
  const out: DetectorFinding[] = [];
  for (const { finding, cue } of cues) {
    const entry = byLabel.get(finding.label);
    if (entry) {
      while (entry.next < entry.starts.length && entry.starts[entry.next]!.start <= cue.start) entry.reach = Math.max(entry.reach, entry.starts[entry.next++]!.end);
      if (entry.reach >= cue.end) continue;
    }
    out.push(finding);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
