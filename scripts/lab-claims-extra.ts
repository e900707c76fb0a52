import type { Entity, Token } from '../src/core/types.js';

/** The extra feature sets lab-claims.ts can add (`--extra`). */
export const EXTRA_MODES = ['num', 'numshape', 'ents'] as const;

/**
 * Extra feature names under test (scripts/lab-claims.ts `--extra`), none shipped: `num`, each
 * figure's magnitude (powers of ten up to 10^7, or a year), a decimal point, money, a percentage
 * and a scale word after it (million, billion, ...); `numshape`, each figure's shape with digit
 * runs as d ("d,d", "d.d%", "$d"); `ents`, every pair of entity types in the sentence and the
 * entity count (0-3+).
 */
export function extraFeatureNames(view: { text: string; tokens: readonly Token[]; entities: readonly Entity[] }, modes: ReadonlySet<string>): string[] {
  if (modes.size === 0) return [];
  const out = new Set<string>();
  const tokens = view.tokens.filter((t) => t.pos !== 'SPACE');
  tokens.forEach((t, i) => {
    if (!/\d/.test(t.text)) return;
    const digits = t.text.replace(/[^\d.]/g, '');
    const value = Number.parseFloat(digits);
    const year = /^(1[89]\d\d|20\d\d)s?$/.test(t.text);
    if (modes.has('num')) {
      if (year) out.add('year');
      else if (Number.isFinite(value)) out.add('mag:' + Math.min(7, Math.max(0, Math.floor(Math.log10(Math.max(1, value))))));
      if (t.text.includes('.')) out.add('dec');
      const prev = tokens[i - 1]?.text ?? '';
      const next = (tokens[i + 1]?.norm ?? '').toLowerCase();
      if (/[$€£]/.test(prev) || /[$€£]/.test(t.text)) out.add('money');
      if (t.text.endsWith('%') || next === '%' || next === 'percent') out.add('pct');
      if (['million', 'billion', 'trillion', 'thousand', 'hundred'].includes(next)) out.add('scale');
    }
    if (modes.has('numshape')) {
      out.add('shape:' + t.text.replace(/\d+/g, 'd').slice(0, 6));
    }
  });
  if (modes.has('ents')) {
    const types = [...new Set(view.entities.map((e) => e.type))].sort();
    for (let a = 0; a < types.length; a++) for (let b = a + 1; b < types.length; b++) out.add('ep:' + types[a] + '+' + types[b]);
    out.add('ne:' + Math.min(3, view.entities.length));
  }
  return [...out];
}
