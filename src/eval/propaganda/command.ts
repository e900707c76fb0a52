import { defineCommand } from 'citty';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UnspinError } from '../../core/errors.js';
import { createPropagandaDetector } from '../../detectors/propaganda/detector.js';
import { defaultPropagandaLexicon } from '../../detectors/propaganda/lexicons.js';
import { defaultPropagandaModel, unpackModel, type PropagandaModel } from '../../detectors/propaganda/model.js';
import { predictArticleSpans, predictArticleTechniques } from './predict.js';
import { formatLabels, inSplit, readArticles, readLabels, type PtcLabel, type PtcTask, type Split } from './ptc.js';
import { scoreSpans, scoreTechniques, type SiScore, type TcScore } from './score.js';

const TASKS = ['si', 'tc'] as const;
const SPLITS = ['all', 'train', 'dev'] as const;

/** `unspin eval propaganda`: scores the detector on PTC-format articles and labels, as the SemEval-2020 Task 11 scorers do. */
export const evalPropagandaCommand = defineCommand({
  meta: {
    name: 'propaganda',
    description: 'Score propaganda detection on PTC (SemEval-2020 Task 11) data: SI span F1 with partial overlap, or TC micro-F1 on the gold spans.',
  },
  args: {
    articles: { type: 'string', description: 'directory of article<ID>.txt files', required: true },
    labels: { type: 'string', description: 'gold labels: one .labels file or a directory of per-article files', required: true },
    task: { type: 'string', description: 'si (span identification) or tc (technique classification)', required: true },
    split: { type: 'string', description: 'all (default), or the fixed split of the PTC training articles: dev (id mod 5 == 0) or train' },
    out: { type: 'string', description: 'also write the predictions in PTC format to this file' },
    model: { type: 'string', description: 'a propaganda model JSON file instead of the shipped one' },
    json: { type: 'boolean', description: 'print the scores as one JSON object on the last line' },
  },
  async run({ args }) {
    const task = choose(args.task, TASKS, '--task');
    const split = choose(args.split ?? 'all', SPLITS, '--split');
    const articles = readArticles(args.articles);
    const gold = readLabels(args.labels, task);
    const ids = [...articles.keys()].filter((id) => inSplit(id, split));
    if (ids.length === 0) throw new UnspinError('EVAL_DATA', `${args.articles}: no articles in split ${split}`, { input: args.articles });
    const model = args.model ? loadModelFile(args.model) : defaultPropagandaModel();

    const predicted = new Map<string, PtcLabel[]>();
    const started = performance.now();
    if (task === 'si') {
      const detector = createPropagandaDetector({ model });
      for (const id of ids) predicted.set(id, predictArticleSpans(articles.get(id)!, `article${id}.txt`, detector));
    } else {
      const lexicon = defaultPropagandaLexicon();
      for (const id of ids) predicted.set(id, predictArticleTechniques(articles.get(id)!, gold.get(id) ?? [], model, lexicon));
    }
    const seconds = (performance.now() - started) / 1000;
    const score = task === 'si' ? scoreSpans(predicted, gold, ids) : scoreTechniques(predicted, gold, ids);

    if (args.out) await writeFile(args.out, formatLabels(predicted, task));
    const lines = summary(score, split, seconds);
    if (args.json) lines.push(JSON.stringify({ ...score, split, model: model.name, seconds: Number(seconds.toFixed(2)) }));
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
});

function summary(score: SiScore | TcScore, split: Split, seconds: number): string[] {
  const f = (x: number) => x.toFixed(4);
  const lines = [
    `propaganda ${score.task.toUpperCase()} on ${score.articles} articles (split ${split}), ${seconds.toFixed(1)} s`,
    `precision ${f(score.precision)}  recall ${f(score.recall)}  F1 ${f(score.f1)}  (${score.predicted} predicted, ${score.n} gold)`,
  ];
  if (score.task === 'tc') {
    for (const [t, s] of Object.entries(score.perTechnique)) lines.push(`  ${t.padEnd(36)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  n=${s.support}`);
  }
  return lines;
}

function choose<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UnspinError('USAGE', `${flag} ${value}: expected one of ${allowed.join(', ')}`);
}

function loadModelFile(path: string): PropagandaModel {
  if (!existsSync(path)) throw new UnspinError('INPUT_NOT_FOUND', `${path}: model file not found`, { input: path });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UnspinError('INPUT_UNREADABLE', `${path}: cannot read model (${(cause as Error).message})`, { input: path, cause });
  }
  return unpackModel(json, basename(path));
}

export type { PtcTask };
