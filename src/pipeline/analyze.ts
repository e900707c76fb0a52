import type { AnalyzedDocument } from '../core/document.js';
import { UnspinError } from '../core/errors.js';
import { findContaining } from '../core/spans.js';
import { SCHEMA_VERSION, type Analysis, type Finding, type Meta, type Voice, type VoiceSpan } from '../core/types.js';
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
}

/**
 * Analyses one document: text model, provenance map, then every detector.
 * Returns the same object that `unspin analyze --format json` prints.
 */
export function analyze(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Analysis {
  const { text, meta } = documentFromInput(typeof input === 'string' ? { text: input } : input, options.meta);
  return analyzeText(text, meta, options.detectors ?? defaultDetectors());
}

export function analyzeText(text: string, meta: Meta, detectors: readonly Detector[]): Analysis {
  if (text.trim() === '') {
    throw new UnspinError('INPUT_EMPTY', `${meta.source ?? 'input'}: no text to analyse`, { input: meta.source ?? undefined });
  }
  const model = buildTextModel(text);
  const provenance = buildProvenance(text, model, meta);
  const doc: AnalyzedDocument = { text, meta, ...model, ...provenance };

  const raw: DetectorFinding[] = detectors.flatMap((detector) => detector.detect(doc));
  raw.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  const findings: Finding[] = raw.map((f, i) => ({ ...f, id: `f${i + 1}`, voice: f.voice ?? voiceOf(provenance.voices, f.start, f.end) }));

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
  };
  // The author's own voice decides: quoted or reported hate keeps its findings, not the verdict.
  if (detectors.some((d) => d.kind === 'hate')) analysis.hate = hateVerdict(findings);
  return analysis;
}

/** The voice that covers most of a span's characters; `author` when none does. */
export function voiceOf(voices: readonly VoiceSpan[], start: number, end: number): Voice {
  const counts: Record<Voice, number> = { author: 0, quoted: 0, reported: 0 };
  let i = findContaining(voices, start);
  if (i < 0) i = voices.findIndex((v) => v.end > start);
  for (; i >= 0 && i < voices.length && voices[i]!.start < end; i++) {
    const v = voices[i]!;
    counts[v.voice] += Math.min(v.end, end) - Math.max(v.start, start);
  }
  return counts.quoted > counts.author && counts.quoted >= counts.reported ? 'quoted' : counts.reported > counts.author ? 'reported' : 'author';
}
