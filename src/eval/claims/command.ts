import { defineCommand } from 'citty';
import { UnspinError } from '../../core/errors.js';
import { readClaimBuster, readClef, type Split } from './data.js';
import { defaultEvalResources, evaluateClassification, evaluateRanking } from './evaluate.js';
import { crossValidateTranscripts, DEFAULT_RECIPE, type TrainRecipe } from './train.js';

const FORMATS = ['claimbuster', 'clef2019'] as const;
const SPLITS = ['all', 'dev', 'train'] as const;

/** `unspin eval claims`: scores the claim detector on ClaimBuster (P/R/F1) or CLEF-2019 (MAP, R-Precision, P@10). */
export const evalClaimsCommand = defineCommand({
  meta: { name: 'claims', description: 'Evaluate check-worthy claim detection: --format claimbuster --data FILE.jsonl, or --format clef2019 --data DIR (.tsv transcripts).' },
  args: {
    format: { type: 'string', description: 'claimbuster (lines {sentence_id, text, label}) or clef2019 (line<TAB>speaker<TAB>sentence<TAB>label .tsv files)', required: true },
    data: { type: 'string', description: 'FILE.jsonl for claimbuster; a directory of .tsv files (or one file) for clef2019', required: true },
    split: { type: 'string', description: 'all (default), or dev / train by the fixed rule in src/eval/claims/data.ts (ClaimBuster: sentence_id % 5 == 0 is dev; CLEF: sorted file index % 5 == 2 is dev)', default: 'all' },
    threshold: { type: 'string', description: 'claimbuster only: decision threshold (default: the model\'s tuned one)' },
    cv: { type: 'boolean', description: 'clef2019 only: MAP cross-validated by transcript over all the .tsv files, each fold retrained by the shipped model\'s recipe', default: false },
    folds: { type: 'string', description: 'with --cv: number of folds by transcript (file index % k); a number >= the file count is leave-one-transcript-out (default 5)', default: '5' },
    claimbuster: { type: 'string', description: 'with --cv: ClaimBuster FILE.jsonl whose training part (sentence_id % 5 != 0) every fold also trains on, as the shipped model does' },
    json: { type: 'boolean', description: 'print the figures as one JSON object on the last line', default: false },
  },
  run({ args }) {
    const format = args.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UnspinError('USAGE', `--format ${format}: expected one of ${FORMATS.join(', ')}`);
    const split = args.split as string;
    if (!(SPLITS as readonly string[]).includes(split)) throw new UnspinError('USAGE', `--split ${split}: expected one of ${SPLITS.join(', ')}`);
    const threshold = args.threshold === undefined ? undefined : Number(args.threshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UnspinError('USAGE', `--threshold ${args.threshold}: expected a number between 0 and 1`);
    const data = args.data as string;
    const resources = defaultEvalResources();
    const f = (x: number) => x.toFixed(4);

    if (format === 'claimbuster') {
      const r = evaluateClassification(readClaimBuster(data, split as Split), resources, threshold);
      process.stdout.write(`ClaimBuster ${data} (${split}, ${r.n} sentences), check-worthy class at threshold ${r.threshold}: precision ${f(r.precision)} recall ${f(r.recall)} F1 ${f(r.f1)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})\n`);
      if (args.json) process.stdout.write(JSON.stringify({ format, split, ...r }) + '\n');
      return 0;
    }
    if (args.cv) {
      const k = Number(args.folds);
      if (!Number.isInteger(k) || k < 2) throw new UnspinError('USAGE', `--folds ${args.folds}: expected an integer of at least 2`);
      if (split !== 'all') throw new UnspinError('USAGE', '--cv uses every transcript: leave out --split');
      const files = readClef(data, 'all');
      const claimBuster = args.claimbuster ? readClaimBuster(args.claimbuster as string, 'train') : [];
      const recipe = recipeOf(resources.model.header.training);
      const log = (line: string) => process.stderr.write(line + '\n');
      const cv = crossValidateTranscripts(files, claimBuster, { cues: resources.cues, words: resources.model.words }, recipe, k, { wordsFile: resources.model.header.words?.file, log });
      const foldCount = Math.max(...cv.folds) + 1;
      files.forEach((file, i) => process.stdout.write(`  ${file.name} (fold ${cv.folds[i]! + 1}): AP ${f(cv.scores.perFile[i]!)} (${file.sentences.filter((s) => s.label === 1).length} check-worthy of ${file.sentences.length})\n`));
      const how = foldCount === files.length ? 'leave-one-transcript-out' : `${foldCount}-fold by transcript`;
      process.stdout.write(`CLEF-2019 ${data} (${how}, ${cv.scores.files} files, ${cv.scores.n} sentences; training ${claimBuster.length > 0 ? `ClaimBuster ${claimBuster.length} lines + ` : ''}the other folds): MAP ${f(cv.scores.map)} R-Precision ${f(cv.scores.rPrecision)} P@10 ${f(cv.scores.p10)}\n`);
      if (args.json) process.stdout.write(JSON.stringify({ format, cv: how, recipe, ...cv.scores, folds: cv.folds, fileNames: files.map((x) => x.name) }) + '\n');
      return 0;
    }
    const files = readClef(data, split as Split);
    const r = evaluateRanking(files, resources);
    files.forEach((file, i) => process.stdout.write(`  ${file.name}: AP ${f(r.perFile[i]!)} (${file.sentences.filter((s) => s.label === 1).length} check-worthy of ${file.sentences.length})\n`));
    process.stdout.write(`CLEF-2019 ${data} (${split}, ${r.files} files, ${r.n} sentences): MAP ${f(r.map)} R-Precision ${f(r.rPrecision)} P@10 ${f(r.p10)}\n`);
    if (args.json) process.stdout.write(JSON.stringify({ format, split, ...r, fileNames: files.map((x) => x.name) }) + '\n');
    return 0;
  },
});

/** The recipe the shipped model records in its header (training.options), the defaults filling any gap. */
export function recipeOf(training: Record<string, unknown>): TrainRecipe {
  const options = (training['options'] ?? {}) as Record<string, unknown>;
  const recipe = { ...DEFAULT_RECIPE };
  for (const key of Object.keys(recipe) as (keyof TrainRecipe)[]) {
    const value = options[key];
    if (typeof value === 'number' && Number.isFinite(value) && typeof recipe[key] === 'number') (recipe as Record<string, number | boolean>)[key] = value;
    if (typeof value === 'boolean' && typeof recipe[key] === 'boolean') (recipe as Record<string, number | boolean>)[key] = value;
  }
  return recipe;
}
