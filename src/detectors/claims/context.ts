import type { AnalyzedDocument } from '../../core/document.js';
import type { Span } from '../../core/types.js';

/**
 * Context features: what a sentence's place in running text says about it. A debate line
 * right after a moderator's question, the first sentence of a candidate's answer, a sentence
 * that follows one with a figure: transcripts rank these differently from the same words alone.
 *
 * One shape serves transcripts and articles. In a transcript the speaker is the line's speaker
 * and the role comes from how the speaker talks across the transcript (`transcriptContext`). In
 * an article the speaker is the spine's: the author for the author's own voice, the quoted or
 * reported speaker otherwise (`articleContext`); a quoted speaker the spine named plays the part
 * of a debate's main speaker, an unattributed quote a minor one. Features are names, hashed
 * like the sentence's own.
 */
export type SpeakerRole = 'main' | 'moderator' | 'minor' | 'stage';
export type Genre = 'debate' | 'speech' | 'article';

export interface ContextItem {
  /** Who says it: a transcript's speaker, a spine speaker's id, "author"; null when unknown (each such item is a turn of its own). */
  speaker: string | null;
  role: SpeakerRole | null;
  /** The item ends with a question mark. */
  question: boolean;
  /** The item's own structural signals (features.ts), of which a few carry over to its neighbours. */
  signals: readonly string[];
}

/** Signals of the previous and next sentence in the same turn that say whether a sentence continues a claim. */
export const CARRIED = ['sig:number', 'sig:past', 'sig:propn', 'sig:future', 'sig:first-plural', 'sig:short', 'sig:question'];

const ROLES: readonly SpeakerRole[] = ['main', 'moderator', 'minor', 'stage'];
/** The names contextFeatures gives, written once, so that a sentence's context builds no string. */
const NAMES = {
  genre: { debate: 'ctx:debate', speech: 'ctx:speech', article: 'ctx:article' } as Record<Genre, string>,
  role: Object.fromEntries(ROLES.map((r) => [r, 'ctx:role:' + r])) as Record<SpeakerRole, string>,
  turn: { only: 'ctx:turn:only', first: 'ctx:turn:first', last: 'ctx:turn:last', middle: 'ctx:turn:middle' },
  turnLength: ['1', '2-3', '4-8', '9+'].map((t) => 'ctx:turn-len:' + t),
  after: Object.fromEntries([...ROLES, 'other'].map((r) => [r, 'ctx:after:' + r])) as Record<SpeakerRole | 'other', string>,
  previous: CARRIED.map((s) => 'prev:' + s),
  next: CARRIED.map((s) => 'next:' + s),
};

/** Feature names for each item, in order; linear in the number of items. */
export function contextFeatures(items: readonly ContextItem[], genre: Genre): string[][] {
  // Turns: runs of one speaker. Stage directions ("(APPLAUSE)") neither start nor end a turn.
  const turnOf = new Int32Array(items.length).fill(-1);
  const turnStart: number[] = [];
  const turnSize: number[] = [];
  let previous = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.role === 'stage') continue;
    const same = previous >= 0 && item.speaker !== null && items[previous]!.speaker === item.speaker;
    if (!same) {
      turnStart.push(i);
      turnSize.push(0);
    }
    turnOf[i] = turnStart.length - 1;
    turnSize[turnSize.length - 1]!++;
    previous = i;
  }
  const out: string[][] = [];
  const seen = new Int32Array(turnSize.length);
  let lastSpoken = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const names: string[] = [];
    if (genre !== 'article') names.push(NAMES.genre[genre]);
    if (item.role !== null) names.push(NAMES.role[item.role]);
    const turn = turnOf[i]!;
    if (turn < 0) {
      out.push(names);
      continue;
    }
    const size = turnSize[turn]!;
    const at = seen[turn]!++;
    names.push(size === 1 ? NAMES.turn.only : at === 0 ? NAMES.turn.first : at === size - 1 ? NAMES.turn.last : NAMES.turn.middle);
    names.push(NAMES.turnLength[size === 1 ? 0 : size <= 3 ? 1 : size <= 8 ? 2 : 3]!);
    if (at === 0 && lastSpoken >= 0) {
      // The first sentence of a turn answers (or follows) whoever spoke last.
      const before = items[lastSpoken]!;
      names.push(NAMES.after[before.role ?? 'other']);
      if (before.question) names.push('ctx:answer');
    }
    if (at > 0) {
      const prev = items[lastSpoken]!;
      if (prev.question) names.push('ctx:after-own-question');
      for (let s = 0; s < CARRIED.length; s++) if (prev.signals.includes(CARRIED[s]!)) names.push(NAMES.previous[s]!);
    }
    if (at < size - 1) {
      let next = i + 1;
      while (turnOf[next] !== turn) next++;
      for (let s = 0; s < CARRIED.length; s++) if (items[next]!.signals.includes(CARRIED[s]!)) names.push(NAMES.next[s]!);
    }
    lastSpoken = i;
    out.push(names);
  }
  return out;
}

