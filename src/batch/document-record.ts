import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { AnalyzeInput } from '../input/document.js';
import type { DocumentRecord } from '../storage/store.js';

/**
 * A stable document id from a source name: forward slashes, no leading "./", and an
 * absolute path inside the working directory made relative to it, so `batch corpus` and
 * `batch /abs/path/corpus` from the same place give the same ids (not every document twice).
 */
export function documentId(source: string, cwd = process.cwd()): string {
  const inside = isAbsolute(source) ? relative(cwd, source) : null;
  const local = inside !== null && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : source;
  const id = sep === '\\' ? local.replaceAll('\\', '/') : local;
  return id.replace(/^(\.\/)+/, '');
}

/** The record of a readable document: id, source, SHA-256 of what would be analysed, size. */
export function documentRecord(source: string, input: AnalyzeInput): DocumentRecord {
  const content = input.html ?? input.text ?? '';
  const hash = createHash('sha256').update(input.html !== undefined ? 'html\0' : 'text\0').update(input.url ?? '').update('\0').update(content).digest('hex');
  return { id: documentId(source), source, contentHash: hash, bytes: Buffer.byteLength(content) };
}

/** The record of a document that could not be read. */
export function unreadableRecord(source: string): DocumentRecord {
  return { id: documentId(source), source, contentHash: null, bytes: null };
}
