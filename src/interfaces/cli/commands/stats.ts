import { defineCommand } from 'citty';
import { positiveInt } from '../../batch/cli-options.js';
import { openStore } from '../../../storage/open.js';
import type { CountRow, StoreStats } from '../../../storage/store.js';
import { renderTable } from '../../batch/tabular.js';

export const statsCommand = defineCommand({
  meta: { name: 'stats', description: 'Counts over a store: documents, errors, findings per outlet, technique, target and voice, and the documents with the most author-voice hate.' },
  args: {
    db: { type: 'string', description: 'FILE.sqlite or postgres://USER@HOST/DB[?schema=NAME]', required: true },
    top: { type: 'string', description: 'how many documents to list by author-voice hate (default 10)' },
    json: { type: 'boolean', description: 'one JSON object on the last stdout line' },
  },
  async run({ args }) {
    const top = positiveInt('top', args.top, 10);
    const store = await openStore(args.db, { readonly: true });
    let stats: StoreStats;
    try {
      await store.checkReadable();
      stats = await store.stats({ top });
    } finally {
      await store.close();
    }
    process.stdout.write(args.json ? JSON.stringify(stats) + '\n' : renderStats(stats));
    return 0;
  },
});

function renderStats(s: StoreStats): string {
  const out = [`documents ${s.documents}, analyses ${s.analyses}, errors ${s.errors}, findings ${s.findings}\n`];
  const section = (title: string, rows: CountRow[], header: string) => {
    if (rows.length === 0) return;
    out.push(`\n${title}\n`, renderTable([header, 'count'], rows.map((r) => [r.key, String(r.count)])));
  };
  section('Errors by code', s.errorsByCode, 'code');
  if (s.outlets.length > 0) {
    out.push('\nOutlets cited\n', renderTable(['outlet', 'name', 'state-affiliated', 'documents', 'findings'], s.outlets.map((o) => [o.outletId, o.name, o.stateAffiliated === null ? '?' : o.stateAffiliated ? 'yes' : 'no', String(o.documents), String(o.findings)])));
  }
  section('Propaganda techniques', s.techniques, 'technique');
  section('Hate targets', s.targets, 'target');
  section('Findings by voice', s.voices, 'voice');
  section('Documents with the most author-voice hate', s.topAuthorHate, 'document');
  return out.join('');
}
