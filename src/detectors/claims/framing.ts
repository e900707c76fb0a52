import { readFileSync } from 'node:fs';
import { UnspinError } from '../../core/errors.js';
import { modelPath } from '../../core/paths.js';

/**
 * The framing shared by the claim model and its word table: an 8-byte ASCII magic, a uint32 LE
 * header length, a UTF-8 JSON header, then the body. Errors name the file and say what is wrong.
 */
export function frame(magic: string, header: unknown, body: readonly Buffer[]): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([Buffer.from(magic, 'ascii'), length, headerBytes, ...body]);
}

export function failer(source: string): (why: string) => never {
  return (why) => {
    throw new UnspinError('MODEL_INVALID', `${source}: ${why}`, { input: source });
  };
}

/** The JSON header and the offset where the body starts. */
export function unframe<T>(bytes: Buffer, magic: string, what: string, source: string): { header: T; bodyAt: number } {
  const fail = failer(source);
  if (bytes.length < 12 || bytes.toString('ascii', 0, 8) !== magic) fail(`not ${what} (bad magic)`);
  const headerLength = bytes.readUInt32LE(8);
  if (12 + headerLength > bytes.length) fail('truncated header');
  try {
    return { header: JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as T, bodyAt: 12 + headerLength };
  } catch {
    return fail('header is not JSON');
  }
}

/** The bytes of a file shipped under models/, or MODEL_INVALID saying how to rebuild it. */
export function readShipped(file: string, what: string, rebuild: string): { path: string; bytes: Buffer } {
  const path = modelPath(file);
  try {
    return { path, bytes: readFileSync(path) };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: ${what} missing (rebuild with ${rebuild})`, { input: path, cause });
  }
}
