import type { LabelInfo } from '../detector.js';

/**
 * The 14 technique classes of SemEval-2020 Task 11, written exactly as the PTC label
 * files and the official scorer write them, with one line each for the report legend.
 */
export const TECHNIQUES = [
  { label: 'Appeal_to_Authority', definition: 'Claims something is true because an authority or expert said so, without other evidence.' },
  { label: 'Appeal_to_fear-prejudice', definition: 'Builds fear, anxiety or prejudice towards a threat or a group to win support for an idea.' },
  { label: 'Bandwagon,Reductio_ad_hitlerum', definition: 'Urges joining because “everyone” does, or discredits an idea by linking it to Nazis or other hated groups.' },
  { label: 'Black-and-White_Fallacy', definition: 'Presents only two options as if no others existed (a false dilemma).' },
  { label: 'Causal_Oversimplification', definition: 'Blames a single cause for an outcome that has several.' },
  { label: 'Doubt', definition: 'Questions the credibility of someone or something without substantiating the doubt.' },
  { label: 'Exaggeration,Minimisation', definition: 'Makes something look larger, better or worse than it is, or downplays it.' },
  { label: 'Flag-Waving', definition: 'Plays on national or group pride and identity to justify an idea.' },
  { label: 'Loaded_Language', definition: 'Uses emotionally charged words to sway the reader rather than inform.' },
  { label: 'Name_Calling,Labeling', definition: 'Attaches an insulting or loaded label to a person or group instead of arguing.' },
  { label: 'Repetition', definition: 'Repeats a word, phrase or label so that the audience comes to accept it.' },
  { label: 'Slogans', definition: 'A brief, striking phrase used as a rallying cry.' },
  { label: 'Thought-terminating_Cliches', definition: 'A stock phrase that discourages critical thought and closes the discussion.' },
  { label: 'Whataboutism,Straw_Men,Red_Herring', definition: 'Deflects by pointing at an opponent’s other faults, distorting their position, or changing the subject.' },
] as const satisfies readonly LabelInfo[];

export type Technique = (typeof TECHNIQUES)[number]['label'];

export const TECHNIQUE_LABELS: readonly Technique[] = TECHNIQUES.map((t) => t.label);

export function isTechnique(label: string): label is Technique {
  return (TECHNIQUE_LABELS as readonly string[]).includes(label);
}
