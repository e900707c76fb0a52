// Writes docs/errors.md from the error catalogue and docs/rules.md from every rule
// file under data/, so the docs and the code share one source. A test fails when the
// committed docs are out of date: run `npm run docs` after changing either.
import { writeFileSync } from 'node:fs';
import { renderErrorsDoc, renderRulesDoc } from './docs-content.js';

writeFileSync('docs/errors.md', renderErrorsDoc());
writeFileSync('docs/rules.md', renderRulesDoc());
console.log('wrote docs/errors.md and docs/rules.md');
