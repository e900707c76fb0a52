import type { Span } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import { cueVerbAt, isTimeWord, phraseAt } from './cues.js';
import type { EntityRegistry, Mention } from './entities.js';
import type { FoundQuote } from './found.js';
import { pronounFits, resolveSubject, type Resolution } from './resolve.js';
import { DATE_WORDS, SUBJECT_PRONOUNS, distantOpeningSubject, infinitiveSubject, leadingSubject, objectHost, openingSubject, participleHost, quotedAsSaying, sentenceSubject, skipListener, subjectLeft, subjectRight, type Subject } from './subjects.js';
import { partitionPoint } from '../core/spans.js';

type Resolve = (subject: Subject) => Resolution | null;

const CLAUSE_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this', 'that', 'these', 'those']);
/** Pronouns that can be a speech verb's object ("said it"), and what may follow such an object. */
const OBJECT_PRONOUNS = new Set(['it', 'this', 'these', 'those']);
const OBJECT_FOLLOWERS = new Set(['ADV', 'ADP', 'SCONJ', 'CCONJ', 'PUNCT']);
/** Most tokens after the verb of a closing cue clause (", the party said in a statement on Monday."). */
const CLOSING_CUE_TAIL = 12;
/**
 * Most tokens a rule reads before or after its cue: no sentence of the PTC or PolNeAR articles is
 * longer than 222 tokens, so only a sentence with no break (a list, a pasted log, hostile input)
 * is cut, and the work per cue stays bounded.
 */
const SCAN_WINDOW = 300;
const ADVERBIAL_CLAUSE = new Set(['when', 'while', 'after', 'before', 'as', 'because', 'since', 'until', 'although', 'though', 'where', 'once']);

/**
 * Reported speech: `X said (on Sunday) that …`, `X told Y that …`, `X said he would …`,
 * `…, X said.`, `According to X, …` and `…, according to X.` The quote covers the reported
 * content (from "that" when there is one) to the end of the sentence, without its final
 * punctuation.
 */
export function findReportedSpeech(ctx: ProvenanceContext, registry: EntityRegistry, directSpans: readonly FoundQuote[], isQuoted: (m: Mention) => boolean): FoundQuote[] {
  const { tokens } = ctx;
  const out: FoundQuote[] = [];
  const direct = new DirectSpans(directSpans);
  const cueHosts = new CueHosts(directSpans);
  // Set for one cue at a time: the reported speech a nested pronoun subject is inside.
  let nestedIn: FoundQuote | null = null;
  const resolve: Resolve = (subject) => {
    if (nestedIn && subject.kind === 'pronoun') {
      const outer = nestedIn.entity!;
      registry.addMention(outer, subject);
      return { entity: outer, how: `pronoun "${ctx.text.slice(subject.start, subject.end)}" inside reported speech by ${outer.name} stands for that speaker` };
    }
    return resolveSubject(ctx, registry, subject, isQuoted);
  };
  // The "according to X" quotes found so far: a speaker named later in the same content relays through X.
  const sourcePhrases = new Set<FoundQuote>();
  let opening = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && ctx.sentenceOf[i - 1] !== ctx.sentenceOf[i]) opening = i;
    if (ctx.inQuote[i]) continue;
    // Every rule reads at most SCAN_WINDOW tokens either side of the cue, so a sentence with no
    // break (thousands of cues in one line) costs linear time; real sentences are shorter.
    const sentenceStart = Math.max(opening, i - SCAN_WINDOW);
    const phrase = phraseAt(ctx, i);
    if (phrase && phrase.role === 'source') {
      const found = according(ctx, i, phrase.length, phrase.id, sentenceStart, resolve);
      const relayed = found ? (relayedBy(out, found) ?? relayedAfterCue(ctx, out, direct, found) ?? relayedDirect(ctx, direct, found)) : null;
      if (relayed) {
        // "…, spokesman X told a briefing, according to IRNA": X speaks, IRNA carries it.
        relayed.outletId ??= found!.entity?.outletId ?? ctx.outletAt(found!.cue!)?.id ?? null;
        if (relayed.outletId) relayed.explanation = relayed.explanation.replace(/\.$/, `; relayed by the outlet named after "${ctx.text.slice(found!.cue!.start, found!.cue!.end)}"`) + '.';
      } else if (found && !direct.mostlyDirect(found)) {
        out.push(found);
        sourcePhrases.add(found);
      }
      i += phrase.length - 1;
      continue;
    }
    if (tokens[i]!.text === ':' && i > sentenceStart && i - sentenceStart <= COLON_SPEAKER_TOKENS) {
      const found = colonHeadline(ctx, registry, i, sentenceStart, isQuoted);
      if (found) {
        if (!direct.mostlyDirect(found)) out.push(found);
        i = ctx.tokenAtOrAfter(found.end) - 1;
        continue;
      }
    }
    if (tokens[i]!.norm === 'as' || tokens[i]!.norm === 'for' || tokens[i]!.norm === 'of') {
      const found = evaluativeAs(ctx, i, sentenceStart, out, resolve);
      if (found) {
        out.push(found);
        continue;
      }
    }
    const verb = cueVerbAt(ctx, i);
    if (!verb) {
      const found = nounComplement(ctx, i, sentenceStart, resolve);
      if (found && !direct.mostlyDirect(found)) out.push(found);
      continue;
    }
    if (verb.quoteOnly) continue;
    const end = sentenceLast(ctx, i);
    // "Rubio Says Reform Was A Sign Of Leadership": a capitalised cue inside a title-case line.
    if (verb.headline && i > sentenceStart && ctx.isCapitalized(i) && !tokens[i]!.norm.endsWith('ing')) {
      const found = titleCaseReport(ctx, registry, i, verb.id, sentenceStart, end, isQuoted);
      if (found) {
        if (!direct.mostlyDirect(found)) out.push(found);
        continue;
      }
    }
    // "Asked whether he would run, Lee said …": the question, up to the comma; the asker is not named.
    if (tokens[i]!.norm === 'asked' && (i === sentenceStart || (i === sentenceStart + 1 && (tokens[sentenceStart]!.norm === 'when' || tokens[sentenceStart]!.norm === 'whenever')))) {
      const found = askedQuestion(ctx, i, end, resolve);
      if (found) {
        out.push(found);
        continue;
      }
    }
    if (verb.cls === 'naming') {
      const found = naming(ctx, i, verb.id, sentenceStart, end, resolve);
      if (found) out.push(found);
      continue;
    }
    const quotedAs = quotedAsSaying(ctx, i, sentenceStart);
    let left = quotedAs?.speaker ?? subjectLeft(ctx, aspectHost(ctx, i, sentenceStart), sentenceStart);
    // "Cecelia Purner, 67, a retired clerk in Allentown, Pa., said": the name opening the sentence, not the place at the end of its appositive.
    if (left && left.kind === 'name' && tokens[ctx.tokenBefore(left.start)]?.text === ',') {
      const lead = leadingSubject(ctx, i, sentenceStart);
      if (lead && lead.kind === 'name') left = lead;
    }
    // "The town released a statement saying …", "emailed supporters saying …": a participle's
    // subject is its host verb's subject; the noun phrase just before it is that verb's object.
    if (left && !quotedAs) left = objectHost(ctx, i, left, sentenceStart) ?? left;
    // "Fishermen hoping to keep the quota say": the noun phrase after a verb is its object, not who speaks.
    if (left && left.kind !== 'pronoun' && verb.cls === 'speech' && tokens[ctx.tokenBefore(left.start)]?.pos === 'VERB') left = distantOpeningSubject(ctx, i, sentenceStart) ?? left;
    // "…, said Michael Lee, a fellow at …": the subject follows the verb; the sentence's own
    // subject before the comma is what was said about, not who said it.
    if (!left && verb.cls === 'speech' && invertedAfterComma(ctx, i, end)) {
      nestedIn = null;
      const found = postposed(ctx, i, verb.id, sentenceStart, null, end, resolve);
      if (found) {
        if (!direct.mostlyDirect(found)) out.push(found);
        continue;
      }
    }
    // "Lee Moss, wearing a shirt covered in badges, said": a named subject opening the sentence before an appositive's verbs.
    // "The White House declined to comment, but a senior official, speaking on …, said": the
    // subject is sought in the cue's own clause, not the sentence's first.
    const clauseStart = left ? sentenceStart : coordinatedClauseStart(ctx, i, sentenceStart);
    const lead = !left && tokens[i - 1]?.text === ',' && !tokens[i]!.norm.endsWith('ing') ? leadingSubject(ctx, i, clauseStart) : null;
    const subject = left ?? participleHost(ctx, i, sentenceStart) ?? (lead?.kind === 'name' ? lead : null) ?? sentenceSubject(ctx, i, clauseStart) ?? leadingSubject(ctx, i, clauseStart) ?? infinitiveSubject(ctx, i, clauseStart) ?? openingSubject(ctx, i, clauseStart) ?? (verb.cls === 'speech' ? distantOpeningSubject(ctx, i, clauseStart) : null);
    nestedIn = subject ? sameSpeakerNested(ctx, out, i, subject) : null;
    let found: FoundQuote | null = null;
    // "The argument would be aided, Lee said, by the calendar": a cue clause between commas
    // interrupts one reported sentence; what was said runs on both sides of it.
    if (subject && verb.cls === 'speech' && tokens[i + 1]?.text === ',' && !tokens[i]!.norm.endsWith('ing') && !ctx.isQuoteMark(i + 2) && i + 2 <= end && !closesCueClause(ctx, i + 2) && !quoteBefore(ctx, ctx.tokenAtOrAfter(subject.start))) found = parenthetical(ctx, i, verb.id, sentenceStart, subject, end, resolve);
    if (!found && (subject || passive(ctx, i))) found = preposed(ctx, i, verb.id, verb.cls === 'thought', verb.takesListener, verb.objectIsContent, subject, end, resolve);
    if (!found && verb.cls === 'speech') found = postposed(ctx, i, verb.id, sentenceStart, subject, end, resolve) ?? parenthetical(ctx, i, verb.id, sentenceStart, subject, end, resolve);
    // "…, Lee said, adding that …": the participle's subject is the cue clause's just before it.
    if (found && tokens[i]!.norm.endsWith('ing') && tokens[i - 1]?.text === ',') {
      let host = out[out.length - 1];
      // A direct quote's cue may be nearer ("“…,” he said, adding that …").
      const nearer = cueHosts.latestBefore(tokens[i]!.start);
      if (nearer && (!host || !host.cue || nearer.cue!.end > host.cue.end)) host = nearer;
      if (host && host.entity && host.cue && host.cue.end <= tokens[i]!.start && host.cue.start >= tokens[sentenceStart]!.start && host.end <= tokens[i]!.start && ctx.text.slice(host.cue.end, tokens[i]!.start).length < 120 && found.entity !== host.entity && !(host.cue.end <= host.start && finiteVerbBetween(ctx, host.end, tokens[i]!.start))) {
        found.entity = host.entity;
        found.outletId = host.entity.outletId ?? found.outletId;
        found.explanation = found.explanation.replace(/; [^;]*\.$/, `; the participle's subject is ${host.entity.name}, who speaks in the cue clause just before it.`);
      }
    }
    if (found && quotedAs?.relay) {
      const outlet = ctx.outletAt(quotedAs.relay);
      if (outlet) found.outletId ??= outlet.id;
    }
    const relayed = found && found.entity?.kind === 'outlet' ? (relayedBy(out, found) ?? relayedDirect(ctx, direct, found)) : null;
    const relay = found && !relayed ? relayedThrough(ctx, out, sourcePhrases, found) : null;
    if (relay) {
      // "According to Reuters, …, the central bank said": the bank speaks, Reuters carries it.
      out.splice(out.indexOf(relay), 1);
      found!.start = afterOpeningPhrase(ctx, relay, found!);
      found!.text = ctx.text.slice(found!.start, found!.end);
      found!.outletId ??= relay.entity?.outletId ?? ctx.outletAt(relay.cue!)?.id ?? null;
      found!.explanation = found!.explanation.replace(/\.$/, `; relayed by the source named after "${ctx.text.slice(relay.cue!.start, relay.cue!.end)}", which opens the sentence`) + '.';
    }
    if (relayed) relayed.outletId ??= found!.entity!.outletId;
    else if (found && !direct.mostlyDirect(found)) out.push(found);
  }
  relayNested(ctx, out, direct);
  return out;
}

