import { readFileSync } from 'node:fs';
import { UnspinError } from '../core/errors.js';
import { assetPath } from '../core/paths.js';

const cache = new Map<string, string>();

/** A file from assets/ (report CSS and browser script), read once. */
export function asset(name: string): string {
  let content = cache.get(name);
  if (content === undefined) {
    try {
      content = readFileSync(assetPath(name), 'utf8');
    } catch (error) {
      throw new UnspinError('MODEL_INVALID', `assets/${name} is missing or unreadable (a packaging bug)`, { cause: error });
    }
    cache.set(name, content);
  }
  return content;
}
