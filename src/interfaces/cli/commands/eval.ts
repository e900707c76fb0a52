import { defineCommand } from 'citty';

/** `unspin eval <task>`: accuracy of each part on public benchmark formats. */
export const evalCommand = defineCommand({
  meta: { name: 'eval', description: 'Measure accuracy on benchmark data: attribution (PolNeAR), hate (HateXplain), propaganda (PTC), claims (ClaimBuster, CLEF-2019).' },
  subCommands: {
    attribution: () => import('./eval-attribution.js').then((m) => m.evalAttributionCommand),
    propaganda: () => import('../../../eval/propaganda/command.js').then((m) => m.evalPropagandaCommand),
    hate: () => import('../../../eval/hate/command.js').then((m) => m.evalHateCommand),
    claims: () => import('../../../eval/claims/command.js').then((m) => m.evalClaimsCommand),
  },
});
