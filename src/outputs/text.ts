import pc from 'picocolors';
import type { Analysis, Finding, Voice } from '../core/types.js';
import { humanDate, positionOf } from './display.js';
import { verdictLines } from './text-verdict.js';
import { escapeControls } from './escape-controls.js';
import { targetNames } from './target-names.js';

const VOICE_LABEL: Record<Voice, string> = { author: 'AUTHOR', quoted: 'QUOTED', reported: 'REPORTED' };

/** A terminal summary: provenance first, then findings grouped by kind, author voice marked. */
export function renderTextSummary(analysis: Analysis, { color }: { color: boolean }): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const title = escapeControls(analysis.meta.title ?? analysis.meta.source ?? 'document');
  lines.push(c.bold(title));
  const metaBits = [analysis.meta.byline, analysis.meta.publishedAt && humanDate(analysis.meta.publishedAt), analysis.meta.url].filter(Boolean);
  if (metaBits.length) lines.push(c.dim(escapeControls(metaBits.join(' · '))));
  lines.push('', ...verdictLines(analysis, c), '');

  const shares = voiceShares(analysis);
  lines.push(`voices: author ${pct(shares.author)} · quoted ${pct(shares.quoted)} · reported ${pct(shares.reported)}`);

  const speakerName = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  const outletById = new Map(analysis.outlets.map((o) => [o.id, o]));
  if (analysis.quotes.length) {
    lines.push('', c.bold(`Quotes (${analysis.quotes.length})`));
    for (const q of analysis.quotes) {
      const name = speakerName.get(q.speakerId ?? '');
      const who = q.kind === 'scare' ? c.dim('scare quote') : (escapeOrNull(name) ?? c.dim('unattributed'));
      const outlet = q.outletId ? (outletById.get(q.outletId)?.name ?? q.outletId) : null;
      // "TASS via TASS" says nothing: the outlet is named only when it carries someone else's words.
      const via = outlet && outlet !== name ? escapeControls(` via ${outlet}`) : '';
      lines.push(`  ${at(analysis, q.start)} ${c.cyan(q.kind.padEnd(8))} ${who}${via}: ${excerpt(q.text)}`);
    }
  }
  if (analysis.outlets.length) {
    lines.push('', c.bold(`Outlets (${analysis.outlets.length})`));
    for (const o of analysis.outlets) {
      const flag = o.stateAffiliated ? c.red(` STATE-AFFILIATED${o.typology ? ` (${o.typology})` : ''}`) : '';
      lines.push(`  ${escapeControls(`${o.name}${o.country ? `, ${o.country}` : ''}`)}${flag} ×${o.mentions.length}`);
    }
  }
  for (const kind of ['hate', 'propaganda', 'claim'] as const) {
    const found = analysis.findings.filter((f) => f.kind === kind);
    if (found.length === 0) continue;
    const ranked = kind === 'claim' ? [...found].sort((a, b) => b.score - a.score).slice(0, 10) : found;
    lines.push('', c.bold(`${kind === 'claim' ? 'Check-worthy claims' : kind === 'hate' ? 'Hate speech' : 'Propaganda'} (${found.length}${ranked.length < found.length ? `, top ${ranked.length}` : ''})`));
    for (const f of ranked) lines.push(findingLine(analysis, f, c));
  }
  return lines.join('\n') + '\n';
}

function findingLine(analysis: Analysis, f: Finding, c: ReturnType<typeof pc.createColors>): string {
  const voice = f.voice === 'author' ? c.bold(c.red(VOICE_LABEL[f.voice])) : c.yellow(VOICE_LABEL[f.voice]);
  const targets = f.targets?.length ? escapeControls(` → ${targetNames(f.targets)}`) : '';
  return `  ${at(analysis, f.start)} [${voice}] ${c.magenta(f.label)}${targets} (${f.score.toFixed(2)}): ${excerpt(f.text)}
      ${c.dim(escapeControls(f.explanation))}`;
}

function voiceShares(analysis: Analysis): Record<Voice, number> {
  const totals: Record<Voice, number> = { author: 0, quoted: 0, reported: 0 };
  for (const v of analysis.voices) totals[v.voice] += v.end - v.start;
  const sum = totals.author + totals.quoted + totals.reported || 1;
  return { author: totals.author / sum, quoted: totals.quoted / sum, reported: totals.reported / sum };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function at(analysis: Analysis, offset: number): string {
  return positionOf(analysis, offset).padStart(7);
}

function excerpt(s: string, max = 100): string {
  const flat = escapeControls(s.replace(/\s+/g, ' '));
  return flat.length > max ? `“${flat.slice(0, max - 1)}…”` : `“${flat}”`;
}

function escapeOrNull(s: string | undefined): string | null {
  return s === undefined ? null : escapeControls(s);
}
