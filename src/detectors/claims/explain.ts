import type { ClaimPart } from '../../core/types.js';
import { SIGNAL_NAMES } from './features.js';
import type { CompiledCue } from './cues.js';
import { MEANING_FEATURE, type ScoredFeature } from './model.js';

const MEANING_WORTH_SAYING = 0.1;

/** One paragraph a reader can check: score, the signals and cue lists that pushed it up, the words that weighed most, the parts. */
export function explainClaim(probability: number, threshold: number, signals: readonly string[], contributions: readonly ScoredFeature[], parts: readonly ClaimPart[], cues: readonly CompiledCue[]): string {
  const weightOf = new Map(contributions.map((c) => [c.name, c.weight]));
  const describe = (s: string) => SIGNAL_NAMES[s] ?? (s.startsWith('cue:') ? `${cues.find((c) => 'cue:' + c.id === s)?.id ?? s.slice(4)} words` : s);
  const helped = signals.filter((s) => (weightOf.get(s) ?? 0) > 0).map(describe);
  const hurt = signals.filter((s) => (weightOf.get(s) ?? 0) < 0).map(describe);
  // The pooled word vectors: one number for "what the sentence is about", named when it matters.
  const meaning = weightOf.get(MEANING_FEATURE) ?? 0;
  const meaningText = `what its words are about (${meaning >= 0 ? '+' : ''}${meaning.toFixed(2)})`;
  if (meaning >= MEANING_WORTH_SAYING) helped.push(meaningText);
  if (meaning <= -MEANING_WORTH_SAYING) hurt.push(meaningText);
  // Context features (context.ts): one number for where the sentence stands (speaker, turn, neighbours).
  let place = 0;
  for (const c of contributions) if (c.name.startsWith('ctx:') || c.name.startsWith('prev:') || c.name.startsWith('next:')) place += c.weight;
  const placeText = `where it stands: its speaker, its turn, the sentences around it (${place >= 0 ? '+' : ''}${place.toFixed(2)})`;
  if (place >= MEANING_WORTH_SAYING) helped.push(placeText);
  if (place <= -MEANING_WORTH_SAYING) hurt.push(placeText);
  // "w:in" and "b:<s> in" read the same; one entry per phrase, with their weights summed.
  const byPhrase = new Map<string, number>();
  for (const c of contributions) {
    if (!/^[wbtl]:/.test(c.name)) continue;
    const phrase = displayWords(c.name);
    byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + c.weight);
  }
  const lexical = [...byPhrase].map(([name, weight]) => ({ name, weight }));
  const top = [...lexical].sort((a, b) => b.weight - a.weight).slice(0, 3).filter((c) => c.weight > 0);
  const bottom = [...lexical].sort((a, b) => a.weight - b.weight).slice(0, 2).filter((c) => c.weight < 0);
  const word = (c: ScoredFeature) => `"${c.name}" (${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)})`;

  const lines = [`Check-worthy claim: model score ${probability.toFixed(2)} (threshold ${threshold.toFixed(2)}).`];
  if (helped.length > 0) lines.push(`Signals for: ${helped.join(', ')}.`);
  if (top.length > 0) lines.push(`Words for: ${top.map(word).join(', ')}.`);
  if (hurt.length > 0 || bottom.length > 0) lines.push(`Against: ${[...hurt, ...bottom.map(word)].join(', ')}.`);
  if (parts.length > 0) lines.push(`Parts: ${parts.map((p) => `${p.type} "${p.text}"${p.value !== undefined && p.value !== null ? ` = ${p.value}${p.unit ? ' ' + p.unit : ''}` : ''}`).join('; ')}.`);
  return lines.join(' ');
}

/** "b:in #year" -> "in <year>", "l:troop/NOUN" -> "troop" (lemma), "b:<s> we" -> "we" (sentence start). */
function displayWords(name: string): string {
  const body = name.startsWith('l:') ? name.slice(2).replace(/\/[A-Z]+$/, '') : name.slice(2);
  return body
    .replace(/<s> |\s?<\/s>/g, '')
    .replace(/#year/g, '<year>')
    .replace(/#num/g, '<number>');
}