/**
 * "The opposition said that it would ask the court to …": a pronoun subject of a cue inside
 * reported content, agreeing with the reporting speaker, is that speaker, not whoever was named
 * last before it (the nested report stays: it is the same speaker's words).
 */
function sameSpeakerNested(ctx: ProvenanceContext, found: readonly FoundQuote[], v: number, subject: Subject): FoundQuote | null {
  if (subject.kind !== 'pronoun') return null;
  const info = ctx.lexicon.pronouns.get(ctx.tokens[subject.head]!.norm);
  if (!info || info.refers === 'self') return null;
  const cue = ctx.tokens[v]!;
  for (let k = found.length - 1; k >= 0; k--) {
    const q = found[k]!;
    if (q.kind === 'indirect' && q.entity !== null && q.start <= subject.start && cue.end <= q.end) return pronounFits(ctx, info, q.entity) ? q : null;
  }
  return null;
}

function preposed(ctx: ProvenanceContext, v: number, ruleId: string, needsThat: boolean, takesListener: boolean, objectIsContent: boolean, subject: Subject | null, end: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  const asks = ruleId === 'speech-ask' || ruleId === 'thought-wonder' || ruleId === 'speech-wonder';
  // "has been charged with assault": a legal charge, not words said ("charged him with lying" may report an accusation).
  if (ruleId === 'speech-charge' && tokens[v + 1]?.norm === 'with' && passive(ctx, v)) return null;
  let k = v + 1;
  const listenerFrom = k;
  // "was asked by host Jan Berg whether …", "after being warned by the ministry that …": the
  // agent of a passive cue is who speaks.
  const agent = passiveAgent(ctx, v, end);
  if (agent) k = ctx.tokenAtOrAfter(agent.end);
  else if (takesListener) {
    // "told ABC’s “Good Morning America” on Sunday that": the listener ends where "that" starts.
    const that = thatAhead(ctx, k, end);
    k = that >= 0 ? that : skipListener(ctx, k, end);
  }
  const afterListener = k;
  // "“…,” he said, not finishing his joke": the cue of a direct quote before it says nothing after a comma.
  if (tokens[v + 1]?.text === ',' && subject && ctx.isQuoteMark(ctx.tokenBefore(subject.start)) && !ctx.isQuoteMark(v + 2) && tokens[v + 2]?.norm !== 'that' && !(tokens[v + 2]?.pos === 'ADV' && tokens[v + 3]?.text === ',')) return null;
  // "hard to predict, many economists say, because …": a cue clause after the comma, not what was predicted.
  if (tokens[v + 1]?.text === ',' && v + 2 <= end && (secondReport(ctx, v + 2, end) || closingCue(ctx, v + 2, end))) return null;
  // "…, Lee said, adding that …": what was said comes before the cue, not after it.
  if (tokens[v + 1]?.text === ',' && v + 2 <= end && closesCueClause(ctx, v + 2)) return null;
  // "three-quarters said the same of Sanders", "75 percent said yes": a short answer is what was said.
  const answer = ruleId === 'speech-say' && subject ? shortAnswer(ctx, v + 1, end) : -1;
  if (answer >= 0) {
    const resolved = resolve(subject!);
    return indirectQuote(ctx, v + 1, answer, v, v, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported speech: cue "${tokens[v]!.text}" (${ruleId}) followed by a short answer; ${resolved ? resolved.how : 'subject not resolved'}.`);
  }
  // "policies, which he said had harmed the economy": the relative clause is what was said.
  const relative = subject ? relativeBefore(ctx, v, subject) : -1;
  if (relative >= 0) {
    let last = relative + 1;
    while (last < end && tokens[last + 1]!.text !== ',' && tokens[last + 1]!.text !== ';' && !ctx.isSentenceEnd(last + 1) && !ctx.isQuoteMark(last + 1)) last++;
    if (last - v < 2) return null;
    const resolved = resolve(subject!);
    return indirectQuote(ctx, relative, last, v, v, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported speech: a relative clause "${tokens[relative]!.text} … ${tokens[v]!.text} …" (${ruleId}) says what was said about the noun before it; ${resolved ? resolved.how : 'subject not resolved'}.`);
  }
  let start = -1;
  let topicFirst = -1;
  let steps = 0;
  while (k <= end && steps++ < 16) {
    const t = tokens[k]!;
    if (t.norm === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) {
      start = k;
      break;
    }
    if (t.text === ':') {
      start = k + 1;
      break;
    }
    if (needsThat) {
      k++;
      if (t.pos === 'VERB' || t.pos === 'AUX') return null;
      continue;
    }
    // "promised to …".
    if (t.norm === 'to' && tokens[k + 1]?.pos === 'VERB') {
      start = k;
      break;
    }
    // "said — on Twitter, as it happens — that": a dashed aside.
    if ((t.text === '\u2014' || t.text === '\u2013' || t.text === '--') && k === v + 1) {
      let m = k + 1;
      while (m <= end && m - k < 14 && tokens[m]!.text !== t.text) m++;
      if (m <= end && tokens[m]!.text === t.text) {
        k = m + 1;
        continue;
      }
    }
    // "this week" says when; "this is a rough patch" opens the clause.
    const pronounSubject = CLAUSE_PRONOUNS.has(t.norm) && (tokens[k + 1]?.pos === 'AUX' || tokens[k + 1]?.pos === 'VERB');
    if ((isTimeWord(t.norm) && !pronounSubject) || (t.pos === 'ADV' && t.norm.endsWith('ly')) || t.text === ',' || t.text === '\u2014' || t.text === '\u2013') {
      k++;
      continue;
    }
    // "say at least 12 people were killed": "at least" counts, it is no preposition.
    if (t.pos === 'ADP' && t.norm !== 'if' && t.norm !== 'whether' && !(t.norm === 'at' && (tokens[k + 1]?.norm === 'least' || tokens[k + 1]?.norm === 'most'))) {
      // "warned of a fakery", "talked about the budget": the object of the preposition, when no clause follows.
      // "when asked about the budget": a passive question in an adverbial clause names its topic too
      // ("She was asked about the tolls" does not: the one asked is the subject, the asker unnamed).
      if (topicFirst < 0 && (k === v + 1 || k === afterListener) && TOPIC_PREPOSITIONS.has(t.norm) && (!passive(ctx, v) || (asks && !/^(was|were|been|being|is|are)$/.test(tokens[v - 1]!.norm))) && ruleId !== 'speech-say' && ruleId !== 'speech-tell' && !needsThat) topicFirst = k + 1;
      // "responded by easing sanctions": a means, not what was said; "said of the plan": what it was about.
      if (t.norm === 'by' || (t.norm === 'of' && k === v + 1 && ruleId === 'speech-say')) return null;
      k = afterNounPhrase(ctx, k + 1, end);
      // "said in a statement carried by the state news agency IRNA that …": a participle after the
      // phrase opens a reduced relative clause, which says where, not what was said.
      // Only between a common noun and a that-clause: "after Clinton argued for …" is a clause of its own.
      if (k < end && tokens[k]!.pos === 'VERB' && tokens[k]!.norm.endsWith('ed') && tokens[k - 1]!.pos === 'NOUN' && tokens[k + 1]!.pos === 'ADP' && tokens[k + 1]!.norm !== 'that') {
        const after = afterNounPhrase(ctx, k + 2, end);
        if (tokens[after]?.norm === 'that') k = after;
      }
      continue;
    }
    // A temporal or causal clause is not what was said ("complained when they …").
    if (ADVERBIAL_CLAUSE.has(t.norm) && !asks) return null;
    // A quotation that carries on the sentence ("said “it gets me mad” every time").
    if (ctx.isQuoteMark(k) && k < end) {
      start = k;
      break;
    }
    // "asked not to be named", "asked not to be identified": a request, with no content of its own.
    if (asks && k === v + 1 && t.norm === 'not' && tokens[k + 1]?.norm === 'to') return null;
    // "adding to her lead", "added up": not speech.
    if (ruleId === 'speech-add' && (t.norm === 'to' || t.norm === 'up')) return null;
    // "adding his third win", "added a new office", "claiming their seats": a possessed or
    // indefinite object is something gained, not something said.
    // "claims his net worth is …", "claimed a new era had begun": unless a verb follows the noun phrase.
    if (k === v + 1 && (ruleId === 'speech-add' || ruleId === 'speech-claim') && (POSSESSIVE_DETS.has(t.norm) || t.norm === 'a' || t.norm === 'an') && !ctx.isQuoteMark(k + 1)) {
      let m = k + 1;
      while (m <= end && m - k <= 6 && (tokens[m]!.pos === 'ADJ' || tokens[m]!.pos === 'NOUN' || tokens[m]!.pos === 'PROPN' || tokens[m]!.pos === 'NUM' || tokens[m]!.text === '-')) m++;
      const p = tokens[m]?.pos;
      if (m > end || (p !== 'AUX' && p !== 'VERB') || tokens[m]!.norm.endsWith('ing')) return null;
    }
    // Otherwise a clause: a subject with its verb soon after ("said he would", "said none of them were").
    // Not a clause: a verb ("said was a question"), a relative ("told … who answered").
    // "denied any improper role", "announced her candidacy": for these verbs the object is what was said.
    if (objectIsContent && k === v + 1 && (t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || POSSESSIVE_DETS.has(t.norm))) {
      start = k;
      break;
    }
    // "reported raising $9 million", "denied having met him": a gerund object is what was said.
    if (k === v + 1 && t.pos === 'VERB' && t.norm.endsWith('ing') && !needsThat && !takesListener) {
      start = k;
      break;
    }
    // "said it before and I will say it again", "said it, and": a pronoun with no verb after it is
    // the object; what follows is no clause, unless a colon opens one ("said it again: …").
    // "said it “worked with …”": a quotation carries on the clause.
    if (OBJECT_PRONOUNS.has(t.norm) && k === v + 1 && OBJECT_FOLLOWERS.has(tokens[k + 1]?.pos ?? '') && !ctx.isQuoteMark(k + 1)) {
      let m = k + 1;
      while (m <= end && m - k <= 3 && tokens[m]!.pos === 'ADV') m++;
      if (m <= end && (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX')) {
        start = k;
        break;
      }
      if (m < end && tokens[m]!.text === ':') {
        start = m + 1;
        break;
      }
      return null;
    }
    const verbFirst = t.pos === 'AUX' && k === v + 1;
    if (t.pos !== 'PUNCT' && t.pos !== 'CCONJ' && !verbFirst && t.norm !== 'who' && t.norm !== 'which') {
      const pronoun = CLAUSE_PRONOUNS.has(t.norm);
      for (let m = k + 1; m <= end && (pronoun || m - k <= 12); m++) {
        const p = tokens[m]!.pos;
        if (p === 'VERB' || p === 'AUX' || misreadVerb(ctx, m)) {
          start = k;
          break;
        }
        // "answered her door and said …": a second predicate, not a clause.
        if (p === 'CCONJ' && tokens[m + 1]?.pos === 'VERB' && m - k > 6) break;
        if (tokens[m]!.text === ';' || tokens[m]!.text === ':' || tokens[m]!.text === '\u2014') break;
      }
    }
    break;
  }
  if (start < 0 && topicFirst >= 0 && topicFirst <= end && !ctx.isSentenceEnd(topicFirst)) start = topicFirst;
  if (start < 0 || start > end) return null;
  // "told reporters in Moscow, TASS reported.": another cue clause, not what was told.
  if (tokens[start - 1]?.text === ',' && closingCue(ctx, start, end)) return null;
  let last = quoteThenOwnClause(ctx, start, anticipatedEnd(ctx, v, start, tailCue(ctx, start, end)));
  while (last > start && (ctx.isSentenceEnd(last) || tokens[last]!.text === ',' || tokens[last]!.text === ':')) last--;
  let words = 0;
  for (let m = start; m <= last; m++) if (ctx.isWord(m)) words++;
  if (words < 2) return null;
  // "We were told that …": the subject of a passive verb with a listener heard it; only an agent
  // ("by X") says who spoke ("He is reported to have said …" is still his).
  const speaker = agent ?? (passive(ctx, v) && takesListener && !asks ? null : subject);
  const resolved = speaker ? resolve(speaker) : null;
  const listenerSpan = { start: tokens[listenerFrom]?.start ?? 0, end: tokens[start]!.start };
  const outletId = resolved?.entity.outletId ?? ctx.outletAt(listenerSpan)?.id ?? null;
  const cueText = tokens[v]!.text;
  return indirectQuote(ctx, start, last, v, v, resolved?.entity ?? null, outletId, `Reported speech: cue "${cueText}" (${ruleId}) followed by ${tokens[start]!.norm === 'that' ? 'a that-clause' : tokens[start]!.norm === 'to' ? 'an infinitive' : 'a clause'}; ${agent ? 'the agent of a passive cue speaks; ' : ''}${resolved ? resolved.how : speaker ? 'subject not resolved' : 'passive, the speaker is not named'}${outletId && !resolved?.entity.outletId ? `; told to the outlet ${ctx.outlets.find((o) => o.id === outletId)?.name ?? outletId}` : ''}.`);
}

/**
 * The first token after the noun phrase starting at `k` (the object of a preposition). A last
 * word the tagger read as a verb is still its noun when a comma or the sentence end follows
 * ("in a video address, Reuters reported").
 */
function afterNounPhrase(ctx: ProvenanceContext, k: number, end: number): number {
  const { tokens } = ctx;
  const from = k;
  while (k <= end && tokens[k]!.norm !== 'that' && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM' || /^['’]s$/.test(tokens[k]!.norm))) k++;
  if (k > from && k <= end && tokens[k]!.pos === 'VERB' && tokens[k - 1]!.pos !== 'PROPN' && (tokens[k + 1]?.text === ',' || ctx.isSentenceEnd(k + 1))) k++;
  return k;
}

