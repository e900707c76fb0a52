import type { ClaimPart } from '../../core/types.js';
import { SIGNAL_NAMES } from './features.js';
import type { CompiledCue } from './cues.js';
import { MEANING_FEATURE, type ScoredFeature } from './model.js';

const MEANING_WORTH_SAYING = 0.1;

/** One paragraph a reader can check: score, the signals and cue lists that pushed it up, the words that weighed most, the parts. */
export function explainClaim(probability: number, threshold: number, signals: readonly string[], contributions: readonly ScoredFeature[], parts: readonly ClaimPart[], cues: readonly CompiledCue[]): string {
  // One walk sorts the contributions into what the paragraph names: signal and cue weights,
  // the pooled word vectors, the context features (summed) and the word features (by phrase).
  const weightOf = new Map<string, number>();
  let meaning = 0;
  let place = 0;
  // "w:in" and "b:<s> in" read the same; one entry per phrase, with their weights summed.
  const byPhrase = new Map<string, number>();
  for (const c of contributions) {
    const { name, weight } = c;
    if (isWordFeature(name)) {
      const phrase = displayWords(name);
      byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + weight);
    } else if (name.startsWith('ctx:') || name.startsWith('prev:') || name.startsWith('next:')) place += weight;
    else if (name === MEANING_FEATURE) meaning = weight;
    // Only signals ("sig:", "cue:") are looked up below; the buckets, tags and the rest are not.
    else if (name.startsWith('sig:') || name.startsWith('cue:')) weightOf.set(name, weight);
  }
  const describe = (s: string) => SIGNAL_NAMES[s] ?? (s.startsWith('cue:') ? `${cues.find((c) => 'cue:' + c.id === s)?.id ?? s.slice(4)} words` : s);
  const helped = signals.filter((s) => (weightOf.get(s) ?? 0) > 0).map(describe);
  const hurt = signals.filter((s) => (weightOf.get(s) ?? 0) < 0).map(describe);
  // The pooled word vectors: one number for "what the sentence is about", named when it matters.
  const meaningText = `what its words are about (${meaning >= 0 ? '+' : ''}${meaning.toFixed(2)})`;
  if (meaning >= MEANING_WORTH_SAYING) helped.push(meaningText);
  if (meaning <= -MEANING_WORTH_SAYING) hurt.push(meaningText);
  // Context features (context.ts): one number for where the sentence stands (speaker, turn, neighbours).
  const placeText = `where it stands: its speaker, its turn, the sentences around it (${place >= 0 ? '+' : ''}${place.toFixed(2)})`;
  if (place >= MEANING_WORTH_SAYING) helped.push(placeText);
  if (place <= -MEANING_WORTH_SAYING) hurt.push(placeText);
  const top: ScoredFeature[] = [];
  const bottom: ScoredFeature[] = [];
  for (const [name, weight] of byPhrase) {
    if (weight > 0) keepBest(top, 3, { name, weight }, 1);
    else if (weight < 0) keepBest(bottom, 2, { name, weight }, -1);
  }
  const word = (c: ScoredFeature) => `"${c.name}" (${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)})`;

  const lines = [`Check-worthy claim: model score ${probability.toFixed(2)} (threshold ${threshold.toFixed(2)}).`];
  if (helped.length > 0) lines.push(`Signals for: ${helped.join(', ')}.`);
  if (top.length > 0) lines.push(`Words for: ${top.map(word).join(', ')}.`);
  if (hurt.length > 0 || bottom.length > 0) lines.push(`Against: ${[...hurt, ...bottom.map(word)].join(', ')}.`);
  if (parts.length > 0) lines.push(`Parts: ${parts.map((p) => `${p.type} "${p.text}"${p.value !== undefined && p.value !== null ? ` = ${p.value}${p.unit ? ' ' + p.unit : ''}` : ''}`).join('; ')}.`);
  return lines.join(' ');
}

/**
 * Keeps `best` the first `size` items of a stable sort by weight (descending for sign 1,
 * ascending for -1) of every item offered, in one walk instead of sorting them all: an item
 * goes after those that weigh the same, as a stable sort leaves it.
 */
function keepBest(best: ScoredFeature[], size: number, item: ScoredFeature, sign: 1 | -1): void {
  let at = best.length;
  while (at > 0 && sign * item.weight > sign * best[at - 1]!.weight) at--;
  if (at >= size) return;
  best.splice(at, 0, item);
  if (best.length > size) best.pop();
}

/** A word n-gram or lemma feature: "w:", "b:", "t:" or "l:". */
function isWordFeature(name: string): boolean {
  if (name.charCodeAt(1) !== 58) return false; // ':'
  const kind = name.charCodeAt(0);
  return kind === 119 || kind === 98 || kind === 116 || kind === 108; // w b t l
}

/** "b:in #year" -> "in <year>", "l:troop/NOUN" -> "troop" (lemma), "b:<s> we" -> "we" (sentence start). */
function displayWords(name: string): string {
  const body = name.startsWith('l:') ? name.slice(2).replace(/\/[A-Z]+$/, '') : name.slice(2);
  // Most phrases hold no sentence mark and no placeholder: they read as they are.
  if (!body.includes('<') && !body.includes('#')) return body;
  return body
    .replace(/<s> |\s?<\/s>/g, '')
    .replace(/#year/g, '<year>')
    .replace(/#num/g, '<number>');
}
