/** Writes docs/outlets.md from data/outlets/outlets.json: npm run docs:outlets */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/paths.js';
import { loadOutletEntries } from '../src/provenance/outlets.js';
import { renderOutletDocs } from './outlets/docs.js';

const out = join(packageRoot(), 'docs', 'outlets.md');
mkdirSync(join(packageRoot(), 'docs'), { recursive: true });
writeFileSync(out, renderOutletDocs(loadOutletEntries()));
process.stdout.write(`wrote ${out}\n`);