/** `The economy will grow, the minister said (on Sunday).` / `…, said Tokayev.` */
function postposed(ctx: ProvenanceContext, v: number, ruleId: string, sentenceStart: number, subjectBefore: Subject | null, end: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  let subject = subjectBefore;
  let comma: number;
  if (subject) comma = ctx.tokenBefore(subject.start);
  else {
    comma = v - 1;
    subject = subjectRight(ctx, v + 1, end);
    if (!subject) return null;
  }
  // "… telling a meeting that “…,” the party said": a quote closes the reported clause, it does not open it.
  let closingMark = -1;
  if (ctx.isQuoteMark(comma) && tokens[comma - 1]?.text === ',' && !ctx.isQuoteMark(skipDateline(ctx, sentenceStart, comma))) closingMark = comma--;
  if (comma < sentenceStart || (tokens[comma]!.text !== ',' && tokens[comma]!.text !== '\u2014')) return null;
  if (ctx.isQuoteMark(comma - 1)) return null; // a direct quote: handled with the quotes
  // "“…,” the assailant, John McGraw, told": the words before the name are its appositive, after a direct quote.
  for (let m = comma - 1; m > sentenceStart && m >= comma - 6; m--) {
    if (tokens[m]!.text === ',' && (ctx.isQuoteMark(m + 1) || ctx.isQuoteMark(m - 1))) return null;
    if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX') break;
  }
  // Only adverbials may follow the cue clause, never a new clause.
  const after = Math.max(v, ctx.tokenBefore(subject.end)) + 1;
  for (let m = after; m <= end; m++) {
    // "…, the spokesman told a briefing, according to IRNA." / "…, TASS reported.": the source
    // phrase or an outlet's cue clause closes the clause.
    if (phraseAt(ctx, m)?.role === 'source' || (tokens[m]!.text === ',' && closingCue(ctx, m + 1, end))) break;
    // "…, Sanders said, adding that …", "…, said Lee, who ran …", "…, he said, a policy that …",
    // "…, she said while promoting …": a participle, relative or appositive closes the cue clause.
    if (tokens[m]!.text === ',' && m + 1 <= end && closesCueClause(ctx, m + 1)) break;
    if ((tokens[m]!.pos === 'SCONJ' || tokens[m]!.pos === 'ADP') && tokens[m + 1]?.pos === 'VERB' && tokens[m + 1]!.norm.endsWith('ing')) break;
    const p = tokens[m]!.pos;
    if (p === 'VERB' || p === 'AUX') return null;
  }
  let first = skipDateline(ctx, sentenceStart, comma);
  while (first < comma && (tokens[first]!.text === '\u2014' || ctx.isQuoteMark(first))) first++;
  // "When asked about the strike, the minister declined to comment": a question, not what the subject said.
  if (tokens[first]!.norm === 'asked' || (tokens[first]!.norm === 'when' && tokens[first + 1]?.norm === 'asked')) return null;
  let last = comma - 1;
  let words = 0;
  let verbs = 0;
  for (let m = first; m <= last; m++) {
    if (ctx.isWord(m)) words++;
    if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX') verbs++;
  }
  // What was said is a clause ("The talks failed, he said"), not an adverbial ("In a speech, he said").
  if (words < 3 || verbs === 0) return null;
  // "…, we were told": the subject of a passive cue is who heard it; who said it is not named.
  const heard = subjectBefore !== null && passive(ctx, v);
  // "Gonna burn it down, you have been warned": a sign-off to the reader, not a report.
  if (heard && tokens[subject.head]!.norm === 'you') return null;
  const resolved = heard ? null : resolve(subject);
  const clause = { start: tokens[v]!.start, end: tokens[end]!.end };
  const outletId = resolved?.entity.outletId ?? ctx.outletAt(clause)?.id ?? null;
  if (closingMark >= 0) last = closingMark;
  else while (last > first && ctx.isQuoteMark(last)) last--;
  return indirectQuote(ctx, first, last, v, v, resolved?.entity ?? null, outletId, `Reported speech: the clause before ", … ${tokens[v]!.text}" (${ruleId}) at the end of the sentence; ${resolved ? resolved.how : heard ? 'passive, the speaker is not named' : 'subject not resolved'}.`);
}

/** `According to X, …` (content after) or `…, according to X.` (content before). */
/** Most tokens of the "by X" phrase after a document ("a new poll by the Harvard Institute of Politics"). */
const BY_AUTHOR_TOKENS = 8;

