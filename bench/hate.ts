/**
 * Hate detector throughput over short posts, on one core: builds the text model first
 * (that cost belongs to the pipeline), then times detect() alone and prints posts/s.
 *
 *   npm run bench:hate [-- --posts 5000]
 */
import { parseArgs } from 'node:util';
import type { AnalyzedDocument } from '../src/core/document.js';
import { createHateDetector } from '../src/detectors/hate/index.js';
import { buildProvenance } from '../src/provenance/index.js';
import { buildTextModel } from '../src/text/model.js';

const { values } = parseArgs({ options: { posts: { type: 'string' } } });
const count = Number(values.posts ?? 5000);

// Synthetic posts (no dataset text): a mix of neutral, profane, hostile and evasive wording.
const subjects = ['the new neighbours', 'migrants', 'my coworkers', 'Jewish families', 'm0zlems', 'the council', 'women drivers', 'those people', 'refugees', 'gay couples'];
const predicates = ['moved into the street last week', 'are ruining everything again', 'should go back where they came from', 'organised a food drive on Sunday', 'control the local paper, lol', 'are so damn annoying today', 'were praised by the mayor', 'are a plague on this town', 'just want to live in peace', 'got a fucking parking ticket'];
const tails = ['', ' @user what do you think?', ' #news', ' Honestly.', ' https://example.org/x'];
const posts: string[] = [];
for (let i = 0; i < count; i++) posts.push(`${subjects[i % subjects.length]} ${predicates[(i * 7) % predicates.length]}${tails[(i * 3) % tails.length]}`);

const meta = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };
const docs: AnalyzedDocument[] = posts.map((text) => {
  const model = buildTextModel(text);
  return { text, meta, ...model, ...buildProvenance(text, model, meta) };
});
// The detector as shipped, and without the placeholder network (rules and linear model only), in the same run.
for (const [name, detector] of [
  ['hate detector', createHateDetector()],
  ['hate detector without the network', createHateDetector({ network: false })],
] as const) {
  detector.detect(docs[0]!); // loads models, lexicon and rules outside the timing
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  let findings = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const doc of docs) findings += detector.detect(doc).length;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(`${name}: ${docs.length} short posts, ${findings} findings`);
  console.log(`  wall ${seconds.toFixed(2)} s = ${Math.round(docs.length / seconds)} posts/s; cpu ${cpuSeconds.toFixed(2)} s = ${Math.round(docs.length / cpuSeconds)} posts per cpu-second`);
}
