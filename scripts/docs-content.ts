import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERRORS } from '../src/core/errors.js';
import { dataPath, packageRoot } from '../src/core/paths.js';
import { loadRuleFile } from '../src/core/rules.js';

const cell = (value: unknown): string => String(value ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function renderErrorsDoc(): string {
  const rows = Object.values(ERRORS).map((e) => `| \`${e.code}\` | ${e.exitCode} | ${e.status} | ${cell(e.description)} |`);
  return ['# Errors', '', 'Generated from `src/core/errors.ts` by `npm run docs`. Codes are stable and never reused.', '', 'A user error is one line on stderr: `unspin: <message naming the input> (<code>)`. The server answers `{"error": {"code", "message"}}` with the HTTP status.', '', '| code | CLI exit | HTTP | meaning |', '|---|---|---|---|', ...rows, ''].join('\n');
}

/** Every YAML rule file under data/ except the outlets list, which has its own doc. */
export function ruleFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
  return walk(dataPath()).sort();
}

export function renderRulesDoc(): string {
  const out = ['# Rules and lexicons', '', 'Generated from the YAML files under `data/` by `npm run docs`; each entry has an id, a description and a source.', ''];
  for (const path of ruleFiles()) {
    const file = loadRuleFile(path);
    const rel = relative(packageRoot(), path);
    if (rel.startsWith('data/outlets')) {
      out.push(`## ${cell(file.title)}`, '', `\`${rel}\`: ${file.entries.length} entries, listed in [outlets.md](outlets.md).`, '');
      continue;
    }
    out.push(`## ${cell(file.title)}`, '', `\`${rel}\`: ${cell(file.description)}`, '', '| id | description | source |', '|---|---|---|');
    for (const e of file.entries) out.push(`| \`${e.id}\` | ${cell(e.description)} | ${cell(e.source)} |`);
    out.push('');
  }
  return out.join('\n');
}
