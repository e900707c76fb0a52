// npm run bench:scaling [-- --only NAME]
// Seconds per MB and peak RSS for one document of growing size (100 KB, 1 MB, 3 MB of
// generated prose), and the time of each pathological shape from issue 15 (10^5 quotation
// marks, a 100,000-character line with no space, a 10 MB token, 1,000 and 10,000 nested
// divs), and one sentence of 10^4 and 4x10^4 quote-cue-quote triples. Each case runs in
// its own child process so its peak RSS is its own; a bare wink-nlp pass over the same text
// is timed in the same child, for the ratio.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../src/index.js';
import type { AnalyzeInput } from '../src/input/document.js';
import { generateCorpus } from './corpus.js';

/** Generated articles joined until the text reaches `bytes`. */
function prose(bytes: number): string {
  const articles = generateCorpus(400);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const article = articles[i % articles.length]!;
    parts.push(article);
    size += Buffer.byteLength(article) + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

const nested = (depth: number): string => `${'<div>'.repeat(depth)}<p>The minister said "we will win" on Monday.</p>${'</div>'.repeat(depth)}`;

const CASES: Record<string, () => AnalyzeInput> = {
  'prose 100 KB': () => ({ text: prose(100_000) }),
  'prose 1 MB': () => ({ text: prose(1_000_000) }),
  'prose 3 MB': () => ({ text: prose(3_000_000) }),
  // Spaced, so each is a token (a run of 10^5 quotes with no space would be skipped as overlong).
  '10^5 quotes': () => ({ text: `He said ${'" '.repeat(100_000)}today.` }),
  '100k no-space line': () => ({ text: `Intro line.\n${'word.'.repeat(20_000)}\nEnd line.` }),
  '10 MB token': () => ({ text: 'x'.repeat(10 * 1024 * 1024) }),
  // One sentence with no break and a cue every six tokens: provenance reads a bounded window per cue.
  'one sentence, 10^4 cues': () => ({ text: '"a," Lee said, "b" '.repeat(10_000) }),
  'one sentence, 4x10^4 cues': () => ({ text: '"a," Lee said, "b" '.repeat(40_000) }),
  '1,000 nested divs': () => ({ html: nested(1_000) }),
  '10,000 nested divs': () => ({ html: nested(10_000) }),
};

interface CaseResult {
  name: string;
  megabytes: number;
  seconds: number;
  /** CPU seconds (user + system) of the analysis: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  winkSeconds: number | null;
  peakRssMb: number;
}

function runCase(name: string): CaseResult {
  const input = CASES[name]!();
  analyze('Warm-up. The minister said "yes" on Monday.'); // model loading is not the document's time
  const started = performance.now();
  const cpu = process.cpuUsage();
  analyze(input);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  let winkSeconds: number | null = null;
  // Prose only: bare wink-nlp backtracks or overflows on the pathological shapes (what the limits avoid).
  if (input.text !== undefined && name.startsWith('prose')) {
    const nlp = winkNLP(model);
    const t0 = performance.now();
    nlp.readDoc(input.text).tokens().out();
    winkSeconds = (performance.now() - t0) / 1000;
  }
  return { name, megabytes: Buffer.byteLength(input.text ?? input.html ?? '') / 1e6, seconds, cpuSeconds, winkSeconds, peakRssMb };
}

const { values } = parseArgs({ options: { case: { type: 'string' }, only: { type: 'string' } }, strict: true });
if (values.case) {
  process.stdout.write(JSON.stringify(runCase(values.case)) + '\n');
} else {
  const names = Object.keys(CASES).filter((n) => !values.only || n.includes(values.only));
  console.log('case                     MB      s    s/MB  CPU s/MB  wink s/MB   peak RSS MB');
  const perMb: number[] = [];
  for (const name of names) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--case', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.log(`${name.padEnd(20)} FAILED (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as CaseResult;
    if (name.startsWith('prose')) perMb.push(r.cpuSeconds / r.megabytes);
    const wink = r.winkSeconds === null ? '-' : (r.winkSeconds / r.megabytes).toFixed(2);
    console.log(`${name.padEnd(20)} ${r.megabytes.toFixed(2).padStart(7)} ${r.seconds.toFixed(2).padStart(6)} ${(r.seconds / r.megabytes).toFixed(2).padStart(7)} ${(r.cpuSeconds / r.megabytes).toFixed(2).padStart(9)} ${wink.padStart(10)} ${r.peakRssMb.toFixed(0).padStart(13)}`);
  }
  if (perMb.length > 1) console.log(`CPU s/MB ratio, largest to smallest prose: ${(perMb.at(-1)! / perMb[0]!).toFixed(2)} (linear: about 1)`);
}
