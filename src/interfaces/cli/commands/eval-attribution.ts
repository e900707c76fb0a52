import { defineCommand } from 'citty';
import { UnspinError } from '../../../core/errors.js';
import { loadAllCases, ratio, scoreCases } from '../../../eval/attribution/fixtures.js';
import { evaluateAttribution, type AttributionFailure, type AttributionPart, type AttributionReport } from '../../../eval/attribution/index.js';

const PARTS = new Set(['all', 'tune', 'check']);
const FAILURE_KINDS = new Set(['all', 'missed', 'boundary', 'spurious', 'source']);

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
      '--fixtures DIR instead scores our own annotated cases (cases.json and held-out.json, as in test/fixtures/provenance-v2): speaker, role, state-actor and outlet accuracy over the annotated quotes, and segment accuracy over non-space characters.',
      '--part tune|check scores a fixed two-thirds / one-third carve of the articles (by a hash of the article id), to tune rules on one part and check them on the other.',
    ].join(' '),
  },
  args: {
    data: { type: 'string', description: 'PolNeAR split folder (holds text/ and attributions/)' },
    fixtures: { type: 'string', description: 'folder of annotated provenance cases (cases.json, held-out.json) to score instead of PolNeAR' },
    json: { type: 'boolean', description: 'print the scores as one JSON object on the last line' },
    part: { type: 'string', description: 'all (default), tune (two thirds of the articles) or check (the other third)' },
    failures: { type: 'string', description: 'print the errors of one class first (missed, boundary, spurious, source or all), with counts per class' },
    limit: { type: 'string', description: 'print at most this many errors with --failures (default 50)' },
  },
  run({ args }) {
    if (args.fixtures) {
      const r = scoreCases(loadAllCases(args.fixtures));
      const figures = { speaker: ratio(r.speaker), role: ratio(r.role), stateActor: ratio(r.stateActor), outlet: ratio(r.outlet), segmentChars: ratio(r.segmentChars), n: { speaker: r.speaker.n, role: r.role.n, stateActor: r.stateActor.n, outlet: r.outlet.n, segmentChars: r.segmentChars.n } };
      if (args.json) process.stdout.write(JSON.stringify(figures) + '\n');
      else {
        const line = (name: string, t: { right: number; n: number; misses: string[] }) => `${name.padEnd(24)} ${(100 * ratio(t)).toFixed(1)}%  (${t.right} of ${t.n})${t.misses.length ? `; wrong: ${[...new Set(t.misses)].join('; ')}` : ''}`;
        process.stdout.write([line('speaker', r.speaker), line('role', r.role), line('state actor', r.stateActor), line('outlet', r.outlet), line('segments, by characters', r.segmentChars), ''].join('\n'));
      }
      return 0;
    }
    if (!args.data) throw new UnspinError('USAGE', '--data DIR (PolNeAR) or --fixtures DIR is required');
    const part = (args.part ?? 'all') as AttributionPart;
    if (!PARTS.has(part)) throw new UnspinError('USAGE', `--part must be all, tune or check, not "${args.part}"`);
    if (args.failures !== undefined && !FAILURE_KINDS.has(args.failures)) throw new UnspinError('USAGE', `--failures must be missed, boundary, spurious, source or all, not "${args.failures}"`);
    const limit = args.limit === undefined ? 50 : Number(args.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UnspinError('USAGE', `--limit must be a whole number, not "${args.limit}"`);
    const failures: AttributionFailure[] | undefined = args.failures !== undefined ? [] : undefined;
    const report = evaluateAttribution(args.data, { part, failures });
    if (failures) process.stdout.write(formatFailures(failures, args.failures!, limit));
    process.stdout.write(args.json ? JSON.stringify(report) + '\n' : format(report));
    return 0;
  },
});

function formatFailures(failures: readonly AttributionFailure[], kind: string, limit: number): string {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const lines: string[] = [];
  const chosen = failures.filter((f) => kind === 'all' || f.kind === kind);
  const clip = (s: string) => (s.length > 300 ? s.slice(0, 300) + '…' : s).replace(/\s+/g, ' ');
  for (const f of chosen.slice(0, limit)) {
    lines.push(`[${f.kind}] ${f.article} @${f.at}`);
    if (f.gold !== null) lines.push(`  gold:      ${clip(f.gold)}  | cue: ${f.goldCue ?? '-'} | source: ${f.goldSource ?? '-'}`);
    if (f.predicted !== null) lines.push(`  predicted: (${f.predictedKind}) ${clip(f.predicted)}  | speaker: ${f.speaker ?? '-'}`);
    if (f.explanation) lines.push(`  why:       ${clip(f.explanation)}`);
    lines.push(`  context:   ${f.context.replace(/\s+/g, ' ')}`);
  }
  lines.push(`errors by class: ${['missed', 'boundary', 'spurious', 'source'].map((k) => `${k} ${counts.get(k) ?? 0}`).join(', ')} (${Math.min(limit, chosen.length)} of ${chosen.length} printed)`, '');
  return lines.join('\n');
}

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
