import { readFileSync } from 'node:fs';
import { packageRoot } from '../../core/paths.js';
import { join } from 'node:path';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
