import { OffsetMap } from '../../core/codepoints.js';
import type { Span } from '../../core/types.js';

/** One gold attribution relation: its spans in UTF-16 offsets (a span may have several fragments). */
export interface GoldAttribution {
  id: string;
  source: Span[] | null;
  cue: Span[] | null;
  content: Span[];
  /** The cue's text, as written in the .ann file's text column or sliced from the article. */
  cueText: string;
}

interface TextBound {
  type: string;
  fragments: Span[];
}

/**
 * Parses a brat standoff .ann file: `T` lines are spans (`T4\tContent 10 20;22 30\ttext`),
 * `E` lines link them into one attribution. Offsets are Unicode code points and become
 * UTF-16 offsets into `text`. Note lines (`#`) and continuation lines of a long span text
 * are skipped. Throws on a malformed T line, naming the line.
 */
export function parseBrat(ann: string, text: string, where: string): GoldAttribution[] {
  const map = new OffsetMap(text);
  const spans = new Map<string, TextBound>();
  const events: { id: string; args: [string, string][] }[] = [];
  const lines = ann.split(/\r?\n/);
  lines.forEach((line, index) => {
    const tab = line.indexOf('\t');
    if (tab < 0) return;
    const id = line.slice(0, tab);
    if (/^T\d+$/.test(id)) {
      const rest = line.slice(tab + 1);
      const tab2 = rest.indexOf('\t');
      const head = tab2 < 0 ? rest : rest.slice(0, tab2);
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(head);
      if (!m) throw new Error(`${where}:${index + 1}: malformed span line`);
      const fragments = m[2]!.split(';').map((pair) => {
        const [a, b] = pair.split(' ').map(Number) as [number, number];
        return { start: map.toUtf16(Math.min(a, map.codePointLength)), end: map.toUtf16(Math.min(b, map.codePointLength)) };
      });
      spans.set(id, { type: m[1]!, fragments });
    } else if (/^E\d+$/.test(id)) {
      const args = line
        .slice(tab + 1)
        .trim()
        .split(/\s+/)
        .map((a) => a.split(':') as [string, string])
        .filter((a) => a.length === 2);
      events.push({ id, args });
    }
  });
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const get = (role: string) => {
      const ref = e.args.find(([r]) => r === role);
      return ref ? (spans.get(ref[1])?.fragments ?? null) : null;
    };
    const content = get('Content');
    if (!content || content.length === 0) continue;
    const cue = get('Cue');
    out.push({ id: e.id, source: get('Source'), cue, content, cueText: cue ? cue.map((s) => text.slice(s.start, s.end)).join(' ') : '' });
  }
  return out;
}

export function spanLength(fragments: readonly Span[]): number {
  let n = 0;
  for (const f of fragments) n += f.end - f.start;
  return n;
}

/** Characters of `fragments` that `span` covers. */
export function coveredBy(fragments: readonly Span[], span: Span): number {
  let n = 0;
  for (const f of fragments) n += Math.max(0, Math.min(f.end, span.end) - Math.max(f.start, span.start));
  return n;
}