/** Every name contextFeatures can give, for models that need a fixed list (the hidden layer's indicators). */
export function contextFeatureNames(): string[] {
  return [
    NAMES.genre.debate,
    NAMES.genre.speech,
    ...ROLES.map((r) => NAMES.role[r]),
    ...(['only', 'first', 'last', 'middle'] as const).map((t) => NAMES.turn[t]),
    ...NAMES.turnLength,
    ...[...ROLES, 'other' as const].map((r) => NAMES.after[r]),
    'ctx:answer',
    'ctx:after-own-question',
    ...NAMES.previous,
    ...NAMES.next,
  ];
}

const STAGE = /^\s*[([][^()[\]]*[)\]]\s*$/;
const MODERATOR_QUESTION_RATE = 0.12;
const MAIN_SHARE = 0.15;
const SPEECH_SHARE = 0.75;

/**
 * A transcript's context. Roles come from the transcript itself, never from a list of names: a
 * speaker most of whose lines are stage directions in brackets is `stage`; one who asks at
 * least 12% of the time and is not the most frequent speaker is a `moderator`; one with at
 * least 15% of the spoken lines is `main`; anyone else is `minor`. A transcript whose most
 * frequent speaker holds 75% of the spoken lines is a speech, otherwise a debate.
 */
export function transcriptContext(lines: readonly { speaker: string; text: string; signals: readonly string[] }[]): string[][] {
  const stats = new Map<string, { lines: number; questions: number; stage: number }>();
  const questions = lines.map((l) => l.text.trimEnd().endsWith('?'));
  lines.forEach((l, i) => {
    const s = stats.get(l.speaker) ?? { lines: 0, questions: 0, stage: 0 };
    s.lines++;
    if (questions[i]) s.questions++;
    if (STAGE.test(l.text)) s.stage++;
    stats.set(l.speaker, s);
  });
  const roles = new Map<string, SpeakerRole>();
  let spoken = 0;
  let top: string | null = null;
  for (const [speaker, s] of stats) {
    if (s.stage * 2 >= s.lines) {
      roles.set(speaker, 'stage');
      continue;
    }
    spoken += s.lines;
    if (top === null || s.lines > stats.get(top)!.lines) top = speaker;
  }
  for (const [speaker, s] of stats) {
    if (roles.has(speaker)) continue;
    if (speaker !== top && s.questions >= MODERATOR_QUESTION_RATE * s.lines) roles.set(speaker, 'moderator');
    else roles.set(speaker, s.lines >= MAIN_SHARE * spoken ? 'main' : 'minor');
  }
  const genre: Genre = top !== null && stats.get(top)!.lines >= SPEECH_SHARE * spoken ? 'speech' : 'debate';
  return contextFeatures(
    lines.map((l, i) => ({ speaker: l.speaker, role: roles.get(l.speaker)!, question: questions[i]!, signals: l.signals })),
    genre,
  );
}

/**
 * An article's context, from the spine: each sentence's voice (the voice covering most of it),
 * and for quoted or reported words the quote's speaker. Voices and sentences are both sorted,
 * so one cursor walks the voices once.
 */
export function articleContext(doc: AnalyzedDocument, units: readonly { span: Span; text: string; features: { signals: readonly string[] } }[]): string[][] {
  const speakerOfQuote = new Map<string, string | null>();
  for (const q of doc.quotes) speakerOfQuote.set(q.id, q.speakerId);
  const voices = doc.voices;
  let v = 0;
  const items: ContextItem[] = units.map((u) => {
    while (v < voices.length && voices[v]!.end <= u.span.start) v++;
    let best = -1;
    let bestOverlap = 0;
    for (let j = v; j < voices.length && voices[j]!.start < u.span.end; j++) {
      const overlap = Math.min(u.span.end, voices[j]!.end) - Math.max(u.span.start, voices[j]!.start);
      if (overlap > bestOverlap) {
        best = j;
        bestOverlap = overlap;
      }
    }
    const voice = best >= 0 ? voices[best]! : null;
    const question = u.text.trimEnd().endsWith('?');
    if (voice === null || voice.voice === 'author') return { speaker: 'author', role: null, question, signals: u.features.signals };
    const speakerId = voice.quoteId !== undefined ? (speakerOfQuote.get(voice.quoteId) ?? null) : null;
    return { speaker: speakerId ?? 'quote:' + (voice.quoteId ?? best), role: speakerId !== null ? 'main' : 'minor', question, signals: u.features.signals };
  });
  return contextFeatures(items, 'article');
}

/** A line read on its own (a ClaimBuster sentence): the context an article of one sentence in the author's voice gets. */
export function loneContext(text: string, signals: readonly string[]): string[] {
  return contextFeatures([{ speaker: 'author', role: null, question: text.trimEnd().endsWith('?'), signals }], 'article')[0]!;
}