function according(ctx: ProvenanceContext, p: number, length: number, ruleId: string, sentenceStart: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  const end = sentenceLast(ctx, p);
  const subject = subjectRight(ctx, p + length, end) ?? looseSource(ctx, p + length, end);
  if (!subject) return null;
  let afterSubject = ctx.tokenAtOrAfter(subject.end);
  // "according to a tally by the Associated Press": who made the document is part of the source.
  if (subject.kind === 'nominal' && tokens[afterSubject]?.norm === 'by' && afterSubject < end) {
    let k = afterSubject + 1;
    while (k <= end && k - afterSubject <= BY_AUTHOR_TOKENS && tokens[k]!.text !== ',' && !ctx.isSentenceEnd(k) && !ctx.isQuoteMark(k) && tokens[k]!.pos !== 'VERB' && tokens[k]!.pos !== 'AUX') k++;
    if (k > afterSubject + 1 && k - afterSubject <= BY_AUTHOR_TOKENS) {
      subject.end = tokens[k - 1]!.end;
      afterSubject = k;
    }
  }
  let first: number;
  let last: number;
  // "X said that, according to its analysis, the party won": the content follows.
  let m = p - 1;
  while (m > sentenceStart && tokens[m]!.text === ',') m--;
  const cueBefore = m >= sentenceStart && (tokens[m]!.norm === 'that' || cueVerbAt(ctx, m) !== undefined);
  if (p === sentenceStart || cueBefore || (p - 1 === sentenceStart && tokens[sentenceStart]!.pos !== 'NOUN')) {
    first = afterSubject;
    while (first <= end && (tokens[first]!.text === ',' || tokens[first]!.pos === 'PUNCT')) first++;
    last = end;
  } else {
    first = skipDateline(ctx, sentenceStart, p - 1);
    last = p - 1;
    // "The plan, according to officials, would …": the whole sentence is reported.
    if (tokens[last]!.text === ',' && afterSubject <= end && tokens[afterSubject]!.text === ',' && !ctx.isSentenceEnd(afterSubject + 1)) last = end;
  }
  while (last > first && (ctx.isSentenceEnd(last) || tokens[last]!.text === ',' || ctx.isQuoteMark(last))) last--;
  while (first < last && ctx.isQuoteMark(first)) first++;
  let words = 0;
  for (let m = first; m <= last; m++) if (ctx.isWord(m)) words++;
  if (words < 3) return null;
  const resolved = resolve(subject);
  return indirectQuote(ctx, first, last, p, p + length - 1, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported information: cue "${ctx.text.slice(tokens[p]!.start, tokens[p + length - 1]!.end)}" (${ruleId}); ${resolved ? resolved.how : 'source not resolved'}.`);
}

/**
 * A quote with its own speaker and the same content as an "according to X" clause, its cue
 * before the phrase ("Tehran will not …, spokesman X told a briefing, according to IRNA"): X
 * speaks and X relays. A report nested deeper ("Y said that …, according to X") stays X's, as
 * PolNeAR annotates it.
 */
function relayedBy(found: readonly FoundQuote[], source: FoundQuote): FoundQuote | null {
  for (let k = found.length - 1; k >= 0; k--) {
    const q = found[k]!;
    if (q.end <= source.start) break;
    if (q.entity && q.entity.kind !== 'outlet' && q.cue && q.start === source.start && q.cue.end <= source.cue!.start) return q;
  }
  return null;
}

/**
 * "According to Reuters, inflation reached 7.5%, the central bank said.": the sentence opens with
 * an "according to X" phrase and closes with a speaker's cue whose clause takes everything before
 * it. The speaker said it and X relays it, so the speaker's quote keeps the phrase's content (not
 * the phrase) and the phrase's own quote goes.
 */
function relayedThrough(ctx: ProvenanceContext, found: readonly FoundQuote[], sourcePhrases: ReadonlySet<FoundQuote>, q: FoundQuote): FoundQuote | null {
  const source = found[found.length - 1];
  if (!source || !sourcePhrases.has(source) || !q.entity || q.entity.kind === 'outlet' || !q.cue || !source.cue) return null;
  if (q.kind !== 'indirect' || q.cue.start < q.end) return null;
  // The speaker's content covers the phrase, and the phrase's content runs on into the speaker's cue.
  if (q.start > source.cue.start || source.start <= q.start || source.end < q.cue.start || source.start >= q.end) return null;
  return ctx.sentenceOf[ctx.tokenAtOrAfter(source.cue.start)] === ctx.sentenceOf[ctx.tokenAtOrAfter(q.cue.start)] ? source : null;
}

/**
 * A finite verb between two offsets: after what was said, "…, a charge that the leaders denied,
 * noting …" gives the participle another subject than the cue clause before it.
 */
function finiteVerbBetween(ctx: ProvenanceContext, from: number, to: number): boolean {
  for (let k = ctx.tokenAtOrAfter(from); k < ctx.tokens.length && ctx.tokens[k]!.start < to; k++) {
    const t = ctx.tokens[k]!;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !t.norm.endsWith('ing')) return true;
  }
  return false;
}

/** Conjunctions that open a second clause with its own subject after a comma. */
const CLAUSE_CONJUNCTIONS = new Set(['but', 'while', 'whereas', 'yet']);
const SUBJECT_OPENERS = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM']);

/**
 * The conjunction opening the clause of the cue at `v` (", but a senior official … said"), when a
 * finite clause comes before it in the sentence; else `sentenceStart`.
 */
function coordinatedClauseStart(ctx: ProvenanceContext, v: number, sentenceStart: number): number {
  const { tokens } = ctx;
  for (let c = v - 1; c > sentenceStart + 1; c--) {
    if (!CLAUSE_CONJUNCTIONS.has(tokens[c]!.norm) || tokens[c - 1]!.text !== ',' || ctx.inQuote[c]) continue;
    // "…, but told The Huffington Post", "…, while saying": one subject for both verbs.
    if (!SUBJECT_OPENERS.has(tokens[c + 1]!.pos)) return sentenceStart;
    for (let m = sentenceStart; m < c - 1; m++) if (tokens[m]!.pos === 'VERB' || tokens[m]!.pos === 'AUX') return c;
    return sentenceStart;
  }
  return sentenceStart;
}

/**
 * "Peskov told reporters that …, RIA Novosti reported.", "According to TASS, the president said
 * that …": an outlet's report holds someone's (PolNeAR annotates both), and what that speaker
 * said, in their own words or not, came through the outlet. Reports by start, found by bisection.
 */
function relayNested(ctx: ProvenanceContext, found: readonly FoundQuote[], direct: DirectSpans): void {
  const reports = found.filter((q) => q.entity?.kind === 'outlet' && q.entity.outletId).sort((a, b) => a.start - b.start);
  if (reports.length === 0) return;
  for (const q of found) {
    if (!q.entity || q.entity.kind === 'outlet' || q.outletId) continue;
    const k = partitionPoint(reports.length, (mid) => reports[mid]!.start <= q.start) - 1;
    const report = reports[k];
    // The report's content stops before a closing quotation mark that the nested report keeps.
    if (!report || (q.end > report.end && !onlyQuoteMarks(ctx, report.end, q.end))) continue;
    q.outletId = report.entity!.outletId;
    for (const d of direct.within(q.start, q.end)) if (d.entity === q.entity) d.outletId ??= q.outletId;
  }
}

/** Whether every token in text[from, to) is a quotation mark (the context's own test). */
function onlyQuoteMarks(ctx: ProvenanceContext, from: number, to: number): boolean {
  for (let k = ctx.tokenAtOrAfter(from); k < ctx.tokens.length && ctx.tokens[k]!.start < to; k++) if (!ctx.isQuoteMark(k)) return false;
  return true;
}

/** Where the relayed content starts: after the comma closing "According to X" (the source may be longer than the phrase's subject: "a source close to the talks"). */
function afterOpeningPhrase(ctx: ProvenanceContext, source: FoundQuote, q: FoundQuote): number {
  const { tokens } = ctx;
  for (let k = ctx.tokenAtOrAfter(source.cue!.end); k < tokens.length && tokens[k]!.end <= q.end; k++) {
    if (tokens[k]!.text === ',') return tokens[k + 1]!.start;
  }
  return source.start;
}

/**
 * "The minister said the talks had failed, according to TASS.": the reported clause of a cue
 * inside the "according to" content runs on into the phrase. The minister speaks, TASS relays:
 * the clause ends before the phrase, and it and the direct quotes inside it carry the outlet.
 */
function relayedAfterCue(ctx: ProvenanceContext, found: readonly FoundQuote[], direct: DirectSpans, source: FoundQuote): FoundQuote | null {
  const outletId = source.entity?.outletId ?? null;
  for (let k = found.length - 1; k >= 0; k--) {
    const q = found[k]!;
    if (q.end <= source.start) break;
    if ((q.entity && q.entity.kind === 'outlet') || !q.cue || q.cue.start < source.start || q.start < q.cue.end || q.start >= source.end || q.end < source.cue!.start) continue;
    // "… was told that …, according to an email": a passive with no speaker; the source names it.
    if (!q.entity) {
      if (!source.entity) continue;
      q.entity = source.entity;
      q.explanation = q.explanation.replace(/passive, the speaker is not named\.$/, `passive; the source named after "${ctx.text.slice(source.cue!.start, source.cue!.end)}" is the speaker.`);
    }
    // Up to the phrase, less the comma before it; a closing quotation mark stays.
    let end = source.cue!.start;
    while (end > q.start && /[\s,]/.test(ctx.text[end - 1]!)) end--;
    q.end = end;
    q.text = ctx.text.slice(q.start, q.end);
    if (outletId) for (const d of direct.within(q.start, q.end)) if (d.entity === q.entity) d.outletId ??= outletId;
    return q;
  }
  return null;
}

/**
 * "“…,” Lukashenko told a meeting, according to Belta.": an attributed direct quote with its
 * cue before the "according to" phrase; the phrase names who relayed it, not a second speaker.
 */
function relayedDirect(ctx: ProvenanceContext, direct: DirectSpans, source: FoundQuote): FoundQuote | null {
  return direct.firstStartingIn(source.start, source.start + 2, (d) => Boolean(d.entity && d.entity.kind !== 'outlet' && d.cue && d.cue.start >= d.end && d.cue.end <= source.cue!.start && ctx.text.slice(d.end, source.cue!.start).length < 160));
}

/** What may follow a comma after a closing cue clause: a participle, a relative pronoun, "a"/"an". */
function closesCueClause(ctx: ProvenanceContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  return (t.pos === 'VERB' && t.norm.endsWith('ing')) || t.norm === 'who' || t.norm === 'whose' || t.norm === 'which' || t.norm === 'a' || t.norm === 'an';
}

/**
 * The source after "according to" when the tagger misread it ("according to exit/VERB polls"):
 * the words up to the next comma or the sentence end, at most ten, holding a noun.
 */
function looseSource(ctx: ProvenanceContext, first: number, end: number): Subject | null {
  const { tokens } = ctx;
  let head = -1;
  let k = first;
  let other = -1;
  for (; k <= end && k - first < 12; k++) {
    const t = tokens[k]!;
    // "a half-dozen": a hyphen inside a word does not end the phrase.
    const joined = t.text === '-' && tokens[k - 1]!.end === t.start && tokens[k + 1]?.start === t.end;
    if ((t.pos === 'PUNCT' && !joined) || ctx.isQuoteMark(k)) break;
    if (head < 0 && (t.pos === 'NOUN' || t.pos === 'PROPN')) head = k;
    if (other < 0 && (t.pos === 'VERB' || t.pos === 'ADJ')) other = k;
  }
  if (head < 0) head = other;
  if (head < 0) return null;
  const isName = ctx.isCapitalized(head) && tokens[head]!.pos === 'PROPN';
  return { start: tokens[first]!.start, end: tokens[k - 1]!.end, kind: isName ? 'name' : 'nominal', head, appositive: [] };
}

/**
 * A finite verb the tagger read as a noun after the clause's subject ("said the family
 * deserved/NOUN better", "said each year yields/NOUN a bump"): an -ed or -s word after a noun,
 * before a word that cannot continue a compound noun.
 */
function misreadVerb(ctx: ProvenanceContext, m: number): boolean {
  const { tokens } = ctx;
  const t = tokens[m]!;
  if (t.pos !== 'NOUN' || !/[a-z](ed|s)$/.test(t.norm) || t.norm.endsWith('ss')) return false;
  const prev = tokens[m - 1];
  const next = tokens[m + 1];
  if (!prev || (prev.pos !== 'NOUN' && prev.pos !== 'PROPN')) return false;
  return next !== undefined && (next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'ADV' || next.pos === 'NUM' || next.pos === 'PRON' || next.norm === 'that' || next.norm === 'to');
}

/** The agent after a passive cue ("asked by a caller why …"), when what was said follows it, or null. */
function passiveAgent(ctx: ProvenanceContext, v: number, end: number): Subject | null {
  const { tokens } = ctx;
  if (tokens[v + 1]?.norm !== 'by' || !passive(ctx, v)) return null;
  const np = subjectRight(ctx, v + 2, end);
  if (!np || np.kind === 'pronoun') return null;
  const after = ctx.tokenAtOrAfter(np.end);
  // What follows the agent must open the content ("whether", "that", "to"), not an appositive.
  return after <= end && (AGENT_CONTENT.has(tokens[after]!.norm) || tokens[after]!.text === ':') ? np : null;
}

/** Words that open what was said right after a passive cue's agent ("asked by a caller why …"). */
const AGENT_CONTENT = new Set(['that', 'whether', 'if', 'why', 'what', 'how', 'who', 'when', 'where', 'which', 'to', 'about']);
const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'for', 'on']);
const POSSESSIVE_DETS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

const RELATIVES = new Set(['which', 'who', 'that', 'what', 'whom']);

/**
 * `which he said had harmed`, `a probe the agency said was ongoing`: a relative pronoun (or a
 * noun, for a contact clause) right before the cue's subject and a verb right after the cue.
 * Returns the relative pronoun's token, or -1.
 */
function relativeBefore(ctx: ProvenanceContext, v: number, subject: Subject): number {
  const { tokens } = ctx;
  const next = tokens[v + 1];
  if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX') || next.norm.endsWith('ing') || next.norm === 'to') return -1;
  const r = ctx.tokenBefore(subject.start);
  if (r < 0 || tokens[ctx.tokenAtOrAfter(subject.end) - 1]!.end > tokens[v]!.start) return -1;
  if (RELATIVES.has(tokens[r]!.norm) && (tokens[r]!.norm !== 'that' || tokens[r - 1]?.pos === 'NOUN' || tokens[r - 1]?.pos === 'PROPN')) return r;
  return -1;
}

/** `…, said NAME` / `…, said the minister`: a finite cue right after a comma, a subject after it. */
function invertedAfterComma(ctx: ProvenanceContext, v: number, end: number): boolean {
  const prev = ctx.tokens[v - 1];
  if (!prev || (prev.text !== ',' && prev.text !== '\u2014') || ctx.tokens[v]!.norm.endsWith('ing')) return false;
  const subject = subjectRight(ctx, v + 1, end);
  return subject !== null && subject.kind !== 'pronoun';
}

/**
 * "Chris Christie Says He Would Issue A Quarantine": in title case the tagger cannot tell the
 * clause's verbs from names, so the content is the rest of the line after the cue (a listener
 * included: "Maher Tells Guest …"). The subject before the cue speaks even when it is named only
 * in headlines: the "X Says" frame itself shows it as a speaker.
 */
function titleCaseReport(ctx: ProvenanceContext, registry: EntityRegistry, v: number, ruleId: string, sentenceStart: number, end: number, isQuoted: (m: Mention) => boolean): FoundQuote | null {
  const { tokens } = ctx;
  if (ctx.isSentenceEnd(v + 1) || tokens[v + 1]?.text === ',') return null;
  const subject = subjectLeft(ctx, v, sentenceStart);
  if (!subject) return null;
  // "‘Guns Are A Crisis,’ Dean Tells Convention": what was said comes before the cue.
  const opener = ctx.tokenAtOrAfter(subject.start);
  if (ctx.isQuoteMark(opener) || ctx.isQuoteMark(opener - 1) || tokens[opener - 1]?.text === ',') return null;
  let first = v + 1;
  let last = end;
  while (last > first && (ctx.isSentenceEnd(last) || tokens[last]!.text === ',' || tokens[last]!.text === ':')) last--;
  // The quotation marks around the whole content are not part of it.
  if (ctx.isQuoteMark(first) && ctx.isQuoteMark(last) && last - first > 1) {
    first++;
    last--;
  }
  let words = 0;
  for (let m = first; m <= last; m++) if (ctx.isWord(m)) words++;
  if (words < 2) return null;
  const resolved = resolveSubject(ctx, registry, subject, isQuoted, { titleCaseCue: true });
  return indirectQuote(ctx, first, last, v, v, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported speech in a title-case line: cue "${tokens[v]!.text}" (${ruleId}), the rest of the line is what was said; ${resolved ? resolved.how : 'subject not resolved'}.`);
}

