import type { Analysis, Outlet, Quote, Speaker } from '../../src/core/types.js';
import { buildProvenance, type ProvenanceOptions } from '../../src/provenance/index.js';
import { buildTextModel } from '../../src/text/model.js';

const META = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };

/** The provenance map of a text as an Analysis (no detectors), so the span helpers can check it. */
export function provenanceOf(text: string, options: ProvenanceOptions = {}): Analysis {
  const model = buildTextModel(text);
  const p = buildProvenance(text, model, META, options);
  return { schemaVersion: 1, text, meta: META, sentences: model.sentences, voices: p.voices, quotes: p.quotes, speakers: p.speakers, outlets: p.outlets, findings: [], segments: p.segments, stateVoice: p.stateVoice };
}

export function speakerOf(a: Analysis, q: Quote | undefined): Speaker | undefined {
  return q?.speakerId ? a.speakers.find((s) => s.id === q.speakerId) : undefined;
}

/** The quote whose text contains `words`. */
export function quoteWith(a: Analysis, words: string): Quote | undefined {
  return a.quotes.find((q) => q.text.includes(words));
}

export function voiceAt(a: Analysis, offset: number): string | undefined {
  return a.voices.find((v) => v.start <= offset && offset < v.end)?.voice;
}

/** A fake outlet finder: every occurrence of each name is a mention. */
export function fakeOutlets(names: Record<string, string>): (text: string) => Outlet[] {
  return (text) =>
    Object.entries(names).flatMap(([id, name]) => {
      const mentions = [];
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) mentions.push({ start: i, end: i + name.length });
      return mentions.length ? [{ id, name, country: null, stateAffiliated: null, typology: null, owner: null, mentions }] : [];
    });
}
