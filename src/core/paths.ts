import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root (where package.json, data/ and models/ live), from src/ or dist/src/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('unspin: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A path under the package's data/ folder (lexicons, rules, outlets). */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

/** A path under the package's models/ folder (trained weights). */
export function modelPath(...parts: string[]): string {
  return join(packageRoot(), 'models', ...parts);
}

/** A path under the package's assets/ folder (report CSS and script). */
export function assetPath(...parts: string[]): string {
  return join(packageRoot(), 'assets', ...parts);
}

/** A browser bundle under dist/web/, written by npm run build (scripts/build-web.ts). */
export function webBundlePath(name: string): string {
  return join(packageRoot(), 'dist', 'web', name);
}