/** Most tokens of the speaker before a headline colon ("McCain Challenger Kelli Ward:"). */
const COLON_SPEAKER_TOKENS = 5;
/** Most tokens of a headline paragraph read as "Speaker: what they said". */
const COLON_HEADLINE_TOKENS = 40;

/**
 * "Sanders: ‘Of Course’ She Is Qualified", "Fiorina: 'Her husband is fair game.'": a short
 * paragraph opening with a name and a colon, whose rest holds a quotation, is what that speaker
 * said. The quotation is what makes it speech: "Update: …" or "Washington: …" holds none.
 */
function colonHeadline(ctx: ProvenanceContext, registry: EntityRegistry, colon: number, sentenceStart: number, isQuoted: (m: Mention) => boolean): FoundQuote | null {
  const { tokens } = ctx;
  if (sentenceStart > 0 && ctx.sameParagraph(sentenceStart - 1, sentenceStart)) return null;
  const subject = subjectLeft(ctx, colon, sentenceStart);
  if (!subject || subject.kind === 'pronoun' || ctx.tokenAtOrAfter(subject.start) !== sentenceStart || ctx.tokenAtOrAfter(subject.end) !== colon) return null;
  let last = colon;
  let quoted = false;
  while (last + 1 < tokens.length && ctx.sameParagraph(colon, last + 1)) {
    if (++last - colon > COLON_HEADLINE_TOKENS) return null;
    if (ctx.isQuoteMark(last)) quoted = true;
    // "The Latest: Sanders declares ‘revolution’": a cue of its own, so the colon is only a label.
    else if (cueVerbAt(ctx, last)) return null;
  }
  if (!quoted) return null;
  while (last > colon && (ctx.isSentenceEnd(last) || tokens[last]!.text === ';')) last--;
  let words = 0;
  for (let m = colon + 1; m <= last; m++) if (ctx.isWord(m)) words++;
  if (words < 2) return null;
  const resolved = resolveSubject(ctx, registry, subject, isQuoted, { titleCaseCue: true });
  if (resolved && resolved.entity.kind === 'place') return null;
  return indirectQuote(ctx, colon + 1, last, colon, colon, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Headline "Speaker: words": a short paragraph opening with ${JSON.stringify(ctx.text.slice(subject.start, subject.end))} and a colon, with a quotation after it; ${resolved ? resolved.how : 'subject not resolved'}.`);
}

const ANSWERS = new Set(['yes', 'no', 'so']);

/**
 * "said yes", "say so", "said the same of Trump": the last token of a short answer starting at
 * `k`, which ends at a comma, a semicolon, a conjunction or the sentence end; or -1.
 */
function shortAnswer(ctx: ProvenanceContext, k: number, end: number): number {
  const { tokens } = ctx;
  const closes = (m: number) => m > end || ctx.isSentenceEnd(m) || tokens[m]!.text === ',' || tokens[m]!.text === ';' || tokens[m]!.pos === 'CCONJ';
  if (k > end) return -1;
  if (ANSWERS.has(tokens[k]!.norm)) return closes(k + 1) ? k : -1;
  if (tokens[k]!.norm !== 'the' || tokens[k + 1]?.norm !== 'same') return -1;
  let last = k + 1;
  while (last + 1 <= end && last - k < 8 && !closes(last + 1) && tokens[last + 1]!.pos !== 'VERB' && tokens[last + 1]!.pos !== 'AUX') last++;
  return closes(last + 1) ? last : -1;
}

/**
 * The last token of the sentence holding token i (within its paragraph), at most SCAN_WINDOW
 * tokens after i.
 */
function sentenceLast(ctx: ProvenanceContext, i: number): number {
  const { tokens } = ctx;
  let k = Math.min(ctx.lastOfSentence[ctx.sentenceOf[i]!]!, i + SCAN_WINDOW);
  // "… to do more. ''We need …": a mark after the full stop, with a space before it, opens the next sentence's quote.
  let m = k;
  while (m > i && ctx.isQuoteMark(m) && ctx.isQuoteMark(m - 1) && tokens[m - 1]!.end === tokens[m]!.start) m--;
  if (m > i + 1 && ctx.isQuoteMark(m) && tokens[m - 1]!.end < tokens[m]!.start) {
    // The full stop may stand inside a closing mark: "… ''Morning Hour.'' ''The board …".
    let p = m - 1;
    while (p > i && ctx.isQuoteMark(p) && tokens[p - 1]!.end === tokens[p]!.start) p--;
    if (ctx.isSentenceEnd(p)) k = m - 1;
  }
  return k;
}

/**
 * The direct quotes' spans sorted by start, with the running maximum of their ends, so the
 * quotes overlapping a span are found by a binary search instead of a walk over all of them.
 */
class DirectSpans {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** maxEnd[k]: the largest end among spans 0..k. */
  private readonly maxEnd: Int32Array;
  /** The quotes in start order, and each one's place in the list given. */
  private readonly sorted: readonly FoundQuote[];
  private readonly order: Int32Array;

  constructor(direct: readonly FoundQuote[]) {
    const indexed = direct.map((q, k) => ({ q, k })).sort((a, b) => a.q.start - b.q.start || a.k - b.k);
    this.sorted = indexed.map((x) => x.q);
    this.order = Int32Array.from(indexed, (x) => x.k);
    const sorted = this.sorted;
    this.starts = new Int32Array(sorted.length);
    this.ends = new Int32Array(sorted.length);
    this.maxEnd = new Int32Array(sorted.length);
    let max = -1;
    for (let k = 0; k < sorted.length; k++) {
      this.starts[k] = sorted[k]!.start;
      this.ends[k] = sorted[k]!.end;
      max = Math.max(max, sorted[k]!.end);
      this.maxEnd[k] = max;
    }
  }

  /** The first quote in the given list's order that starts within from..to and passes `accept`. */
  firstStartingIn(from: number, to: number, accept: (q: FoundQuote) => boolean): FoundQuote | null {
    const { starts } = this;
    const lo = partitionPoint(starts.length, (mid) => starts[mid]! < from);
    let best = -1;
    for (let k = lo; k < starts.length && starts[k]! <= to; k++) if ((best < 0 || this.order[k]! < this.order[best]!) && accept(this.sorted[k]!)) best = k;
    return best < 0 ? null : this.sorted[best]!;
  }

  /** The quotes inside start..end, in start order. */
  *within(start: number, end: number): Generator<FoundQuote> {
    const { starts, ends } = this;
    for (let k = partitionPoint(starts.length, (mid) => starts[mid]! < start); k < starts.length && starts[k]! <= end; k++) if (ends[k]! <= end) yield this.sorted[k]!;
  }

  /** The content is a direct quote (`he said: “…”`), already attributed with the quotes. */
  mostlyDirect(found: Span): boolean {
    const { starts, ends, maxEnd } = this;
    // The first span that can reach past found.start: all before it end at or before it.
    const lo = partitionPoint(starts.length, (mid) => maxEnd[mid]! <= found.start);
    let covered = 0;
    let opensWithQuote = false;
    for (let k = lo; k < starts.length && starts[k]! < found.end; k++) {
      const c = Math.max(0, Math.min(ends[k]!, found.end) - Math.max(starts[k]!, found.start));
      covered += c;
      if (c > 0 && starts[k]! - found.start <= 2) opensWithQuote = true;
    }
    return opensWithQuote && covered * 2 >= found.end - found.start;
  }
}

/**
 * The direct quote whose cue ends last before a participle ("“…,” he said, adding that …"),
 * for participles met in text order. Of the quotes listed before the first one that starts at
 * or after the participle, those with a cue ending by then, the one whose cue ends last (the
 * first listed of equals): what a walk over those quotes keeping the latest cue finds, each
 * quote read once over the whole document instead of once per participle.
 */
export class CueHosts {
  /** The quotes listed before this one have been taken in. */
  private next = 0;
  /** Quotes taken in whose cue ends after the offset asked last: a binary min-heap of their indexes by cue end. */
  private heap: number[] = [];
  private cueEnds: number[] = [];
  private best = -1;
  private lastAt = -1;

  constructor(private readonly direct: readonly FoundQuote[]) {}

  latestBefore(at: number): FoundQuote | null {
    if (at < this.lastAt) {
      // Asked out of text order: start over (the walk over the list never needs to).
      this.next = 0;
      this.heap = [];
      this.best = -1;
    }
    this.lastAt = at;
    const { direct } = this;
    // The list's quotes up to the first that starts at or after `at`, as the walk broke there.
    while (this.next < direct.length && direct[this.next]!.start < at) {
      const cue = direct[this.next]!.cue;
      if (cue) {
        this.cueEnds[this.next] = cue.end;
        this.push(this.next);
      }
      this.next++;
    }
    while (this.heap.length > 0 && this.cueEnds[this.heap[0]!]! <= at) {
      const k = this.pop();
      if (this.best < 0 || this.cueEnds[k]! > this.cueEnds[this.best]! || (this.cueEnds[k] === this.cueEnds[this.best] && k < this.best)) this.best = k;
    }
    return this.best < 0 ? null : direct[this.best]!;
  }

  private less(a: number, b: number): boolean {
    return this.cueEnds[a]! < this.cueEnds[b]! || (this.cueEnds[a] === this.cueEnds[b] && a < b);
  }

  private push(k: number): void {
    const heap = this.heap;
    let c = heap.length;
    heap.push(k);
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.less(heap[c]!, heap[p]!)) break;
      [heap[c], heap[p]] = [heap[p]!, heap[c]!];
      c = p;
    }
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
        if (m === p) break;
        [heap[m], heap[p]] = [heap[p]!, heap[m]!];
        p = m;
      }
    }
    return top;
  }
}

/** A quotation mark at or just before token `b`, a comma between ("…,'' Ms. Lee said"). */
function quoteBefore(ctx: ProvenanceContext, b: number): boolean {
  for (let k = b; k >= 0 && k >= b - 2; k--) {
    if (ctx.isQuoteMark(k)) return true;
    if (k < b && ctx.tokens[k]!.text !== ',') return false;
  }
  return false;
}

/** "This campaign, he says, is different": the cue interrupts the reported sentence. */
function parenthetical(ctx: ProvenanceContext, v: number, ruleId: string, sentenceStart: number, subject: Subject | null, end: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  if (!subject) return null;
  const before = ctx.tokenBefore(subject.start);
  // "The effects, many economists say, are hard to predict": a described subject only between two commas.
  if (subject.kind === 'nominal' && ctx.tokenAtOrAfter(subject.end) !== v) return null;
  if (before <= sentenceStart || tokens[before]!.text !== ',' || tokens[v + 1]?.text !== ',' || v + 2 > end) return null;
  let last = end;
  while (last > v && (ctx.isSentenceEnd(last) || ctx.isQuoteMark(last))) last--;
  let first = sentenceStart;
  while (first < before && ctx.isQuoteMark(first)) first++;
  if (before - first < 2 || last - v < 3) return null;
  const resolved = resolve(subject);
  return indirectQuote(ctx, first, last, v, v, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported speech: the sentence around ", … ${tokens[v]!.text}," (${ruleId}); ${resolved ? resolved.how : 'subject not resolved'}.`);
}

