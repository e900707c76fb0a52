import { readFileSync } from 'node:fs';
import { UnspinError } from '../core/errors.js';
import { assetPath, webBundlePath } from '../core/paths.js';

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

/**
 * A browser script bundled by npm run build from the typed sources in src/outputs/web and
 * src/interfaces/web (dist/web/<name>), read once.
 */
export function webBundle(name: string): string {
  const key = 'dist/web/' + name;
  let content = cache.get(key);
  if (content === undefined) {
    try {
      content = readFileSync(webBundlePath(name), 'utf8');
    } catch (error) {
      throw new UnspinError('MODEL_INVALID', `dist/web/${name} is missing or unreadable: run npm run build`, { cause: error });
    }
    cache.set(key, content);
  }
  return content;
}
