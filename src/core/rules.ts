import { readYamlData } from './data-file.js';
import { UnspinError } from './errors.js';

/**
 * Every lexicon and rule file under data/ is YAML: a header and a list of entries,
 * each with an id, a description and a source. Loading checks the shape once, so a
 * malformed or duplicate entry fails the data test and the first analysis alike.
 *
 *   title: Doubt markers
 *   description: What the list is for (goes into docs/rules.md).
 *   entries:
 *     - id: doubt-questionable
 *       description: ...
 *       source: https://...
 *       ...fields of the file's own kind (patterns, terms, label, target...)
 */
export interface RuleEntry {
  id: string;
  description: string;
  source: string;
  [field: string]: unknown;
}

export interface RuleFile<E extends RuleEntry = RuleEntry> {
  title: string;
  description: string;
  entries: E[];
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

export function loadRuleFile<E extends RuleEntry = RuleEntry>(path: string, requiredFields: readonly string[] = []): RuleFile<E> {
  let doc: unknown;
  try {
    doc = readYamlData(path);
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read rule file (${(cause as Error).message})`, { input: path, cause });
  }
  return validateRuleFile<E>(doc, path, requiredFields);
}

export function validateRuleFile<E extends RuleEntry>(doc: unknown, path: string, requiredFields: readonly string[] = []): RuleFile<E> {
  const fail = (why: string): never => {
    throw new UnspinError('MODEL_INVALID', `${path}: ${why}`, { input: path });
  };
  if (typeof doc !== 'object' || doc === null) fail('expected a mapping with title, description and entries');
  const { title, description, entries } = doc as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim()) fail('missing title');
  if (typeof description !== 'string' || !description.trim()) fail('missing description');
  if (!Array.isArray(entries) || entries.length === 0) fail('entries must be a non-empty list');
  const seen = new Set<string>();
  (entries as unknown[]).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) fail(`entry ${index} is not a mapping`);
    const e = entry as Record<string, unknown>;
    if (typeof e.id !== 'string' || !ID.test(e.id)) fail(`entry ${index}: id must match ${ID}`);
    const id = e.id as string;
    if (seen.has(id)) fail(`duplicate id ${id}`);
    seen.add(id);
    for (const field of ['description', 'source', ...requiredFields]) {
      const value = e[field];
      const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
      if (empty) fail(`entry ${id}: missing ${field}`);
    }
  });
  return doc as RuleFile<E>;
}
