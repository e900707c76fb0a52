/**
 * Reader-facing names of the hate detector's target groups. `targets` in the analysis keep
 * HateXplain's target names ("Refugee", "Islam", "African"), which the evaluation and stored
 * corpora compare against; a moderator reads "refugees and migrants". Shared by the text
 * output and the browser renderer; a test checks that every target in data/hate/groups.yml
 * has a name here.
 */
export const TARGET_NAMES: Readonly<Record<string, string>> = {
  African: 'Black people',
  Arab: 'Arabs',
  Asian: 'Asian people',
  Caucasian: 'white people',
  Christian: 'Christians',
  Disability: 'disabled people',
  Economic: 'poor people',
  Hindu: 'Hindus',
  Hispanic: 'Hispanic people',
  Homosexual: 'LGBTQ people',
  Indian: 'Indian people',
  Islam: 'Muslims',
  Jewish: 'Jews',
  Men: 'men',
  Other: 'Roma and other groups',
  Refugee: 'refugees and migrants',
  Women: 'women',
};

/** "refugees and migrants, Muslims": the targets as a reader names them (unknown names as given). */
export function targetNames(targets: readonly string[]): string {
  return targets.map((t) => TARGET_NAMES[t] ?? t).join(', ');
}
