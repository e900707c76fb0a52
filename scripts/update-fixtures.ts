// Rewrites test/fixtures/<slug>/expected.json from the current output, after a reviewed change.
// Usage: npm run fixtures:update [-- slug ...]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFixture, goldenSlugs, project } from '../test/golden/golden.js';

const wanted = process.argv.slice(2);
for (const slug of goldenSlugs().filter((s) => wanted.length === 0 || wanted.includes(s))) {
  const { analysis, dir } = analyzeFixture(slug);
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(project(analysis), null, 2) + '\n');
  console.log(`updated ${slug}: ${analysis.quotes.length} quotes, ${analysis.outlets.length} outlets, ${analysis.findings.length} findings`);
}
