import { defineCommand } from 'citty';

/** `unspin eval <task>`: scores unspin against a labelled dataset. Each task loads lazily. */
export const evalCommand = defineCommand({
  meta: { name: 'eval', description: 'Score unspin against a labelled dataset (see each task for the data format).' },
  subCommands: {
    attribution: () => import('./eval-attribution.js').then((m) => m.evalAttributionCommand),
  },
});
