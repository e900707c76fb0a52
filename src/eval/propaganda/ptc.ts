import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UnspinError } from '../../core/errors.js';

/**
 * Readers for the Propaganda Techniques Corpus (SemEval-2020 Task 11) formats.
 * Offsets stay in Unicode code points, as in the files; callers convert with OffsetMap.
 */

/** A labelled fragment: code-point offsets, end exclusive; technique for TC labels. */
export interface PtcLabel {
  start: number;
  end: number;
  technique?: string;
}

export type PtcTask = 'si' | 'tc';

/**
 * The dev split carved from the PTC training partition: an article is dev when its
 * numeric id is divisible by 5 (id mod 5 == 0), train otherwise.
 */
export function isDevArticle(id: string): boolean {
  return Number(id) % 5 === 0;
}

export type Split = 'train' | 'dev' | 'all';

export function inSplit(id: string, split: Split): boolean {
  return split === 'all' || (split === 'dev') === isDevArticle(id);
}

const ARTICLE = /^article(\d+)\.txt$/;

/** Article texts by id, from `article<ID>.txt` files; each text is the whole file as-is. */
export function readArticles(dir: string): Map<string, string> {
  if (!existsSync(dir)) throw new UnspinError('INPUT_NOT_FOUND', `${dir}: articles directory not found`, { input: dir });
  if (!statSync(dir).isDirectory()) throw new UnspinError('EVAL_DATA', `${dir}: expected a directory of article<ID>.txt files`, { input: dir });
  const articles = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const m = ARTICLE.exec(name);
    if (m) articles.set(m[1]!, readFileSync(join(dir, name), 'utf8'));
  }
  if (articles.size === 0) throw new UnspinError('EVAL_DATA', `${dir}: no article<ID>.txt files`, { input: dir });
  return articles;
}

/**
 * Labels by article id from one file or a directory of per-article `.labels` files.
 * SI rows are `id start end`; TC rows are `id technique start end` (tab-separated).
 */
export function readLabels(path: string, task: PtcTask): Map<string, PtcLabel[]> {
  if (!existsSync(path)) throw new UnspinError('INPUT_NOT_FOUND', `${path}: labels not found`, { input: path });
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((n) => n.endsWith('.labels')).sort().map((n) => join(path, n))
    : [path];
  if (files.length === 0) throw new UnspinError('EVAL_DATA', `${path}: no .labels files`, { input: path });
  const labels = new Map<string, PtcLabel[]>();
  for (const file of files) {
    // A per-article file with no rows still says the article has no propaganda.
    const fromName = /^article(\d+)\./.exec(basename(file));
    if (fromName && !labels.has(fromName[1]!)) labels.set(fromName[1]!, []);
    parseLabels(readFileSync(file, 'utf8'), task, file, labels);
  }
  return labels;
}

export function parseLabels(body: string, task: PtcTask, origin: string, into = new Map<string, PtcLabel[]>()): Map<string, PtcLabel[]> {
  const width = task === 'si' ? 3 : 4;
  body.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    const cols = line.split('\t');
    const bad = (why: string) => new UnspinError('EVAL_DATA', `${origin}:${n + 1}: ${why} (expected ${task === 'si' ? 'id<TAB>start<TAB>end' : 'id<TAB>technique<TAB>start<TAB>end'})`, { input: origin });
    if (cols.length !== width) throw bad(`${cols.length} columns`);
    const [id, s, e] = [cols[0]!, cols[width - 2]!, cols[width - 1]!];
    if (!/^\d+$/.test(id) || !/^\d+$/.test(s) || !/^\d+$/.test(e)) throw bad('non-numeric id or offset');
    const start = Number(s);
    const end = Number(e);
    if (end <= start) throw bad(`end ${end} is not after start ${start}`);
    const label: PtcLabel = { start, end };
    if (task === 'tc') label.technique = cols[1]!;
    const list = into.get(id) ?? [];
    list.push(label);
    into.set(id, list);
  });
  return into;
}

/** PTC rows for predictions, sorted by article then offset. */
export function formatLabels(predictions: ReadonlyMap<string, readonly PtcLabel[]>, task: PtcTask): string {
  const rows: string[] = [];
  for (const id of [...predictions.keys()].sort()) {
    const list = [...predictions.get(id)!].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const l of list) rows.push(task === 'si' ? `${id}\t${l.start}\t${l.end}` : `${id}\t${l.technique}\t${l.start}\t${l.end}`);
  }
  return rows.length ? rows.join('\n') + '\n' : '';
}

/**
 * The tokens inside gold spans: 1 where more than half of a token's characters (half, for a
 * token of even length) lie in one span, in the offsets of `spans`. Training and the lab
 * scripts read span identification as this token labelling.
 */
export function insideTokens(tokens: readonly { start: number; end: number }[], spans: readonly { start: number; end: number }[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    for (const s of spans) {
      const overlap = Math.min(t.end, s.end) - Math.max(t.start, s.start);
      if (overlap > 0 && overlap * 2 >= t.end - t.start) inside[i] = 1;
    }
  });
  return inside;
}
