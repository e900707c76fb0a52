// npm run build:web (part of npm run build): bundles the browser code, typed in
// src/outputs/web (the report renderer) and src/interfaces/web (the web page), to
// dist/web/*.js, which the HTML report and the page inline with CSP hashes.
// Prints the files written.
import { build } from 'esbuild';
import { packageRoot } from '../src/core/paths.js';
import { join } from 'node:path';

const root = packageRoot();
const entries = { report: 'src/outputs/web/report.ts', app: 'src/interfaces/web/app.ts' };

for (const [name, entry] of Object.entries(entries)) {
  const outfile = join(root, 'dist', 'web', `${name}.js`);
  // An IIFE with no minification: the page stays readable, and each bundle is one inline script.
  await build({ entryPoints: [join(root, entry)], outfile, bundle: true, format: 'iife', target: 'es2020', platform: 'browser', charset: 'utf8', legalComments: 'inline', logLevel: 'warning' });
  console.log(`build:web: ${entry} -> ${outfile}`);
}
