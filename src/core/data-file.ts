import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import { dataPath } from './paths.js';

/**
 * YAML under data/ is the source of truth; `npm run build:data` (part of `npm run build`)
 * compiles each file to JSON under data/compiled/, stamped with a digest of the YAML it
 * came from. Parsing the 31 YAML files took about 0.5 s in every process and every
 * worker thread; the JSON takes milliseconds. A compiled file is used only while its
 * digest matches the YAML beside it, so an edited YAML file is never shadowed by a stale
 * compilation: it is parsed as before.
 */
export interface CompiledDataFile {
  /** sha256 of the YAML source, hex. */
  digest: string;
  data: unknown;
}

export function digestOf(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** Where the compiled form of a YAML file under data/ lives; null for a file elsewhere. */
export function compiledPathOf(yamlPath: string, root = dataPath()): string | null {
  const rel = relative(root, yamlPath);
  if (rel.startsWith('..') || isAbsolute(rel) || !rel.endsWith('.yml') || rel.startsWith('compiled')) return null;
  return join(root, 'compiled', rel.replace(/\.yml$/, '.json'));
}

/** The parsed content of a YAML data file, from its compiled form when that is fresh. */
export function readYamlData(path: string, root = dataPath()): unknown {
  const source = readFileSync(path, 'utf8');
  const compiled = compiledPathOf(path, root);
  if (compiled) {
    const fresh = readCompiled(compiled);
    if (fresh && fresh.digest === digestOf(source)) return fresh.data;
  }
  return parseYaml(source);
}

function readCompiled(path: string): CompiledDataFile | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CompiledDataFile;
  } catch {
    return null;
  }
}

/** The YAML parser is loaded only when a file has no fresh compiled form. */
export function parseYaml(source: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(source);
}
