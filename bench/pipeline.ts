// npm run bench [-- --corpus DIR] [--repeat N] [--skip-scaling]   (builds dist/ first, for the CLI ratio)
// Prints articles/s, MB/s and peak RSS for bare tokenisation, the spine alone (no
// detectors), the spine with each detector alone (+hate, +claims, ...), and the whole
// pipeline, each measured in its own child process so that peak RSS belongs to that
// phase alone, all in one run on the same corpus.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { analyze, defaultDetectors } from '../src/index.js';
import { buildTextModel } from '../src/text/model.js';
import { loadCorpus } from './corpus.js';

/** Each phase is one way of processing the corpus; `+name` is the spine with that detector alone. */
const PHASES: Record<string, (text: string) => void> = {
  tokenise: (text) => void buildTextModel(text),
  spine: (text) => void analyze(text, { detectors: [] }),
  ...Object.fromEntries(
    defaultDetectors().map((detector) => [`+${detector.name}`, (text: string) => void analyze(text, { detectors: [detector] })]),
  ),
  pipeline: (text) => void analyze(text),
};
type Phase = string;

const { values } = parseArgs({ options: { corpus: { type: 'string' }, repeat: { type: 'string', default: '1' }, phase: { type: 'string' }, 'skip-scaling': { type: 'boolean' } } });

interface PhaseResult {
  phase: Phase;
  articles: number;
  megabytes: number;
  seconds: number;
  peakRssMb: number;
}

function runPhase(phase: Phase): PhaseResult {
  const corpus = loadCorpus(values.corpus);
  const work = PHASES[phase];
  if (!work) throw new Error(`unknown phase ${phase}; phases: ${Object.keys(PHASES).join(', ')}`);
  for (const text of corpus.slice(0, 20)) work(text); // warm-up: model loading, JIT
  const repeat = Number(values.repeat);
  const started = performance.now();
  let bytes = 0;
  for (let r = 0; r < repeat; r++) {
    for (const text of corpus) {
      work(text);
      bytes += Buffer.byteLength(text);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { phase, articles: corpus.length * repeat, megabytes: bytes / 1e6, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (values.phase) {
  process.stdout.write(JSON.stringify(runPhase(values.phase as Phase)) + '\n');
} else {
  const rows: PhaseResult[] = [];
  for (const phase of Object.keys(PHASES)) {
    const args = ['--import', 'tsx', import.meta.filename, '--phase', phase, '--repeat', values.repeat!, ...(values.corpus ? ['--corpus', values.corpus] : [])];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(1);
    }
    rows.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult);
  }
  const corpusName = values.corpus ?? 'generated (400 articles, seed 20261126)';
  console.log(`corpus: ${corpusName}; ${rows[0]!.articles} articles, ${rows[0]!.megabytes.toFixed(2)} MB per phase; one core (single thread)`);
  console.log('phase        articles/s      MB/s   peak RSS MB');
  for (const r of rows) {
    console.log(`${r.phase.padEnd(11)} ${(r.articles / r.seconds).toFixed(1).padStart(11)} ${(r.megabytes / r.seconds).toFixed(3).padStart(9)} ${r.peakRssMb.toFixed(0).padStart(12)}`);
  }
  // The whole CLI process against a bare wink-nlp pass, as a ratio (bench/ratio.ts).
  const ratio = spawnSync(process.execPath, ['--import', 'tsx', new URL('./ratio.ts', import.meta.url).pathname, '--rounds', '1', ...(values.corpus ? ['--corpus', values.corpus] : [])], { encoding: 'utf8' });
  process.stdout.write(ratio.status === 0 ? ratio.stdout : ratio.stderr);
  // 200 sequential requests to a warm server: p50, p99 and the phases (bench/latency.ts).
  const latency = spawnSync(process.execPath, ['--import', 'tsx', new URL('./latency.ts', import.meta.url).pathname], { encoding: 'utf8' });
  process.stdout.write(latency.status === 0 ? latency.stdout : latency.stderr);
  // Short posts are the hate detector's other workload (moderation queues); its own bench measures it.
  const posts = spawnSync(process.execPath, ['--import', 'tsx', new URL('./hate.ts', import.meta.url).pathname], { encoding: 'utf8' });
  process.stdout.write(posts.status === 0 ? posts.stdout : posts.stderr);
  // Seconds per MB at 100 KB, 1 MB and 3 MB, and the hostile shapes of issue 15 (bench/scaling.ts).
  if (!values['skip-scaling']) {
    const scaling = spawnSync(process.execPath, ['--import', 'tsx', new URL('./scaling.ts', import.meta.url).pathname], { encoding: 'utf8' });
    process.stdout.write(scaling.status === 0 ? scaling.stdout : scaling.stderr);
  }
}
