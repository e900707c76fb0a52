import pc from 'picocolors';
import type { Analysis, Finding, Voice } from '../core/types.js';
import { lineColumn } from '../core/spans.js';

const VOICE_LABEL: Record<Voice, string> = { author: 'AUTHOR', quoted: 'QUOTED', reported: 'REPORTED' };

/** A terminal summary: provenance first, then findings grouped by kind, author voice marked. */
export function renderTextSummary(analysis: Analysis, { color }: { color: boolean }): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const title = escapeControls(analysis.meta.title ?? analysis.meta.source ?? 'document');
  lines.push(c.bold(title));
  const metaBits = [analysis.meta.byline, analysis.meta.publishedAt, analysis.meta.url].filter(Boolean);
  if (metaBits.length) lines.push(c.dim(escapeControls(metaBits.join(' · '))));

  const shares = voiceShares(analysis);
  lines.push(`voices: author ${pct(shares.author)} · quoted ${pct(shares.quoted)} · reported ${pct(shares.reported)}`);

  const speakerName = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  const outletById = new Map(analysis.outlets.map((o) => [o.id, o]));
  if (analysis.quotes.length) {
    lines.push('', c.bold(`Quotes (${analysis.quotes.length})`));
    for (const q of analysis.quotes) {
      const who = q.kind === 'scare' ? c.dim('scare quote') : (escapeOrNull(speakerName.get(q.speakerId ?? '')) ?? c.dim('unattributed'));
      const via = q.outletId ? escapeControls(` via ${outletById.get(q.outletId)?.name ?? q.outletId}`) : '';
      lines.push(`  ${at(analysis.text, q.start)} ${c.cyan(q.kind.padEnd(8))} ${who}${via}: ${excerpt(q.text)}`);
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
    for (const f of ranked) lines.push(findingLine(analysis.text, f, c));
  }
  return lines.join('\n') + '\n';
}

function findingLine(text: string, f: Finding, c: ReturnType<typeof pc.createColors>): string {
  const voice = f.voice === 'author' ? c.bold(c.red(VOICE_LABEL[f.voice])) : c.yellow(VOICE_LABEL[f.voice]);
  const targets = f.targets?.length ? escapeControls(` → ${f.targets.join(', ')}`) : '';
  return `  ${at(text, f.start)} [${voice}] ${c.magenta(f.label)}${targets} (${f.score.toFixed(2)}): ${excerpt(f.text)}\n      ${c.dim(escapeControls(f.explanation))}`;
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

function at(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `${line}:${column}`.padStart(7);
}

function excerpt(s: string, max = 100): string {
  const flat = escapeControls(s.replace(/\s+/g, ' '));
  return flat.length > max ? `“${flat.slice(0, max - 1)}…”` : `“${flat}”`;
}

/**
 * Document text shown on a terminal: control characters other than tab and newline
 * (ESC, BEL, C1 controls) become visible `\xHH` escapes, so a document cannot clear the
 * screen or set the window title. Applied to document strings only, before colouring.
 */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function escapeOrNull(s: string | undefined): string | null {
  return s === undefined ? null : escapeControls(s);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
