import { AUTHOR_SPEAKER } from '../core/voice.js';
import type { Analysis, Finding, HateVerdict, Outlet, Quote } from '../core/types.js';
import { countNonSpace } from '../core/spans.js';

/**
 * The answers a moderator wants before reading a word of the article, drawn from one
 * analysis: is there hate in the author's own voice and against whom, how much is
 * reported and from whom, which outlets are state media, and which three claims to
 * check first. The hate and state-voice summaries of the analysis are used when the
 * pipeline filled them; otherwise the same is derived from the findings and quotes.
 *
 * src/outputs/web/report.ts draws the same verdict in the browser (the web page gets only the
 * analysis); test/e2e/report.test.ts checks the two agree.
 */
export interface Verdict {
  hate: HateVerdict;
  /** Shares of the text's non-space characters, 0 to 1. */
  voices: { author: number; quoted: number; reported: number };
  /** The state-voice headline from provenance, when the pipeline gave one. */
  stateHeadline: string | null;
  /** Who the reported and quoted words come from, largest share first (at most five). */
  sources: VerdictSource[];
  stateOutlets: Pick<Outlet, 'id' | 'name' | 'country' | 'typology'>[];
  /** The three claims most worth checking, highest score first. */
  topClaims: Pick<Finding, 'id' | 'start' | 'end' | 'text' | 'score' | 'voice'>[];
}

export interface VerdictSource {
  name: string;
  /** Share of the text's non-space characters in this source's quotes. */
  share: number;
  /** A state-affiliated outlet, or a speaker the provenance marks as a state actor. */
  state: boolean;
}

const MAX_SOURCES = 5;

export function verdictOf(analysis: Analysis): Verdict {
  const total = countNonSpace(analysis.text, 0, analysis.text.length) || 1;
  const voices = { author: 0, quoted: 0, reported: 0 };
  const bySource = new Map<string, VerdictSource>();
  const quoteById = new Map(analysis.quotes.map((q) => [q.id, q]));
  // What the writer reports of their own words ("I have always said …") is the writer's voice.
  const authorIds = new Set(analysis.speakers.filter((s) => s.name === AUTHOR_SPEAKER).map((s) => s.id));
  for (const v of analysis.voices) {
    const n = countNonSpace(analysis.text, v.start, v.end);
    const q = v.quoteId === undefined ? undefined : quoteById.get(v.quoteId);
    const voice = q?.speakerId && authorIds.has(q.speakerId) ? 'author' : v.voice;
    voices[voice] += n / total;
    if (!q || voice === 'author') continue;
    const source = sourceOf(analysis, q);
    const entry = bySource.get(source.name) ?? { ...source, share: 0 };
    entry.share += n / total;
    bySource.set(source.name, entry);
  }
  return {
    hate: analysis.hate ?? hateOf(analysis.findings),
    voices,
    stateHeadline: analysis.stateVoice?.headline ?? null,
    sources: [...bySource.values()].sort((a, b) => b.share - a.share || a.name.localeCompare(b.name)).slice(0, MAX_SOURCES),
    stateOutlets: analysis.outlets.filter((o) => o.stateAffiliated).map(({ id, name, country, typology }) => ({ id, name, country, typology })),
    topClaims: analysis.findings
      .filter((f) => f.kind === 'claim')
      .sort((a, b) => b.score - a.score || a.start - b.start)
      .slice(0, 3)
      .map(({ id, start, end, text, score, voice }) => ({ id, start, end, text, score, voice })),
  };
}

/** The author-voice hate verdict from the findings: the strongest label among the author's own hate findings. */
function hateOf(findings: readonly Finding[]): HateVerdict {
  const own = findings.filter((f) => f.kind === 'hate' && f.voice === 'author');
  const label = own.some((f) => f.label === 'hatespeech') ? 'hatespeech' : own.length ? 'offensive' : 'normal';
  const targets = [...new Set(own.flatMap((f) => f.targets ?? []))];
  return { label, targets, findingIds: own.map((f) => f.id) };
}

function sourceOf(analysis: Analysis, q: Quote): Omit<VerdictSource, 'share'> {
  const speaker = analysis.speakers.find((s) => s.id === q.speakerId);
  const outlet = analysis.outlets.find((o) => o.id === q.outletId);
  if (speaker) return { name: speaker.name, state: Boolean(speaker.stateActor) || Boolean(outlet?.stateAffiliated) };
  if (outlet) return { name: outlet.name, state: Boolean(outlet.stateAffiliated) };
  return { name: 'unattributed', state: false };
}
