import type { AnalyzedDocument } from '../core/document.js';
import { UnspinError } from '../core/errors.js';
import { SCHEMA_VERSION, type Analysis, type Finding, type Meta } from '../core/types.js';
import { annotateTokens, nestQuotedVoices, voiceOfFinding, voiceOfSpan } from '../core/voice.js';
import type { Detector, DetectorFinding } from '../detectors/detector.js';
import { hateVerdict } from '../detectors/hate/verdict.js';
import { defaultDetectors } from '../detectors/registry.js';
import { documentFromInput, type AnalyzeInput } from '../input/document.js';
import { buildProvenance } from '../provenance/index.js';
import { buildTextModel } from '../text/model.js';

export interface AnalyzeOptions {
  /** Detectors to run; the default set when omitted, none with `[]`. */
  detectors?: readonly Detector[];
  /** Fields of `meta` to set or override (source, url, ...). */
  meta?: Partial<Meta>;
  /** When given, receives the milliseconds each phase took (text, provenance, one per detector), for Server-Timing. */
  timings?: PhaseTimings;
}

/** Milliseconds per phase of one analysis, in the order the phases ran. */
export type PhaseTimings = Record<string, number>;

/**
 * Analyses one document: text model, provenance map, then every detector.
 * Returns the same object that `unspin analyze --format json` prints.
 */
export function analyze(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Analysis {
  const { text, meta } = documentFromInput(typeof input === 'string' ? { text: input } : input, options.meta);
  return analyzeText(text, meta, options.detectors ?? sharedDetectors(), options.timings);
}

let shared: Detector[] | undefined;

/**
 * The default detectors, built once per process (or thread) and reused: results do not
 * depend on what was analysed before (see test/pipeline/determinism.test.ts), and each
 * detector keeps the models it loaded.
 */
function sharedDetectors(): Detector[] {
  shared ??= defaultDetectors();
  return shared;
}

export function analyzeText(text: string, meta: Meta, detectors: readonly Detector[], timings?: PhaseTimings): Analysis {
  if (text.trim() === '') {
    throw new UnspinError('INPUT_EMPTY', `${meta.source ?? 'input'}: no text to analyse`, { input: meta.source ?? undefined });
  }
  let mark = timings ? performance.now() : 0;
  const lap = (phase: string) => {
    if (!timings) return;
    const now = performance.now();
    timings[phase] = now - mark;
    mark = now;
  };
  const model = buildTextModel(text);
  lap('text');
  const built = buildProvenance(text, model, meta);
  const provenance = { ...built, voices: nestQuotedVoices(text, built.voices, built.quotes) };
  // The token view gets its voice and quote once, for every detector.
  annotateTokens(model.tokens, provenance.voices, provenance.quotes);
  lap('provenance');
  const doc: AnalyzedDocument = { text, meta, ...model, ...provenance };

  const raw: DetectorFinding[] = detectors.flatMap((detector) => {
    const found = detector.detect(doc);
    lap(detector.name);
    return found;
  });
  raw.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  const findings: Finding[] = raw.map((f, i) => ({ ...f, id: `f${i + 1}`, voice: f.voice ?? voiceOfFinding(provenance.voices, provenance.quotes, f) }));

  const analysis: Analysis = {
    schemaVersion: SCHEMA_VERSION,
    text,
    meta,
    sentences: model.sentences,
    voices: provenance.voices,
    quotes: provenance.quotes,
    speakers: provenance.speakers,
    outlets: provenance.outlets,
    findings,
    segments: provenance.segments,
    stateVoice: provenance.stateVoice,
    ...(model.skipped.length > 0 ? { skipped: model.skipped } : {}),
  };
  // The author's own voice decides: quoted or reported hate keeps its findings, not the verdict.
  if (detectors.some((d) => d.kind === 'hate')) analysis.hate = hateVerdict(findings);
  return analysis;
}

/** The voice that covers most of a span's characters; `author` when none does. */
export const voiceOf = voiceOfSpan;
