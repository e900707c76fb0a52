import { createReadStream, promises as fs } from 'node:fs';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { UnspinError } from '../core/errors.js';
import type { AnalyzeInput } from './document.js';
import { decodeText } from './decode.js';

/** One document read from an input, or the error that stopped it being read. */
export type SourceItem =
  | { ok: true; source: string; input: AnalyzeInput }
  | { ok: false; source: string; error: UnspinError };

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface ReadOptions {
  /** Reads standard input for "-". */
  stdin?: NodeJS.ReadableStream;
  /** Largest document in bytes; larger ones are reported, not read. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Expands the command line's inputs, in order: files, directories (their .txt, .html
 * and .htm files, sorted, recursively), JSON Lines corpora of {id, text} or {id, html},
 * and "-" for standard input. A bad input is yielded as an error; the rest go on.
 */
export async function* readSources(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  if (paths.length === 0) throw new UnspinError('NO_INPUT', 'no input given: name a file, a directory, a .jsonl corpus or - for stdin');
  const entries = await expandInputs(paths);
  // The next document file is read while the caller analyses this one, so that a corpus
  // of many files does not wait for the disk between documents.
  let ahead: Promise<SourceItem> | undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!entry.ok) yield entry;
    else if (entry.kind === 'stdin') yield await readStdin(options.stdin ?? process.stdin, options.maxBytes ?? DEFAULT_MAX_BYTES);
    else if (entry.kind === 'jsonl') yield* readJsonLines(entry.path, options);
    else {
      const item = await (ahead ?? readDocumentFile(entry.path, options));
      const next = entries[i + 1];
      ahead = next?.ok && next.kind === 'document' ? readDocumentFile(next.path, options) : undefined;
      // A caller that stops early never awaits it: its failure must not count as unhandled.
      ahead?.catch(() => undefined);
      yield item;
    }
  }
}

/** One input file after expansion, or the error that stopped an input being expanded. */
export type InputEntry = { ok: true; kind: 'stdin' | 'jsonl' | 'document'; path: string } | { ok: false; source: string; error: UnspinError };

/**
 * Expands the command line's inputs into the files to read, in order: directories
 * become their document files, globs (when no file has that exact name) their
 * matches, sorted. A missing input or an empty directory or glob is an error entry.
 */
export async function expandInputs(paths: readonly string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for (const path of paths) {
    if (path === '-') {
      entries.push({ ok: true, kind: 'stdin', path });
      continue;
    }
    const stat = await fs.stat(path).catch(() => null);
    // fast-glob loads only for an input that names no file, so plain file arguments do not pay for it.
    const fg = stat ? null : (await import('fast-glob')).default;
    if (fg && fg.isDynamicPattern(path)) {
      const files = (await fg(path, { onlyFiles: true, dot: false })).filter(isReadableInput).sort();
      if (files.length === 0) entries.push(failure(path, new UnspinError('NO_INPUT', `${path}: pattern matches no .txt, .html, .htm or .jsonl file`, { input: path })));
      for (const file of files) entries.push(fileEntry(file));
    } else if (!stat) {
      entries.push(failure(path, new UnspinError('INPUT_NOT_FOUND', `${path}: no such file or directory`, { input: path })));
    } else if (stat.isDirectory()) {
      const files = await listDocuments(path);
      if (files.length === 0) entries.push(failure(path, new UnspinError('NO_INPUT', `${path}: directory holds no .txt, .html or .htm file`, { input: path })));
      for (const file of files) entries.push({ ok: true, kind: 'document', path: file });
    } else {
      entries.push(fileEntry(path));
    }
  }
  return entries;
}

function fileEntry(path: string): InputEntry {
  return { ok: true, kind: JSONL_EXTENSIONS.has(extname(path).toLowerCase()) ? 'jsonl' : 'document', path };
}

function isReadableInput(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return DOCUMENT_EXTENSIONS.has(ext) || JSONL_EXTENSIONS.has(ext);
}

export async function listDocuments(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listDocuments(path)));
    else if (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<SourceItem> {
  try {
    const stat = await fs.stat(path);
    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (stat.size > limit) throw new UnspinError('INPUT_TOO_LARGE', `${path}: ${stat.size} bytes is over the ${limit}-byte limit`, { input: path });
    const bytes = await fs.readFile(path).catch((cause: NodeJS.ErrnoException) => {
      throw new UnspinError('INPUT_UNREADABLE', `${path}: cannot read (${cause.code ?? cause.message})`, { input: path, cause });
    });
    const content = decodeText(bytes, path);
    return { ok: true, source: path, input: looksLikeHtml(path, content) ? { html: content } : { text: content } };
  } catch (error) {
    if (error instanceof UnspinError) return failure(path, error);
    throw error;
  }
}

/** Reads standard input up to `limit` bytes; more is an error, and the rest is not read. */
async function readStdin(stream: NodeJS.ReadableStream, limit: number): Promise<SourceItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) return failure('-', new UnspinError('INPUT_TOO_LARGE', `stdin: more than the ${limit}-byte limit`, { input: 'stdin' }));
    chunks.push(buffer);
  }
  try {
    const content = decodeText(Buffer.concat(chunks), 'stdin');
    return { ok: true, source: '-', input: looksLikeHtml('-', content) ? { html: content } : { text: content } };
  } catch (error) {
    if (error instanceof UnspinError) return failure('-', error);
    throw error;
  }
}

/** Reads a JSON Lines corpus line by line; a malformed line is an error item, not the end. */
export async function* readJsonLines(path: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      // UTF-16 length is a cheap lower bound on UTF-8 bytes; measure only when it matters.
      const bytes = line.length * 3 > limit ? Buffer.byteLength(line) : 0;
      if (bytes > limit) {
        yield failure(`${path}:${lineNumber}`, new UnspinError('INPUT_TOO_LARGE', `${path}:${lineNumber}: ${bytes}-byte record is over the ${limit}-byte limit`, { input: `${path}:${lineNumber}` }));
        continue;
      }
      yield parseJsonLine(path, lineNumber, line);
    }
  } catch (cause) {
    yield failure(path, new UnspinError('INPUT_UNREADABLE', `${path}: cannot read (${(cause as Error).message})`, { input: path, cause }));
  }
}

export function parseJsonLine(path: string, lineNumber: number, line: string): SourceItem {
  const where = `${path}:${lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return failure(where, new UnspinError('JSONL_MALFORMED', `${where}: not valid JSON (truncated line?)`, { input: where }));
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return failure(where, new UnspinError('JSONL_MALFORMED', `${where}: expected an object {id, text} or {id, html}`, { input: where }));
  }
  const { id, text, html, url } = record as Record<string, unknown>;
  const source = typeof id === 'string' || typeof id === 'number' ? String(id) : where;
  const link = typeof url === 'string' ? url : undefined;
  // Like the HTTP API: a record with both is a producer's bug worth naming, not a silent choice.
  if (html !== undefined && text !== undefined) return failure(source, new UnspinError('JSONL_MALFORMED', `${where}: record ${source} has both "text" and "html"; give exactly one`, { input: source }));
  if (typeof html === 'string') return { ok: true, source, input: link ? { html, url: link } : { html } };
  if (typeof text === 'string') return { ok: true, source, input: link ? { text, url: link } : { text } };
  return failure(source, new UnspinError('JSONL_MALFORMED', `${where}: record ${source} has no string "text" or "html" field`, { input: source }));
}

function looksLikeHtml(path: string, content: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  if (ext === '.txt') return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(content);
}

function failure(source: string, error: UnspinError): { ok: false; source: string; error: UnspinError } {
  return { ok: false, source, error };
}
