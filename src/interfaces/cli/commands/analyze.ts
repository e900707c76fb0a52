import { defineCommand } from 'citty';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { ERRORS, UnspinError } from '../../../core/errors.js';
import type { Analysis } from '../../../core/types.js';
import { readSources, type SourceItem } from '../../../input/sources.js';
import type { OutputFormat, RenderOptions } from '../../../outputs/index.js';
import { renderJson } from '../../../outputs/json.js';
import type { OrderedResult } from '../../../pipeline/worker/shared-work.js';
import { keepHeapsTight, optimiseLater } from '../heap.js';
import { ensureOutputDir, openOutputFile } from '../output-file.js';
import { reportFailure } from '../report-failure.js';

const FORMATS = ['json', 'html', 'text'] as const;

/**
 * A corpus this large repays a pool of threads: each thread loads the models once
 * (about a second), which smaller corpora do not win back.
 */
const POOL_MIN_DOCUMENTS = 24;
/** More threads than this gain little: output is written in order by one thread. */
const MAX_AUTO_THREADS = 8;
/**
 * Fewer cores than this do not repay a pool. On the 2-core machine, quiet, 400 generated
 * articles took 4.3-4.6 s with the main thread and one batch thread against 4.7-5.1 s on
 * the main thread alone, for 45% more CPU time and 120 MB more peak RSS: each thread loads
 * the models and warms V8's compiler on its own, and the compiler's background threads
 * then compete with the second analysis thread for the two cores (README, Speed).
 */
const POOL_MIN_CORES = 3;
/**
 * Young generation of each pool thread, in MB (V8's default is 48). On the 371 PTC train
 * articles with 2 threads, 12 MB took the CLI's peak RSS from 440-445 MB to 380-412 MB,
 * with no CPU difference above noise (README, Speed).
 */
const POOL_YOUNG_GENERATION_MB = 12;
/** Per-document time limit by default: far above any real article, short of a hang. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The thread count when --threads is not given: a pool only where it repays its start-up. */
export function autoThreads(documents: number, cores: number): number {
  if (documents < POOL_MIN_DOCUMENTS || cores < POOL_MIN_CORES) return 1;
  return Math.min(MAX_AUTO_THREADS, cores);
}

export const analyzeCommand = defineCommand({
  meta: { name: 'analyze', description: 'Analyse articles: files, directories, .jsonl corpora of {id, text|html}, or - for stdin.' },
  args: {
    inputs: { type: 'positional', description: 'FILE, DIR, CORPUS.jsonl or - (several allowed)', required: false },
    format: { type: 'string', alias: 'f', description: 'json (default when piped), html or text (default on a terminal)' },
    output: { type: 'string', alias: 'o', description: 'write to this file instead of stdout; with several inputs and --format html, a directory for one page each' },
    color: { type: 'boolean', description: 'colour the text summary (default: when stdout is a terminal)' },
    threads: { type: 'string', description: `analysing threads, the main thread included (default: one per core, up to ${MAX_AUTO_THREADS}, for ${POOL_MIN_DOCUMENTS} documents or more on ${POOL_MIN_CORES} cores or more; else 1)` },
    timeout: { type: 'string', description: `longest one document may take, in ms (default ${DEFAULT_TIMEOUT_MS}; 0 for no limit)` },
  },
  async run({ args }) {
    const paths = args._ as string[];
    const format = chooseFormat(args.format);
    const color = args.color ?? Boolean(process.stdout.isTTY && !args.output);
    const threadsArg = args.threads === undefined ? undefined : positiveInteger('--threads', args.threads, 1);
    const timeoutMs = args.timeout === undefined ? DEFAULT_TIMEOUT_MS : positiveInteger('--timeout', args.timeout, 0);
    // One file gives one JSON document; anything that can hold several gives JSON Lines.
    const several = paths.length > 1 || paths.some((p) => p !== '-' && !/\.(txt|html?)$/i.test(p));
    const pagesDir = format === 'html' && several ? requirePagesDir(args.output) : null;
    const out: Writable = pagesDir || !args.output ? process.stdout : openOutputFile(args.output);
    const usedNames = new Set<string>();
    const failures: UnspinError[] = [];
    let analysed = 0;

    keepHeapsTight();
    optimiseLater();
    // The HTML and text renderers only when asked for: the report's labels load the detectors
    // (about 28 MB and 0.1 s), which a main thread that leaves the analysis to a pool never uses.
    const render = format === 'json' ? undefined : (await import('../../../outputs/index.js')).renderers[format];
    const { items, count } = await lookAhead(readSources(paths), POOL_MIN_DOCUMENTS);
    const threads = threadsArg ?? autoThreads(count, availableParallelism());
    // Each result is written as soon as it is ready, so a large corpus never sits in memory.
    for await (const result of analyzeAll(items, threads, timeoutMs)) {
      if (!result.ok) {
        failures.push(result.error);
        reportFailure(result.error);
        continue;
      }
      // The thread sends compact JSON: JSON Lines output uses it as it is.
      const rendered = format === 'json' && several ? result.json : renderAnalysis(render, JSON.parse(result.json) as Analysis, several, color);
      if (pagesDir) {
        writeFileSync(join(pagesDir, pageName(result.source, usedNames)), rendered);
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

/**
 * Documents run on the main thread, and with several threads on batch threads beside it
 * (src/pipeline/worker/shared-work.ts), under the per-document time limit.
 */
async function* analyzeAll(items: AsyncIterable<SourceItem>, threads: number, timeoutMs: number): AsyncGenerator<OrderedResult> {
  const { analyzeSharingWork } = await import('../../../pipeline/worker/shared-work.js');
  yield* analyzeSharingWork(ordered(items), { threads, timeoutMs, youngGenerationMb: POOL_YOUNG_GENERATION_MB });
}

async function* ordered(items: AsyncIterable<SourceItem>) {
  for await (const item of items) yield item.ok ? { ok: true as const, source: item.source, input: item.input } : item;
}

function renderAnalysis(render: ((analysis: Analysis, options: RenderOptions) => string) | undefined, analysis: Analysis, several: boolean, color: boolean): string {
  return render ? render(analysis, { several, color }) : renderJson(analysis, several);
}

/** Reads up to `limit` items ahead, to learn whether the corpus is large enough for a pool. */
async function lookAhead<T>(source: AsyncGenerator<T>, limit: number): Promise<{ items: AsyncIterable<T>; count: number }> {
  const head: T[] = [];
  let done = false;
  while (head.length < limit) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* all() {
    yield* head;
    if (!done) yield* source;
  }
  return { items: all(), count: head.length };
}

function positiveInteger(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UnspinError('USAGE', `${flag} ${value}: expected a whole number of at least ${min}`);
  return n;
}

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
