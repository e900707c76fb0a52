import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import type { Analysis } from '../../src/core/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface GoldenCase {
  slug: string;
  dir: string;
  analysis: Analysis;
}

/** Fixture folders that hold an input.txt or a source.html. */
export function goldenSlugs(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (existsSync(join(FIXTURES, d.name, 'input.txt')) || existsSync(join(FIXTURES, d.name, 'source.html'))))
    .map((d) => d.name)
    .sort();
}

export function analyzeFixture(slug: string): GoldenCase {
  const dir = join(FIXTURES, slug);
  const htmlPath = join(dir, 'source.html');
  const input = existsSync(htmlPath) ? { html: readFileSync(htmlPath, 'utf8') } : { text: readFileSync(join(dir, 'input.txt'), 'utf8') };
  return { slug, dir, analysis: analyze(input, { meta: { source: slug } }) };
}

/**
 * The structured fields a golden case pins: what a reviewer reads and agrees with.
 * Offsets are left out (the span test checks them on every fixture) so that a
 * change of one character in a fixture does not rewrite every number.
 */
export function project(analysis: Analysis) {
  const speakerName = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  const slice = (s: { start: number; end: number }) => analysis.text.slice(s.start, s.end);
  return {
    meta: { title: analysis.meta.title, byline: analysis.meta.byline, publishedAt: analysis.meta.publishedAt, url: analysis.meta.url },
    text: analysis.meta.format === 'html' ? analysis.text : undefined,
    quotes: analysis.quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speakerId ? (speakerName.get(q.speakerId) ?? null) : null, outlet: q.outletId, cue: q.cue?.text ?? null })),
    speakers: analysis.speakers.map((s) => ({ name: s.name, mentions: s.mentions.map(slice), role: s.role ?? null, affiliation: s.affiliation ?? null, stateActor: s.stateActor?.country ?? null })),
    // A segment by its kind, outlet and opening words: enough to review where the register changes.
    segments: (analysis.segments ?? []).map((g) => `${g.kind}${g.outletId ? ` via ${g.outletId}` : ''}: ${slice(g).slice(0, 60)}`),
    stateVoice: analysis.stateVoice ?? null,
    outlets: analysis.outlets.map((o) => ({ id: o.id, name: o.name, stateAffiliated: o.stateAffiliated, mentions: o.mentions.map(slice) })),
    nonAuthorVoices: analysis.voices.filter((v) => v.voice !== 'author').map((v) => `${v.voice}: ${slice(v)}`),
    findings: analysis.findings.map((f) => ({ kind: f.kind, label: f.label, voice: f.voice, text: f.text, ...(f.targets ? { targets: f.targets } : {}) })),
  };
}
