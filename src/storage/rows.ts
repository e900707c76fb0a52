import type { Analysis, Finding, Quote } from '../core/types.js';

/** The rows one analysis becomes, engine-neutral; both stores insert exactly these. */
export interface AnalysisRows {
  analysis: { schemaVersion: number; title: string | null; url: string | null; publishedAt: string | null; textLength: number; findingCount: number };
  findings: FindingRowData[];
  targets: { findingId: string; target: string }[];
  quotes: { quoteId: string; kind: string; start: number; end: number; text: string; speakerId: string | null; outletId: string | null; explanation: string }[];
  speakers: { speakerId: string; name: string; mentions: number }[];
  outlets: { outletId: string; name: string; country: string | null; stateAffiliated: boolean | null; typology: string | null; owner: string | null; mentions: number }[];
}

export interface FindingRowData {
  findingId: string;
  kind: string;
  label: string;
  start: number;
  end: number;
  text: string;
  score: number;
  voice: string;
  ruleId: string | null;
  model: string | null;
  explanation: string;
  quoteId: string | null;
  speakerName: string | null;
  outletId: string | null;
  outletName: string | null;
  stateAffiliated: boolean | null;
}

/**
 * Flattens an analysis. A finding is attributed to the quote it overlaps most, and
 * through it to that quote's speaker and outlet, so queries by speaker or outlet
 * need no span arithmetic in SQL.
 */
export function analysisRows(analysis: Analysis): AnalysisRows {
  const speakers = new Map(analysis.speakers.map((s) => [s.id, s]));
  const outlets = new Map(analysis.outlets.map((o) => [o.id, o]));
  const findings = analysis.findings.map((f): FindingRowData => {
    const quote = quoteOf(analysis.quotes, f);
    const outlet = quote?.outletId ? outlets.get(quote.outletId) : undefined;
    return {
      findingId: f.id,
      kind: f.kind,
      label: f.label,
      start: f.start,
      end: f.end,
      text: f.text,
      score: f.score,
      voice: f.voice,
      ruleId: f.ruleId ?? null,
      model: f.model ?? null,
      explanation: f.explanation,
      quoteId: quote?.id ?? null,
      speakerName: quote?.speakerId ? (speakers.get(quote.speakerId)?.name ?? null) : null,
      outletId: outlet?.id ?? quote?.outletId ?? null,
      outletName: outlet?.name ?? null,
      stateAffiliated: outlet?.stateAffiliated ?? null,
    };
  });
  return {
    analysis: {
      schemaVersion: analysis.schemaVersion,
      title: analysis.meta.title,
      url: analysis.meta.url,
      publishedAt: analysis.meta.publishedAt,
      textLength: analysis.text.length,
      findingCount: analysis.findings.length,
    },
    findings,
    targets: analysis.findings.flatMap((f) => [...new Set(f.targets ?? [])].map((target) => ({ findingId: f.id, target }))),
    quotes: analysis.quotes.map((q) => ({ quoteId: q.id, kind: q.kind, start: q.start, end: q.end, text: q.text, speakerId: q.speakerId, outletId: q.outletId, explanation: q.explanation })),
    speakers: analysis.speakers.map((s) => ({ speakerId: s.id, name: s.name, mentions: s.mentions.length })),
    outlets: analysis.outlets.map((o) => ({ outletId: o.id, name: o.name, country: o.country, stateAffiliated: o.stateAffiliated, typology: o.typology, owner: o.owner, mentions: o.mentions.length })),
  };
}

function quoteOf(quotes: readonly Quote[], f: Finding): Quote | undefined {
  let best: Quote | undefined;
  let bestOverlap = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, f.end) - Math.max(q.start, f.start);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Words of a free-text search, for engines that need them quoted one by one. */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
