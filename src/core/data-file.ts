import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
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
 *
 * Reading and hashing every YAML file to check that took about 35 ms in every process and
 * thread, so a compiled file also records its YAML's size and modification time when it
 * was compiled (`stamp`): while the YAML still has both, it has not been written since, and
 * the compiled form is used without reading it. Any write changes the modification time (a
 * checkout, an editor, `touch`), and the digest then decides, as before. As git does for its
 * index, a file written in the last two seconds gets no stamp (`settledStamp`): the kernel's
 * clock for modification times is coarse (milliseconds), so a second write that soon could
 * keep the same time and size.
 */
export interface CompiledDataFile {
  /** sha256 of the YAML source, hex. */
  digest: string;
  /** The YAML's sourceStamp when it was compiled; absent in files compiled before stamps. */
  stamp?: string;
  data: unknown;
}

/**
 * A file's size and modification time (ns), as one string: equal stamps mean the file was
 * not written in between (the digest is the check when they differ); null when it cannot be read.
 */
export function sourceStamp(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}

/** How long ago a file must have been written for its stamp to be recorded. */
const SETTLED_MS = 2000;

/**
 * The stamp to record for a file about to be compiled (take it before reading the file), or
 * undefined when the file was written too recently to tell a later write apart by its stamp.
 */
export function settledStamp(path: string, now = Date.now()): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    if (Number(stat.mtimeNs / 1_000_000n) > now - SETTLED_MS) return undefined;
    return `${stat.size}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}

export function digestOf(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/**
 * Whether a compiled form is still fresh for its source: the source keeps the stamp recorded
 * with it (then it is not read at all), or else its digest; `absent` is the answer when the
 * source cannot be read. Every compiled form of `npm run build:data` is checked this way.
 */
export function unchangedSince(path: string, recorded: { digest: string; stamp?: string | undefined }, absent = false): boolean {
  if (recorded.stamp !== undefined && recorded.stamp === sourceStamp(path)) return true;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return absent;
  }
  return digestOf(source) === recorded.digest;
}

/** Where the compiled form of a YAML file under data/ lives; null for a file elsewhere. */
export function compiledPathOf(yamlPath: string, root = dataPath()): string | null {
  const rel = relative(root, yamlPath);
  if (rel.startsWith('..') || isAbsolute(rel) || !rel.endsWith('.yml') || rel.startsWith('compiled')) return null;
  return join(root, 'compiled', rel.replace(/\.yml$/, '.json'));
}

/** The parsed content of a YAML data file, from its compiled form when that is fresh. */
export function readYamlData(path: string, root = dataPath()): unknown {
  const compiledPath = compiledPathOf(path, root);
  const compiled = compiledPath ? readCompiled(compiledPath) : null;
  // Unwritten since it was compiled: the YAML is not read at all.
  if (compiled?.stamp !== undefined && compiled.stamp === sourceStamp(path)) return compiled.data;
  const source = readFileSync(path, 'utf8');
  if (compiled && compiled.digest === digestOf(source)) return compiled.data;
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
