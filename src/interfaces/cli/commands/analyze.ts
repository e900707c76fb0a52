import { defineCommand } from 'citty';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ERRORS, UnspinError } from '../../../core/errors.js';
import { readSources } from '../../../input/sources.js';
import { renderers, type OutputFormat } from '../../../outputs/index.js';
import { analyze } from '../../../pipeline/analyze.js';
import { ensureOutputDir, openOutputFile } from '../output-file.js';
import { reportFailure } from '../report-failure.js';

const FORMATS = ['json', 'html', 'text'] as const;

export const analyzeCommand = defineCommand({
  meta: { name: 'analyze', description: 'Analyse articles: files, directories, .jsonl corpora of {id, text|html}, or - for stdin.' },
  args: {
    inputs: { type: 'positional', description: 'FILE, DIR, CORPUS.jsonl or - (several allowed)', required: false },
    format: { type: 'string', alias: 'f', description: 'json (default when piped), html or text (default on a terminal)' },
    output: { type: 'string', alias: 'o', description: 'write to this file instead of stdout; with several inputs and --format html, a directory for one page each' },
    color: { type: 'boolean', description: 'colour the text summary (default: when stdout is a terminal)' },
  },
  async run({ args }) {
    const paths = args._ as string[];
    const format = chooseFormat(args.format);
    const color = args.color ?? Boolean(process.stdout.isTTY && !args.output);
    const render = renderers[format];
    // One file gives one JSON document; anything that can hold several gives JSON Lines.
    const several = paths.length > 1 || paths.some((p) => p !== '-' && !/\.(txt|html?)$/i.test(p));
    const pagesDir = format === 'html' && several ? requirePagesDir(args.output) : null;
    const out: Writable = pagesDir || !args.output ? process.stdout : openOutputFile(args.output);
    const usedNames = new Set<string>();
    const failures: UnspinError[] = [];
    let analysed = 0;

    // Each result is written as soon as it is ready, so a large corpus never sits in memory.
    for await (const item of readSources(paths)) {
      if (!item.ok) {
        failures.push(item.error);
        reportFailure(item.error);
        continue;
      }
      let rendered: string;
      try {
        rendered = render(analyze(item.input, { meta: { source: item.source } }), { several, color });
      } catch (error) {
        if (!(error instanceof UnspinError)) throw error;
        failures.push(error);
        reportFailure(error);
        continue;
      }
      if (pagesDir) {
        writeFileSync(join(pagesDir, pageName(item.source, usedNames)), rendered);
      } else {
        const separator = format === 'text' && analysed > 0 ? '\n' : '';
        if (!out.write(separator + (rendered.endsWith('\n') ? rendered : rendered + '\n'))) await once(out, 'drain');
      }
      analysed++;
    }
    if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

    if (failures.length === 0) return 0;
    if (analysed > 0) return ERRORS.SOME_INPUTS_FAILED.exitCode;
    return failures[0]!.exitCode;
  },
});

function chooseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return process.stdout.isTTY ? 'text' : 'json';
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UnspinError('USAGE', `--format ${value}: expected one of ${FORMATS.join(', ')}`);
}

/** HTML reports are whole pages: several of them go into a directory, one file each. */
function requirePagesDir(output: string | undefined): string {
  if (!output) throw new UnspinError('USAGE', '--format html with several inputs needs --output DIR (one page per document)');
  return ensureOutputDir(output);
}

/** A file name for a document's page: its source's base name, made unique and safe. */
function pageName(source: string, used: Set<string>): string {
  const stem = basename(source).replace(/\.(txt|html?)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'document';
  let name = `${stem}.html`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}.html`;
  used.add(name);
  return name;
}
