import { defineCommand } from 'citty';
import { UnspinError } from '../../../core/errors.js';
import { evaluateAttribution, type AttributionReport } from '../../../eval/attribution/index.js';

export const evalAttributionCommand = defineCommand({
  meta: {
    name: 'attribution',
    description: [
      'Score quotes and speakers against PolNeAR (DIR/text/*.txt, DIR/attributions/*.ann; one annotator per article, the alphabetically first).',
      'Scored subset: gold attributions whose cue holds a verb of speech (data/provenance/cue-verbs.yml, class speech) or "according to", or whose content is in quotation marks.',
      'Recall: a gold content is found when one predicted direct or indirect quote covers at least half of its characters.',
      'Precision: a predicted direct or indirect quote (not scare) is right when it covers at least half of a subset gold content or lies at least half inside one;',
      'one that matches only a gold attribution outside the subset is left out; any other is wrong.',
      'Source accuracy: for found subset attributions with a gold source, the matched quote\'s speaker has a mention (its cue subject or any other) overlapping the source.',
      'Recall over all gold attributions is printed for information.',
    ].join(' '),
  },
  args: {
    data: { type: 'string', description: 'PolNeAR split folder (holds text/ and attributions/)', required: true },
    json: { type: 'boolean', description: 'print the scores as one JSON object on the last line' },
  },
  run({ args }) {
    if (!args.data) throw new UnspinError('USAGE', '--data DIR is required');
    const report = evaluateAttribution(args.data);
    process.stdout.write(args.json ? JSON.stringify(report) + '\n' : format(report));
    return 0;
  },
});

function format(r: AttributionReport): string {
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  return [
    `articles                 ${r.n} (${r.articlesPerSecond.toFixed(1)} articles/s)`,
    `quote precision          ${pct(r.quotePrecision)}  (${r.truePositives} right, ${r.falsePositives} wrong, ${r.neutral} matching only gold outside the subset)`,
    `quote recall             ${pct(r.quoteRecall)}  (${r.goldFound} of ${r.gold} speech-verb or quoted gold attributions)`,
    `quote F1                 ${pct(r.quoteF1)}`,
    `source accuracy          ${pct(r.sourceAccuracy)}  (of ${r.sourceN} found attributions with a gold source)`,
    `recall, all attributions ${pct(r.recallAll)}  (of ${r.goldAll})`,
    '',
  ].join('\n');
}
