/**
 * Builds data/outlets/outlets.json from the ASD State Media Matrix CSV and the
 * hand-curated data/outlets/curated.yml.
 *
 *   npm run build:outlets -- --data ../shared/datasets/state-media-profiles
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataPath } from '../src/core/paths.js';
import { loadRuleFile } from '../src/core/rules.js';
import { validateOutletEntries } from '../src/provenance/outlet-entry.js';
import { parseCsv } from './outlets/csv.js';
import { buildOutlets, CSV_COMMIT, CSV_REPO, type CuratedFile } from './outlets/merge.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    curated: { type: 'string', default: dataPath('outlets', 'curated.yml') },
    out: { type: 'string', default: dataPath('outlets', 'outlets.json') },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run build:outlets -- --data <folder with State_Media_Matrix.csv> [--curated file] [--out file]\n');
  process.exit(2);
}

const csvPath = join(values.data, 'State_Media_Matrix.csv');
const csv = parseCsv(readFileSync(csvPath, 'utf8'));
const curated = loadRuleFile(values.curated!, ['name']) as unknown as CuratedFile;
const { entries, warnings, stats } = buildOutlets(csv, curated);

const file = {
  title: 'Outlets and programmes',
  description:
    'News outlets, wire services, broadcasters and programmes that unspin links mentions to, with country (ISO 3166-1 alpha-2), type, owner, ' +
    'state affiliation and the State Media Monitor typology, and a public source for each fact. stateAffiliated is true for the typologies ' +
    'SC (state-controlled), CaPu (captured public) and CaPr (captured private), and false for the independent public types IP, ISF, ISM and ISFM.',
  licence:
    `Rows with csvLines are derived from the ASD State Media Profiles (${CSV_REPO}, commit ${CSV_COMMIT}, State_Media_Matrix.csv), ` +
    'MIT licence, Copyright (c) Alliance for Securing Democracy; seed data from the State Media Monitor (Media and Journalism Research Center). ' +
    'The other rows and all aliases are hand-curated (data/outlets/curated.yml) from the public pages cited in their sources.',
  generatedBy: 'npm run build:outlets -- --data <state-media-profiles folder>; do not edit by hand, edit data/outlets/curated.yml',
  entries,
};
validateOutletEntries(file, values.out!);
// JSON (which is also YAML) parses fifty times faster than YAML at start-up; one entry per line keeps diffs readable.
const { entries: _, ...head } = file;
const body = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n');
writeFileSync(values.out!, `{\n${body}\n  "entries": [\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`);

for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
const count = (pred: (e: (typeof entries)[number]) => boolean) => entries.filter(pred).length;
process.stdout.write(
  `outlets: ${entries.length} entries (${stats.curated} curated, of which ${stats.curatedOnly} not in the CSV; ${stats.fromCsvOnly} from the CSV alone)\n` +
    `CSV: ${stats.csvRows} rows in ${stats.groups} outlet groups; ${stats.ambiguousAliases} ambiguous names\n` +
    `stateAffiliated: ${count((e) => e.stateAffiliated === true)} true, ${count((e) => e.stateAffiliated === false)} false, ${count((e) => e.stateAffiliated === null)} unknown; ` +
    `countries: ${new Set(entries.map((e) => e.country)).size}\n` +
    `wrote ${values.out}\n`,
);