/**
 * The last token of reported content from `start` to `end`, cut before a closing cue clause
 * (", the party said."), so one sentence never yields two overlapping reports.
 */
function tailCue(ctx: ProvenanceContext, start: number, end: number): number {
  const { tokens } = ctx;
  let lastComma = -1;
  for (let m = start + 2; m < end; m++) {
    // "…; 26 percent say …", "…, while other voters said …": another speaker's report ends this one.
    if (tokens[m]!.text === ';') return m - 1;
    if (COORDINATORS.has(tokens[m]!.norm) && secondReport(ctx, m + 1, end)) return tokens[m - 1]!.text === ',' ? m - 2 : m - 1;
    // "…, compared with 23 percent who said …": a relative clause with its own report, after a comma.
    if (lastComma > start && tokens[m]!.norm === 'who' && relativeReport(ctx, m + 1, end)) return lastComma - 1;
    if (tokens[m]!.text !== ',') continue;
    lastComma = m;
    const a = ctx.isQuoteMark(m + 1) ? m + 2 : m + 1;
    if (closingCue(ctx, a, end)) return ctx.isQuoteMark(m + 1) ? m + 1 : m;
    // "…, a claim that could not be independently verified": the writer's word on what was said.
    if (a === m + 1 && (tokens[a]!.norm === 'a' || tokens[a]!.norm === 'an') && CLAIM_NOUNS.has(tokens[a + 1]?.norm ?? '')) return m - 1;
  }
  return end;
}

const COORDINATORS = new Set(['while', 'but', 'and', 'whereas', 'although', 'though']);

/**
 * Speech the writer only anticipates about their own words ("People will say this is hateful,
 * but …", "Some may say it is harsh, but …") holds nothing after ", but": that is the writer's
 * answer to it.
 */
function anticipatedEnd(ctx: ProvenanceContext, v: number, start: number, last: number): number {
  const { tokens } = ctx;
  let m = v - 1;
  if (tokens[m]?.pos === 'ADV') m--;
  // What it anticipates is said of the writer's own words or of the writer: "this", "it", "I".
  if (!ANTICIPATING_MODALS.has(tokens[m]?.norm ?? '') || !SELF_REFERENCES.has(tokens[start]!.norm)) return last;
  for (let k = start + 1; k < last; k++) if (tokens[k]!.norm === 'but' && tokens[k - 1]!.text === ',' && !ctx.inQuote[k]) return k - 2;
  return last;
}
/**
 * `My friend said "that is hateful", but trans people are …`: content that opens with a direct
 * quote closed before a coordinator and a clause with its own subject ends at the closing mark;
 * the clause after it is the writer's. A verb right after the coordinator ("…", and added that)
 * keeps the speaker.
 */
function quoteThenOwnClause(ctx: ProvenanceContext, start: number, last: number): number {
  const { tokens } = ctx;
  const open = ctx.isQuoteMark(start) ? start : start > 0 && ctx.isQuoteMark(start - 1) ? start - 1 : -1;
  if (open < 0) return last;
  let close = open + 1;
  while (close < last && !ctx.isQuoteMark(close)) close++;
  if (close >= last) return last;
  const m = tokens[close + 1]?.text === ',' ? close + 2 : close + 1;
  if (m >= last || !COORDINATORS.has(tokens[m]!.norm)) return last;
  const pos = tokens[m + 1]!.pos;
  return pos === 'VERB' || pos === 'AUX' || pos === 'ADV' || pos === 'PUNCT' || pos === 'SCONJ' ? last : close;
}
const ANTICIPATING_MODALS = new Set(['will', "'ll", 'may', 'might', 'could', 'would', 'gon', 'going']);
const SELF_REFERENCES = new Set(['this', 'it', 'me', 'us', 'i', 'we']);
/** Nouns an appositive uses to name the report itself ("…, a claim denied by Kyiv"). */
const CLAIM_NOUNS = new Set(['claim', 'allegation', 'assertion', 'accusation', 'charge', 'statement', 'figure', 'account', 'version']);

