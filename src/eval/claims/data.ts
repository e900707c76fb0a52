import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UnspinError } from '../../core/errors.js';

/**
 * The fixed split rule, shared by training and evaluation (never random, so anyone can redo it):
 * - ClaimBuster: a sentence is dev when `sentence_id % 5 === 0` (20%).
 * - CLEF-2019: transcripts sorted by file name; file i is dev when `i % 5 === 2`
 *   (4 of the 19 training transcripts: 20160414_9dem, 20161019_3pres, 20170928_trump_tax,
 *   20182601_trump_world). MAP is per file, so the split is by file.
 */
export type Split = 'train' | 'dev' | 'all';

export interface LabelledSentence {
  id: string;
  text: string;
  label: 0 | 1;
}

export interface ClefFile {
  name: string;
  sentences: (LabelledSentence & { line: number; speaker: string })[];
}

export function isClaimBusterDev(sentenceId: number): boolean {
  return sentenceId % 5 === 0;
}

export function isClefDevFile(indexInSortedNames: number): boolean {
  return indexInSortedNames % 5 === 2;
}

export function readClaimBuster(path: string, split: Split = 'all'): LabelledSentence[] {
  const raw = readData(path);
  const out: LabelledSentence[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let record: { sentence_id?: unknown; text?: unknown; label?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      throw new UnspinError('EVAL_DATA', `${path}:${i + 1}: not JSON; expected {sentence_id, text, label}`, { input: path });
    }
    const { sentence_id: id, text, label } = record;
    if (typeof id !== 'number' || typeof text !== 'string' || (label !== 0 && label !== 1)) {
      throw new UnspinError('EVAL_DATA', `${path}:${i + 1}: expected {sentence_id: number, text: string, label: 0|1}`, { input: path });
    }
    if (split === 'all' || (split === 'dev') === isClaimBusterDev(id)) out.push({ id: String(id), text, label });
  });
  if (out.length === 0) throw new UnspinError('EVAL_DATA', `${path}: no ClaimBuster sentences${split === 'all' ? '' : ` in the ${split} split`}`, { input: path });
  return out;
}

/** Reads the .tsv transcripts of a directory (or one .tsv file) in file-name order. */
export function readClef(path: string, split: Split = 'all'): ClefFile[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.tsv'))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (cause) {
    throw new UnspinError('EVAL_DATA', `${path}: cannot read CLEF-2019 data (${(cause as Error).message})`, { input: path, cause });
  }
  const picked = files.filter((_, i) => split === 'all' || (split === 'dev') === isClefDevFile(i));
  if (picked.length === 0) throw new UnspinError('EVAL_DATA', `${path}: no .tsv transcripts${split === 'all' ? '' : ` in the ${split} split`}`, { input: path });
  return picked.map((file) => ({ name: basename(file), sentences: parseClefTsv(readData(file), file) }));
}

export function parseClefTsv(raw: string, file: string): ClefFile['sentences'] {
  const out: ClefFile['sentences'] = [];
  raw.split(/\r?\n/).forEach((row, i) => {
    if (row.trim() === '') return;
    const cols = row.split('\t');
    const line = Number(cols[0]);
    const label = cols[3]?.trim();
    if (cols.length < 4 || !Number.isInteger(line) || (label !== '0' && label !== '1')) {
      throw new UnspinError('EVAL_DATA', `${file}:${i + 1}: expected line<TAB>speaker<TAB>sentence<TAB>0|1`, { input: file });
    }
    out.push({ id: `${basename(file)}:${line}`, line, speaker: cols[1]!, text: cols.slice(2, -1).join('\t'), label: label === '1' ? 1 : 0 });
  });
  return out;
}

function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UnspinError('EVAL_DATA', `${path}: cannot read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, { input: path, cause });
  }
}
