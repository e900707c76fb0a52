/** Fixture-based check of speakers, roles, state actors, outlets and segments (`unspin eval attribution --fixtures DIR`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnspinError } from '../../core/errors.js';
import type { Analysis, Segment } from '../../core/types.js';
import { analyze } from '../../index.js';

export interface V2Case {
  id: string;
  text: string;
  quotes?: { contains: string; speaker: string | null; role?: string | null; stateActor?: string | null; outlet?: string | null }[];
  scare?: string[];
  notSpeakers?: string[];
  paragraphs: Segment['kind'][];
  reportOutlet?: string;
}

/**
 * The annotated cases in `dir` (test/fixtures/provenance-v2): cases.json (the cases the rules
 * were built against) and, when present, held-out.json (written after, measured once untuned).
 */
export function loadCases(dir: string, file: 'cases.json' | 'held-out.json' = 'cases.json'): V2Case[] {
  const path = join(dir, file);
  if (!existsSync(path)) throw new UnspinError('EVAL_DATA', `${dir}: expected annotated provenance cases in ${file}`, { input: path });
  let doc: { cases?: V2Case[] };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as { cases?: V2Case[] };
  } catch (cause) {
    throw new UnspinError('EVAL_DATA', `${path}: not valid JSON (${(cause as Error).message})`, { input: path, cause });
  }
  if (!Array.isArray(doc.cases)) throw new UnspinError('EVAL_DATA', `${path}: expected an object with a "cases" array`, { input: path });
  return doc.cases;
}

/** Every case in `dir`: cases.json, then held-out.json when it exists. */
export function loadAllCases(dir: string): V2Case[] {
  return [...loadCases(dir), ...(existsSync(join(dir, 'held-out.json')) ? loadCases(dir, 'held-out.json') : [])];
}

export interface Tally {
  right: number;
  n: number;
  misses: string[];
}

const tally = (): Tally => ({ right: 0, n: 0, misses: [] });

function count(t: Tally, ok: boolean, what: string): void {
  t.n++;
  if (ok) t.right++;
  else t.misses.push(what);
}

/** Speaker, role and state-actor accuracy over the annotated quotes; segment accuracy over non-space characters. */
export function scoreCases(cases: readonly V2Case[]) {
  const speaker = tally();
  const role = tally();
  const stateActor = tally();
  const outlet = tally();
  const segmentChars = tally();
  for (const c of cases) {
    const a = analyze(c.text, { detectors: [] });
    for (const gold of c.quotes ?? []) {
      // The innermost quote holding the words: speech inside speech belongs to the inner speaker.
      const q = a.quotes.filter((x) => x.kind !== 'scare' && x.text.includes(gold.contains)).sort((x, y) => x.text.length - y.text.length)[0];
      const s = q?.speakerId ? a.speakers.find((x) => x.id === q.speakerId) : undefined;
      const label = `${c.id}: "${gold.contains}"`;
      count(speaker, gold.speaker === null ? !s : !!s && s.name.toLowerCase().includes(gold.speaker.toLowerCase()), `${label} → ${s?.name ?? 'none'}`);
      if (gold.role !== undefined) count(role, (s?.role ?? null) === gold.role, `${label} role ${s?.role ?? 'null'}`);
      if (gold.stateActor !== undefined) count(stateActor, (s?.stateActor?.country ?? null) === gold.stateActor, `${label} state ${s?.stateActor?.country ?? 'null'}`);
      if (gold.outlet !== undefined) count(outlet, (q?.outletId ?? null) === gold.outlet, `${label} outlet ${q?.outletId ?? 'null'}`);
    }
    scoreSegments(a, c, segmentChars);
  }
  return { speaker, role, stateActor, outlet, segmentChars };
}

function scoreSegments(a: Analysis, c: V2Case, t: Tally): void {
  const paragraphs = paragraphSpans(a.text);
  paragraphs.forEach((p, k) => {
    const kind = c.paragraphs[k];
    for (let i = p.start; i < p.end; i++) {
      if (/\s/.test(a.text[i]!)) continue;
      const seg = a.segments?.find((s) => s.start <= i && i < s.end);
      const wantOutlet = kind === 'report' ? (c.reportOutlet ?? null) : null;
      count(t, seg?.kind === kind && (seg?.outletId ?? null) === wantOutlet, `${c.id}: paragraph ${k + 1} is ${seg?.kind ?? 'none'} via ${seg?.outletId ?? 'null'}`);
    }
  });
}

function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export const ratio = (t: Tally) => (t.n === 0 ? 1 : t.right / t.n);