/** "other voters said they …": a subject opening at `a`, then a finite speech verb within seven tokens. */
function secondReport(ctx: ProvenanceContext, a: number, end: number): boolean {
  for (let v = a + 1; v <= Math.min(end, a + 7); v++) {
    const verb = cueVerbAt(ctx, v);
    if (!verb) continue;
    if (verb.cls !== 'speech') return false;
    const subject = subjectLeft(ctx, v, a);
    // "…, with Kyiv saying … and Moscow insisting …": a named subject right before a participle.
    if (ctx.tokens[v]!.norm.endsWith('ing')) return subject !== null && subject.kind === 'name' && ctx.tokenAtOrAfter(subject.end) === v && ctx.tokenAtOrAfter(subject.start) === a;
    return subject !== null && subject.kind !== 'pronoun' && countedGroupFrom(ctx, a, ctx.tokenAtOrAfter(subject.start));
  }
  return false;
}

/** The subject starts at `a`, or the words from `a` count it out: "one in four", "nearly three in five". */
function countedGroupFrom(ctx: ProvenanceContext, a: number, at: number): boolean {
  if (at === a) return true;
  if (at < a || at - a > 4) return false;
  for (let m = a; m < at; m++) {
    const t = ctx.tokens[m]!;
    if (t.pos !== 'NUM' && t.pos !== 'ADV' && t.norm !== 'in' && t.norm !== 'of') return false;
  }
  return true;
}

/** "who said …", "who also say …": a finite speech verb right after a relative pronoun. */
function relativeReport(ctx: ProvenanceContext, k: number, end: number): boolean {
  for (let v = k; v <= Math.min(end, k + 2); v++) {
    const verb = cueVerbAt(ctx, v);
    if (verb) return verb.cls === 'speech' && !ctx.tokens[v]!.norm.endsWith('ing');
    if (ctx.tokens[v]!.pos !== 'ADV') return false;
  }
  return false;
}

/** ", the party said." / ", he added.": a subject then a speech verb closing the sentence. */
function closingCue(ctx: ProvenanceContext, a: number, end: number): boolean {
  for (let v = a + 1; v <= Math.min(end, a + 6); v++) {
    const verb = cueVerbAt(ctx, v);
    if (!verb) continue;
    if (verb.cls !== 'speech') return false;
    const subject = subjectLeft(ctx, v, a);
    if (!subject || ctx.tokenAtOrAfter(subject.start) !== a) return false;
    // A closing cue clause is short ("the party said in a statement"); this also bounds the work.
    if (end - v > CLOSING_CUE_TAIL) return false;
    for (let m = v + 1; m <= end; m++) if (ctx.tokens[m]!.pos === 'VERB' || ctx.tokens[m]!.pos === 'AUX') return false;
    return true;
  }
  return false;
}

/** Skips a dateline at the start of a sentence: "WASHINGTON (Reuters) - ", "MOSCOW — ". */
function skipDateline(ctx: ProvenanceContext, first: number, last: number): number {
  const { tokens } = ctx;
  let k = first;
  while (k <= last && /^[A-Z][A-Z.,'’-]+$/.test(tokens[k]!.text)) k++;
  if (k === first) return first;
  if (tokens[k]?.text === '(') {
    while (k <= last && tokens[k]!.text !== ')') k++;
    k++;
  }
  return k <= last && /^[-\u2014\u2013]$/.test(tokens[k]!.text) ? k + 1 : first;
}

/** A "that" within a few tokens, with no verb before it, or -1. */
function thatAhead(ctx: ProvenanceContext, from: number, end: number): number {
  for (let k = from; k <= end && k - from <= 14; k++) {
    const t = ctx.tokens[k]!;
    if (t.norm === 'that' && t.pos === 'SCONJ') return k;
    if (t.pos === 'VERB' || t.pos === 'AUX' || ctx.isSentenceEnd(k)) return -1;
  }
  return -1;
}

const QUESTION_OPENERS = new Set(['whether', 'if', 'what', 'why', 'how', 'who', 'whom', 'when', 'where', 'which', 'about', 'to']);

/** The question after a sentence-opening "Asked": from its opener ("whether", "about", "to") to the first comma. */
function askedQuestion(ctx: ProvenanceContext, v: number, end: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  let first = v + 1;
  // "Asked by reporters on Monday whether …"
  while (first <= end && first - v <= 8 && !QUESTION_OPENERS.has(tokens[first]!.norm) && tokens[first]!.text !== ',') first++;
  if (first > end || !QUESTION_OPENERS.has(tokens[first]!.norm)) return null;
  let last = first;
  while (last < end && tokens[last + 1]!.text !== ',' && !ctx.isSentenceEnd(last + 1)) last++;
  if (last - first < 1 || tokens[last + 1]?.text !== ',') return null;
  // "Asked by Kiselyov whether …": the passive agent is the asker.
  const agent = tokens[v + 1]?.norm === 'by' ? subjectRight(ctx, v + 2, first - 1) : null;
  const asker = agent && agent.kind !== 'pronoun' ? resolve(agent) : null;
  if (asker) return indirectQuote(ctx, first, last, v, v, asker.entity, asker.entity.outletId ?? null, `Reported question: "${tokens[v]!.text} by" opening the sentence, the question up to the comma; the asker is its agent, ${asker.how}.`);
  return indirectQuote(ctx, first, last, v, v, null, null, `Reported question: "${tokens[v]!.text}" opening the sentence, the question up to the comma; passive, the asker is not named.`);
}

/** "When asked whether …", "was told that …": a passive cue, whose speaker is not named. */
function passive(ctx: ProvenanceContext, v: number): boolean {
  const t = ctx.tokens[v]!;
  const prev = ctx.tokens[v - 1];
  return /ed$|^told$/.test(t.norm) && prev !== undefined && /^(when|whenever|if|after|once|was|were|been|being|is|are)$/.test(prev.norm);
}

/** `called Trump “unhinged”`, `described it as “a disaster”`: the object and the quotation. */
function naming(ctx: ProvenanceContext, v: number, ruleId: string, sentenceStart: number, end: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  let open = -1;
  for (let k = v + 1; k <= Math.min(end, v + 10); k++) {
    if (ctx.isQuoteMark(k)) {
      open = k;
      break;
    }
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return null;
  }
  if (open < 0) return null;
  // "''totally scripted''": a doubled apostrophe is one mark of two tokens.
  let close = doubledMark(ctx, open) + 1;
  while (close <= end && !ctx.isQuoteMark(close)) close++;
  if (close > end) close = end;
  else close = doubledMark(ctx, close);
  const subject = subjectLeft(ctx, v, sentenceStart) ?? sentenceSubject(ctx, v, sentenceStart) ?? leadingSubject(ctx, v, sentenceStart);
  if (!subject) return null;
  const resolved = resolve(subject);
  const first = v + 1;
  return indirectQuote(ctx, first, close, v, v, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Naming in the speaker's words: cue "${tokens[v]!.text}" (${ruleId}) followed by a quotation; ${resolved ? resolved.how : 'subject not resolved'}.`, { ownsQuotes: true });
}

/** Verbs whose subject makes the promise or claim that is their object: "made a promise to …". */
/** Verbs of beginning and going on that take a cue as their complement: "started saying", "began to claim", "kept insisting". */
const ASPECT_VERBS = new Set(['start', 'starts', 'started', 'starting', 'begin', 'begins', 'began', 'begun', 'beginning', 'keep', 'keeps', 'kept', 'continue', 'continues', 'continued', 'resume', 'resumes', 'resumed']);

/**
 * The verb whose subject is the cue's: an aspect verb right before a cue gerund or "to" + cue
 * ("the speakers at our conference started saying that …", "the minister began to claim …"),
 * else the cue itself.
 */
function aspectHost(ctx: ProvenanceContext, v: number, min: number): number {
  const { tokens } = ctx;
  const cue = tokens[v]!;
  const gerund = cue.norm.endsWith('ing');
  const before = gerund ? v - 1 : tokens[v - 1]?.norm === 'to' ? v - 2 : -1;
  if (before < min || !(gerund || before < v - 1)) return v;
  const host = tokens[before]!;
  if (host.pos !== 'VERB' || !ASPECT_VERBS.has(host.norm)) return v;
  // Only before what was said: "that", a quotation or a colon, after at most a listener or a
  // short phrase without a verb ("kept telling me that …", "began saying in late 2016 that …");
  // "started telling the same story" and "continues writing for another page" report nothing.
  // A clause without "that" is what was said too: "keeps saying Mexicans are rapists", "kept telling
  // people they were wrong" (a subject, then a finite verb).
  let subject = false;
  for (let k = v + 1; k < tokens.length && k <= v + ASPECT_REACH; k++) {
    const t = tokens[k]!;
    if (t.norm === 'to') return v;
    if (t.norm === 'that' || t.text === ':' || ctx.isQuoteMark(k)) return before;
    if (subject && (t.pos === 'AUX' || t.pos === 'VERB') && !t.norm.endsWith('ing')) return before;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.norm))) subject = true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || !(LISTENER_PRONOUNS.has(t.norm) || PHRASE_TAGS.has(t.pos))) return v;
  }
  return v;
}

/** How far after an aspect verb's cue its "that" may stand, and what may stand between. */
const ASPECT_REACH = 6;
const PHRASE_TAGS = new Set(['ADP', 'DET', 'NUM', 'ADJ', 'ADV', 'NOUN', 'PROPN']);

const LISTENER_PRONOUNS = new Set(['me', 'us', 'him', 'her', 'them', 'you']);

const LIGHT_VERBS = new Set(['make', 'makes', 'made', 'making', 'keep', 'keeps', 'kept', 'keeping', 'deliver', 'delivers', 'delivered', 'delivering', 'issue', 'issues', 'issued', 'issuing', 'repeat', 'repeats', 'repeated', 'repeating', 'renew', 'renewed', 'renews', 'renewing', 'break', 'broke', 'breaks', 'breaking', 'honor', 'honored', 'honour', 'honoured']);

