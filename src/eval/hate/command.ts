import { defineCommand } from 'citty';
import { UnspinError } from '../../core/errors.js';
import { createHateDetector } from '../../detectors/hate/index.js';
import { useHateNetFile } from '../../detectors/hate/net.js';
import { postClassifier, type PostDecision } from '../../detectors/hate/post.js';
import { hateVerdict } from '../../detectors/hate/verdict.js';
import { analyze } from '../../pipeline/analyze.js';
import { evaluateHate, readHatePosts } from './evaluate.js';
import { asArticleParagraph, evaluateFunctional, expandSuite, formatFunctional } from './functional.js';
import { formatMetrics } from './metrics.js';

/** `unspin eval hate --data FILE.jsonl [--json]` or `--functional SUITE.yml [--failures]`. */
export const evalHateCommand = defineCommand({
  meta: { name: 'hate', description: 'Evaluate the hate-speech detector on HateXplain-format JSON Lines ({id, text, label, targets, rationale}) or on a functional suite (data/hate/functional/*.yml).' },
  args: {
    data: { type: 'string', description: 'FILE.jsonl in the format of HateXplain train/val', required: false },
    functional: { type: 'string', description: 'SUITE.yml of functional templates (groups.yml read from the same folder)', required: false },
    groups: { type: 'string', description: 'groups file for --functional (default: groups.yml next to the suite)', required: false },
    failures: { type: 'boolean', description: 'with --functional: list every failed case' },
    json: { type: 'boolean', description: 'end with one JSON object of the figures on the last line' },
    'model-only': { type: 'boolean', description: 'score the model alone, without rules and guards' },
    verdict: { type: 'boolean', description: 'with --data: score the author-voice verdict that `unspin analyze` leads with (the hate detector, sentence by sentence, with its network) instead of the whole-post classifier' },
    'net-threshold': { type: 'string', description: 'with --functional: the network\'s hate-speech threshold (default the detector\'s for a short post, 0.7)', required: false },
    net: { type: 'string', description: 'read the hate network from this file instead of models/hate-net.bin (a candidate from npm run train:hate-net -- --out FILE)', required: false },
    'in-article': { type: 'boolean', description: 'with --functional: set each case as a paragraph of a short news article (the detector then decides sentence by sentence, as on articles) instead of a post of its own' },
  },
  run({ args }) {
    if (args.net) useHateNetFile(args.net);
    if (args.functional) return runFunctional(args.functional, args.groups, { failures: Boolean(args.failures), json: Boolean(args.json), inArticle: Boolean(args['in-article']) }, args['net-threshold'] === undefined ? undefined : Number(args['net-threshold']));
    if (!args.data) throw new UnspinError('USAGE', 'eval hate: --data FILE.jsonl or --functional SUITE.yml is required');
    if (args.verdict && args['model-only']) throw new UnspinError('USAGE', 'eval hate: --verdict and --model-only do not go together');
    const posts = readHatePosts(args.data);
    const started = performance.now();
    const result = evaluateHate(posts, args.verdict ? analyzeVerdict() : postClassifier({ useRules: !args['model-only'] }));
    const seconds = (performance.now() - started) / 1000;
    const reader = args.verdict ? "analyze's author-voice verdict" : args['model-only'] ? 'model only' : 'model + rules + guards';
    const lines = [`hate: ${args.data} (${reader}), ${(posts.length / seconds).toFixed(0)} posts/s`, formatMetrics(result)];
    lines.push(result.targetMicroF1 === null ? 'target micro-F1: n/a (no targets in the data)' : `target micro-F1=${result.targetMicroF1.toFixed(4)} over ${result.targetPosts} posts`);
    lines.push(result.rationaleTokenF1 === null ? 'rationale token-F1: n/a (no rationales in the data)' : `rationale token-F1=${result.rationaleTokenF1.toFixed(4)} over ${result.rationalePosts} posts`);
    process.stdout.write(lines.join('\n') + '\n');
    if (args.json) {
      const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);
      const perClass = Object.fromEntries(result.perClass.map((c) => [c.label, { precision: round(c.precision), recall: round(c.recall), f1: round(c.f1), support: c.support }]));
      process.stdout.write(JSON.stringify({ accuracy: round(result.accuracy), macroF1: round(result.macroF1), n: result.n, perClass, targetMicroF1: round(result.targetMicroF1), rationaleTokenF1: round(result.rationaleTokenF1) }) + '\n');
    }
    return 0;
  },
});

/** Each case is analysed as a document of its own (provenance decides the voice), and judged by the author-voice verdict. */
function runFunctional(path: string, groups: string | undefined, options: { failures: boolean; json: boolean; inArticle: boolean }, netThreshold?: number): number {
  const { failures, json, inArticle } = options;
  const cases = expandSuite(path, groups);
  if (netThreshold !== undefined && !(netThreshold >= 0 && netThreshold <= 1)) throw new UnspinError('USAGE', `eval hate: --net-threshold must be in [0, 1], got ${netThreshold}`);
  const detectors = [createHateDetector(netThreshold === undefined ? {} : { network: netThreshold })];
  const result = evaluateFunctional(cases, (text) => hateVerdict(analyze(inArticle ? asArticleParagraph(text) : text, { detectors }).findings));
  process.stdout.write(`hate functional suite: ${path}${inArticle ? ' (each case a paragraph of a news article)' : ''}\n${formatFunctional(result, failures)}\n`);
  if (json) {
    const rate = (r: { n: number; passed: number }) => Math.round((10000 * r.passed) / r.n) / 10000;
    process.stdout.write(JSON.stringify({ n: result.n, accuracy: rate(result), functionality: Object.fromEntries(result.byFunctionality.map((r) => [r.name, rate(r)])), group: Object.fromEntries(result.byGroup.map((r) => [r.name, rate(r)])) }) + '\n');
  }
  return 0;
}

/**
 * A post judged as `unspin analyze` judges it: the document-level author-voice verdict of the
 * hate detector, with the verdict's targets; no rationale (findings' evidence is not HateXplain's word list).
 */
function analyzeVerdict(): (text: string) => PostDecision {
  const detectors = [createHateDetector()];
  return (text) => {
    const verdict = hateVerdict(analyze(text, { detectors }).findings);
    return { label: verdict.label, targets: [...verdict.targets], rationale: [] };
  };
}
