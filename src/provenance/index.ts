import type { Meta, Outlet, Quote, Speaker, VoiceSpan } from '../core/types.js';
import type { TextModel } from '../text/model.js';
import { buildVoices } from './voices.js';

export interface Provenance {
  quotes: Quote[];
  speakers: Speaker[];
  outlets: Outlet[];
  voices: VoiceSpan[];
}

/** The provenance map: quotes and their speakers, outlets cited, and who speaks where. */
export function buildProvenance(text: string, _model: TextModel, _meta: Meta): Provenance {
  const quotes: Quote[] = [];
  return { quotes, speakers: [], outlets: [], voices: buildVoices(text, quotes) };
}
