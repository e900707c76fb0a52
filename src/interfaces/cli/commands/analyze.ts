import { defineCommand } from 'citty';
import { writeFile } from 'node:fs/promises';
import { ERRORS, UnspinError } from '../../../core/errors.js';
import { readSources } from '../../../input/sources.js';
import { renderers, type OutputFormat } from '../../../outputs/index.js';
import { analyze } from '../../../pipeline/analyze.js';
import { reportFailure } from '../report-failure.js';

const FORMATS = ['json', 'html', 'text'] as const;

export const analyzeCommand = defineCommand({
  meta: { name: 'analyze', description: 'Analyse articles: files, directories, .jsonl corpora of {id, text|html}, or - for stdin.' },
  args: {
    inputs: { type: 'positional', description: 'FILE, DIR, CORPUS.jsonl or - (several allowed)', required: false },
    format: { type: 'string', alias: 'f', description: 'json (default when piped), html or text (default on a terminal)' },
    output: { type: 'string', alias: 'o', description: 'write to this file instead of stdout' },
    color: { type: 'boolean', description: 'colour the text summary (default: when stdout is a terminal)' },
  },
  async run({ args }) {
    const paths = args._ as string[];
    const format = chooseFormat(args.format);
    const color = args.color ?? Boolean(process.stdout.isTTY && !args.output);
    const render = renderers[format];
    // One file gives one JSON document; anything that can hold several gives JSON Lines.
    const several = paths.length > 1 || paths.some((p) => p !== '-' && !/\.(txt|html?)$/i.test(p));
    const outputs: string[] = [];
    const failures: UnspinError[] = [];

    for await (const item of readSources(paths)) {
      if (!item.ok) {
        failures.push(item.error);
        reportFailure(item.error);
        continue;
      }
      try {
        outputs.push(render(analyze(item.input, { meta: { source: item.source } }), { several, color }));
      } catch (error) {
        if (!(error instanceof UnspinError)) throw error;
        failures.push(error);
        reportFailure(error);
      }
    }

    const body = outputs.map((o) => (o.endsWith('\n') ? o : o + '\n')).join(format === 'text' ? '\n' : '');
    if (args.output) await writeFile(args.output, body);
    else process.stdout.write(body);

    if (failures.length === 0) return 0;
    if (outputs.length > 0) return ERRORS.SOME_INPUTS_FAILED.exitCode;
    return failures[0]!.exitCode;
  },
});

function chooseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return process.stdout.isTTY ? 'text' : 'json';
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UnspinError('USAGE', `--format ${value}: expected one of ${FORMATS.join(', ')}`);
}
