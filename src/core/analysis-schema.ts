import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

type Schema = Record<string, unknown>;
let schema: Schema | undefined;

/**
 * schema/analysis.schema.json, the one description of the JSON `analyze` returns,
 * with its `#/$defs/…` references inlined so it can be embedded in another document
 * (the server's OpenAPI description) where those references would not resolve.
 */
export function analysisJsonSchema(): Schema {
  if (schema) return schema;
  const raw = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'analysis.schema.json'), 'utf8')) as Schema;
  const defs = (raw.$defs ?? {}) as Record<string, unknown>;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return inline(defs[ref.slice('#/$defs/'.length)]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
  };
  const { $schema: _dialect, $id: _id, $defs: _defs, ...rest } = raw;
  schema = { ...(inline(rest) as Schema), title: 'Analysis' };
  return schema;
}
