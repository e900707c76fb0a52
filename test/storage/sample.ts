import type { Analysis, Finding, Outlet, Quote, Speaker } from '../../src/core/types.js';
import { emptyMeta } from '../../src/input/document.js';

/** A hand-built analysis: spans found by `indexOf`, so every span slices its own text. */
export function sampleAnalysis(id: string, text: string, parts: { findings?: FindingSpec[]; quote?: QuoteSpec } = {}): Analysis {
  const at = (s: string) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`fixture: "${s}" not in text`);
    return { start, end: start + s.length, text: s };
  };
  const speakers: Speaker[] = [];
  const outlets: Outlet[] = [];
  const quotes: Quote[] = [];
  if (parts.quote) {
    const q = parts.quote;
    speakers.push({ id: 's1', name: q.speaker, mentions: [at(q.speaker)] });
    if (q.outlet) outlets.push({ id: q.outlet.id, name: q.outlet.name, country: null, stateAffiliated: q.outlet.state, typology: q.outlet.state ? 'SC' : null, owner: null, mentions: [at(q.outlet.name)] });
    quotes.push({ id: 'q1', kind: 'direct', ...at(q.text), speakerId: 's1', outletId: q.outlet?.id ?? null, cue: null, explanation: 'test quote' });
  }
  const findings: Finding[] = (parts.findings ?? []).map((f, i) => ({
    id: `f${i + 1}`,
    kind: f.kind,
    label: f.label,
    ...at(f.text),
    score: 0.9,
    voice: f.voice,
    explanation: `test rule ${f.label}`,
    ruleId: `test.${f.label}`,
    ...(f.targets ? { targets: f.targets } : {}),
  }));
  return {
    schemaVersion: 1,
    text,
    meta: emptyMeta({ source: id }),
    sentences: [{ start: 0, end: text.length }],
    voices: [{ start: 0, end: text.length, voice: 'author' }],
    quotes,
    speakers,
    outlets,
    findings,
  };
}

export interface FindingSpec {
  kind: Finding['kind'];
  label: string;
  text: string;
  voice: Finding['voice'];
  targets?: string[];
}

export interface QuoteSpec {
  text: string;
  speaker: string;
  outlet?: { id: string; name: string; state: boolean };
}
