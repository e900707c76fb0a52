import { createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { UnspinError } from '../../core/errors.js';

/**
 * Opens `--output FILE` before any document is analysed, synchronously, so a missing
 * folder or a directory is one clear error up front, not an unhandled 'error' event later.
 */
export function openOutputFile(path: string): WriteStream {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (cause) {
    throw unwritable(path, cause);
  }
  return createWriteStream(path, { fd });
}

/** Creates `--output DIR` for one page per document; a file in the way is one clear error. */
export function ensureOutputDir(path: string): string {
  try {
    mkdirSync(path, { recursive: true });
  } catch (cause) {
    throw unwritable(path, cause);
  }
  return path;
}

function unwritable(path: string, cause: unknown): UnspinError {
  const code = (cause as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (cause as Error).message);
  return new UnspinError('OUTPUT_UNWRITABLE', `--output ${path}: cannot write (${why})`, { input: path, cause });
}
