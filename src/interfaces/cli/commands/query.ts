import { defineCommand } from 'citty';
import { UnspinError } from '../../../core/errors.js';
import type { FindingKind, Voice } from '../../../core/types.js';
import { positiveInt } from '../../batch/cli-options.js';
import { openStore } from '../../../storage/open.js';
import { DEFAULT_QUERY_LIMIT } from '../../../storage/sql.js';
import type { FindingFilter, FindingRow } from '../../../storage/store.js';
import { renderCsv, renderTable } from '../../batch/tabular.js';

const KINDS = ['hate', 'propaganda', 'claim'] as const;
const VOICES = ['author', 'quoted', 'reported'] as const;
const FORMATS = ['table', 'jsonl', 'csv'] as const;
const COLUMNS = ['doc', 'finding', 'kind', 'label', 'voice', 'score', 'start', 'end', 'targets', 'speaker', 'outlet', 'state', 'rule', 'text'] as const;

export const queryCommand = defineCommand({
  meta: { name: 'query', description: 'List findings in a store (from `unspin batch`/`unspin worker`), filtered; every filter given must hold.' },
  args: {
    db: { type: 'string', description: 'FILE.sqlite or postgres://USER@HOST/DB[?schema=NAME]', required: true },
    kind: { type: 'string', description: 'hate, propaganda or claim' },
    label: { type: 'string', description: 'finding label, e.g. Loaded_Language (case-insensitive)' },
    voice: { type: 'string', description: 'author, quoted or reported' },
    target: { type: 'string', description: 'hate target group, e.g. Women (case-insensitive)' },
    speaker: { type: 'string', description: 'findings inside quotes of this speaker (part of the name, case-insensitive)' },
    outlet: { type: 'string', description: 'findings inside quotes attributed to this outlet (id or name)' },
    'state-affiliated': { type: 'boolean', description: 'only findings attributed to state-affiliated outlets; --no-state-affiliated for the rest' },
    text: { type: 'string', alias: 't', description: 'free text: documents whose text or findings contain every word (stemmed)' },
    limit: { type: 'string', alias: 'n', description: `at most this many rows (default ${DEFAULT_QUERY_LIMIT})` },
    format: { type: 'string', alias: 'f', description: 'table (default), jsonl or csv' },
  },
  async run({ args }) {
    const format = oneOf('format', args.format ?? 'table', FORMATS);
    const filter: FindingFilter = {
      kind: args.kind === undefined ? undefined : (oneOf('kind', args.kind, KINDS) as FindingKind),
      label: args.label,
      voice: args.voice === undefined ? undefined : (oneOf('voice', args.voice, VOICES) as Voice),
      target: args.target,
      speaker: args.speaker,
      outlet: args.outlet,
      stateAffiliated: args['state-affiliated'],
      text: args.text,
      limit: positiveInt('limit', args.limit, DEFAULT_QUERY_LIMIT),
    };
    const store = await openStore(args.db, { readonly: true });
    let rows: FindingRow[];
    try {
      await store.checkReadable();
      rows = await store.queryFindings(filter);
    } finally {
      await store.close();
    }
    if (format === 'jsonl') process.stdout.write(rows.map((r) => JSON.stringify(r) + '\n').join(''));
    else {
      const cells = rows.map(toCells);
      process.stdout.write(format === 'csv' ? renderCsv(COLUMNS, cells) : rows.length === 0 ? '' : renderTable(COLUMNS, cells));
      if (format === 'table') process.stderr.write(`${rows.length} finding${rows.length === 1 ? '' : 's'}${rows.length === filter.limit ? ` (limit ${filter.limit}; --limit for more)` : ''}\n`);
    }
    return 0;
  },
});

function toCells(r: FindingRow): string[] {
  return [r.docId, r.findingId, r.kind, r.label, r.voice, r.score.toFixed(2), String(r.start), String(r.end), r.targets.join('|'), r.speaker ?? '', r.outletName ?? r.outletId ?? '', r.stateAffiliated === null ? '' : String(r.stateAffiliated), r.ruleId ?? r.model ?? '', r.text];
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UnspinError('USAGE', `--${name} ${value}: expected one of ${allowed.join(', ')}`);
}