/** Cues whose noun forms take what was said as a complement: "his claim that …", "her promise to …". */
const NOUN_CUES = new Set(['speech-claim', 'speech-promise', 'speech-pledge', 'speech-vow', 'speech-report', 'speech-warn', 'speech-demand']);
/** Nouns of speech that are no cue verb: with a possessor and a that-clause they report what was said. */
const STATEMENT_NOUNS = new Set(['statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'assertion', 'assertions', 'allegation', 'allegations', 'accusation', 'accusations', 'contention', 'declaration']);

/**
 * "his promise to build a wall", "Lee's claim that …", "claims by the agencies that …", and the
 * same forms read as nouns where they are verbs ("Four senators claim to object …"): the
 * that-clause or infinitive after the noun is what was said; the possessor, the agent after
 * "by" or the subject before a misread verb says it.
 */
function nounComplement(ctx: ProvenanceContext, i: number, sentenceStart: number, resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  if (t.pos !== 'NOUN') return null;
  const verbCue = ctx.lexicon.cueVerbs.get(t.norm);
  // "his statement that …", "Lee's remarks that …": nouns of speech with no verb of their own
  // report too, when their possessor names who spoke.
  const nounOnly = !verbCue && STATEMENT_NOUNS.has(t.norm);
  const cueId = verbCue && NOUN_CUES.has(verbCue.id) ? verbCue.id : nounOnly ? 'speech-statement' : null;
  if (!cueId) return null;
  const end = sentenceLast(ctx, i);
  let k = i + 1;
  let agent: Subject | null = null;
  // "claims by intelligence agencies that …"
  if (tokens[k]?.norm === 'by') {
    agent = subjectRight(ctx, k + 1, end);
    if (!agent || agent.kind === 'pronoun') return null;
    k = ctx.tokenAtOrAfter(agent.end);
  }
  // "his claim in March that …": a time between the noun and the clause.
  if (!agent && (tokens[k]?.norm === 'in' || tokens[k]?.norm === 'on' || tokens[k]?.norm === 'last') && (DATE_WORDS.has(tokens[k + 1]?.norm ?? '') || isTimeWord(tokens[k + 1]?.norm ?? '')) && tokens[k + 2]?.norm === 'that') k += 2;
  if (k > end) return null;
  const next = tokens[k]!;
  const after = tokens[k + 1];
  const that = next.norm === 'that' && after !== undefined && after.pos !== 'VERB' && after.pos !== 'AUX' && !ctx.isSentenceEnd(k + 1);
  const to = next.norm === 'to' && (after?.pos === 'VERB' || after?.pos === 'AUX');
  if (!that && !to) return null;
  if (nounOnly && !that) return null;
  // "his stern warning", "Lee's by-now-familiar claims", "made other public promises": modifiers first.
  let p = i - 1;
  while (p > sentenceStart && i - p <= 5 && (tokens[p]!.pos === 'ADJ' || tokens[p]!.text === '-' || (tokens[p]!.pos === 'ADV' && tokens[p + 1]?.text === '-'))) p--;
  const prev = tokens[p];
  let subject: Subject | null = agent;
  if (!subject && prev && p >= sentenceStart) {
    if (POSSESSIVE_DETS.has(prev.norm)) subject = { start: prev.start, end: prev.end, kind: 'pronoun', head: p, appositive: [] };
    else if (/^['’]s$/.test(prev.norm) || prev.norm === '’' || prev.norm === "'") subject = subjectLeft(ctx, p, sentenceStart);
    // "Four senators claim to object …": a verb read as a noun after its subject.
    else if (p === i - 1 && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) subject = subjectLeft(ctx, i, sentenceStart);
    else if (prev.pos !== 'DET' && prev.pos !== 'ADJ' && prev.pos !== 'ADP' && !(p < i - 1 && prev.pos === 'VERB')) return null;
    // "made a promise to …", "keeping her promise": the subject of a light verb makes it.
    let w = p;
    if (!subject && prev.pos === 'DET' && tokens[p - 1]?.pos === 'VERB') w = p - 1;
    if (!subject && LIGHT_VERBS.has(tokens[w]!.norm) && tokens[w]!.pos === 'VERB') subject = subjectLeft(ctx, w, sentenceStart) ?? sentenceSubject(ctx, w, sentenceStart);
  }
  if (nounOnly && (!subject || agent)) return null;
  let last = listItemEnd(ctx, k, tailCue(ctx, k, end));
  while (last > k && (ctx.isSentenceEnd(last) || tokens[last]!.text === ',' || tokens[last]!.text === ':')) last--;
  if (last - k < 2) return null;
  // A possessive pronoun ("his") stands for its antecedent, as a subject pronoun would.
  const resolved = subject ? resolve(subject) : null;
  return indirectQuote(ctx, k, last, i, i, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Reported speech: the noun "${t.text}" (${cueId}) followed by ${that ? 'a that-clause' : 'an infinitive'}; ${resolved ? resolved.how : 'the speaker is not named'}.`);
}

/**
 * "his proposal to …, his statement that …, and his refusal …": in a list of someone's acts the
 * next item ends what was said. The token before the comma that opens one, else `last`.
 */
function listItemEnd(ctx: ProvenanceContext, first: number, last: number): number {
  const { tokens } = ctx;
  for (let m = first + 1; m < last; m++) {
    if (tokens[m]!.text !== ',') continue;
    const n = tokens[m + 1]!.norm === 'and' || tokens[m + 1]!.norm === 'or' ? m + 2 : m + 1;
    if (n <= last && POSSESSIVE_DETS.has(tokens[n]!.norm) && tokens[n]!.norm !== 'her') return m - 1;
  }
  return last;
}

/** Object pronouns and demonstratives that may be the whole object before "as". */
const OBJECT_WORDS = new Set(['him', 'her', 'them', 'it', 'this', 'that', 'these', 'those', 'us', 'me', 'you']);
/** Words between "as" and the quotation: "as a “breakthrough”", "as a mere “moan”". */
const AS_FILLERS = new Set(['a', 'an', 'the', 'mere', 'simply', 'just', 'nothing', 'more', 'than', 'little', 'being']);
/** Particles after the verb that are not part of its object: "shrugging off", "referred to". */
const PARTICLES = new Set(['off', 'up', 'down', 'to', 'out', 'away']);

/**
 * "dismissed the whole affair as “absurd”", "hailed the deal as a “breakthrough”": a verb, its
 * object and "as" before a quotation is an evaluation in the subject's words, whatever the verb.
 * `a` is the "as" token; the content runs from the object to the closing quotation mark.
 */
function evaluativeAs(ctx: ProvenanceContext, a: number, sentenceStart: number, out: readonly FoundQuote[], resolve: Resolve): FoundQuote | null {
  const { tokens } = ctx;
  let open = a + 1;
  if (tokens[a]!.norm === 'as') while (open < tokens.length && open - a <= 3 && AS_FILLERS.has(tokens[open]!.norm)) open++;
  else {
    // "blasted the film for being too “preachy”", "accused him of having a “plan”": a gerund, then the quotation.
    if (!/ing$/.test(tokens[a + 1]?.norm ?? '') || !/^(VERB|NOUN|AUX)$/.test(tokens[a + 1]!.pos)) return null;
    open = a + 2;
    while (open < tokens.length && open - a <= 10 && ctx.sameParagraph(a, open) && !ctx.isQuoteMark(open) && !ctx.isSentenceEnd(open) && tokens[open]!.text !== ',') open++;
  }
  // "words such as “ambassador”", "as well as": no evaluation.
  if (!ctx.isQuoteMark(open) || !ctx.sameParagraph(a, open) || tokens[a - 1]?.norm === 'such') return null;
  // The object, read leftwards: a noun phrase or an object pronoun, no verb, no clause boundary.
  let k = a - 1;
  while (k > sentenceStart && a - k <= 10 && (NP_TAGS.has(tokens[k]!.pos) || objectModifier(ctx, k) || OBJECT_WORDS.has(tokens[k]!.norm) || /^['’]s$/.test(tokens[k]!.norm) || tokens[k]!.text === '-' || (OBJECT_LINKS.has(tokens[k]!.norm) && NP_TAGS.has(tokens[k - 1]!.pos)))) k--;
  if (k === a - 1) return null;
  const first = k + 1;
  if (PARTICLES.has(tokens[k]!.norm) && tokens[k]!.pos !== 'NOUN') k--;
  const v = k;
  if (v <= sentenceStart - 1 || tokens[v]!.pos !== 'VERB' || tokens[v]!.norm === 'known') return null;
  // Inside reported speech already found, the quotation is that speaker's.
  const last = out[out.length - 1];
  if (last && last.start <= tokens[v]!.start && tokens[v]!.start < last.end) return null;
  let close = doubledMark(ctx, open) + 1;
  while (close < tokens.length && ctx.sameParagraph(a, close) && !ctx.isQuoteMark(close) && close - open <= 40) close++;
  if (!ctx.isQuoteMark(close) || close === doubledMark(ctx, open) + 1 || close - open > 40) return null;
  close = doubledMark(ctx, close);
  const subject = subjectLeft(ctx, v, sentenceStart) ?? participleHost(ctx, v, sentenceStart) ?? sentenceSubject(ctx, v, sentenceStart) ?? openingSubject(ctx, v, sentenceStart);
  const resolved = subject ? resolve(subject) : null;
  return indirectQuote(ctx, first, close, v, a, resolved?.entity ?? null, resolved?.entity.outletId ?? null, `Evaluation in the speaker's words: "${tokens[v]!.text} … ${tokens[a]!.text}" before a quotation; ${resolved ? resolved.how : 'subject not resolved'}.`, { ownsQuotes: true });
}

const NP_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
/** Prepositions inside an object: "the deal with Turkey", "the remarks of the senator", "the film and the books". */
const OBJECT_LINKS = new Set(['of', 'with', 'in', 'on', 'for', 'from', 'and']);

/** "newly elected", "newly": an adverb and a participle inside an object noun phrase. */
function objectModifier(ctx: ProvenanceContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (t.pos === 'ADV') return t.norm.endsWith('ly') && NP_TAGS.has(ctx.tokens[k + 1]?.pos ?? '') === false && ctx.tokens[k + 1]?.pos === 'VERB';
  return t.pos === 'VERB' && t.norm.endsWith('ed') && ctx.tokens[k - 1]?.pos === 'ADV' && ctx.tokens[k - 1]!.norm.endsWith('ly');
}

/** The last token of the quotation mark at `k`: `k + 1` for the second half of a doubled apostrophe (''), else `k`. */
function doubledMark(ctx: ProvenanceContext, k: number): number {
  const t = ctx.tokens[k]!;
  const next = ctx.tokens[k + 1];
  return (t.text === "'" || t.text === '\u2019') && next !== undefined && next.text === t.text && next.start === t.end ? k + 1 : k;
}

/** An indirect quote over tokens first..last whose cue runs over tokens cueFirst..cueLast. */
function indirectQuote(ctx: ProvenanceContext, first: number, last: number, cueFirst: number, cueLast: number, entity: FoundQuote['entity'], outletId: string | null, explanation: string, extra: Partial<FoundQuote> = {}): FoundQuote {
  const start = ctx.tokens[first]!.start;
  const end = ctx.tokens[last]!.end;
  return { start, end, text: ctx.text.slice(start, end), kind: 'indirect', entity, cue: { start: ctx.tokens[cueFirst]!.start, end: ctx.tokens[cueLast]!.end }, outletId, explanation, ...extra };
}
