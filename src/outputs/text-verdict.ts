import type pc from 'picocolors';
import type { Analysis } from '../core/types.js';
import { positionOf } from './display.js';
import { escapeControls } from './escape-controls.js';
import { targetNames } from './target-names.js';
import { verdictOf } from './verdict.js';

type Colors = ReturnType<typeof pc.createColors>;

const HATE_LABEL = { hatespeech: 'hate speech', offensive: 'offensive language', normal: 'none' } as const;

/** The verdict block that opens the terminal summary: four lines a moderator reads first. */
export function verdictLines(analysis: Analysis, c: Colors): string[] {
  const v = verdictOf(analysis);
  const lines = [c.bold('Verdict')];
  const hate = v.hate.label === 'normal'
    ? c.green('none')
    : c.bold(c.red(HATE_LABEL[v.hate.label])) + (v.hate.targets.length ? escapeControls(` against ${targetNames(v.hate.targets)}`) : '') + c.dim(` (${v.hate.findingIds.length} finding${v.hate.findingIds.length === 1 ? '' : 's'})`);
  lines.push(`  Hate in the author's own words: ${hate}`);
  const reported = v.voices.quoted + v.voices.reported;
  const from = v.sources.map((s) => `${escapeControls(s.name)}${s.state ? c.red(' (state)') : ''} ${pct(s.share)}`).join(', ');
  lines.push(`  Reported or quoted: ${pct(reported)} of the text${from ? `, from ${from}` : ''}`);
  if (v.stateHeadline) lines.push(`  ${c.dim(escapeControls(v.stateHeadline))}`);
  const state = v.stateOutlets.map((o) => escapeControls(`${o.name}${o.country ? ` (${o.country})` : ''}`)).join(', ');
  lines.push(`  State media: ${state ? c.red(state) : 'none cited'}`);
  if (v.topClaims.length === 0) lines.push('  Claims to check: none');
  else {
    lines.push('  Claims to check:');
    v.topClaims.forEach((f, i) => lines.push(`    ${i + 1}. ${excerpt(f.text, 90)} ${c.dim(`(${f.score.toFixed(2)}, ${positionOf(analysis, f.start)})`)}`));
  }
  return lines;
}

/** A claim on one line; quotation marks are added only when it has none of its own. */
function excerpt(s: string, max: number): string {
  const flat = escapeControls(s.replace(/\s+/g, ' ').trim());
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return /["“”]/.test(cut) ? cut : `“${cut}”`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
