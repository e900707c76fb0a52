import type { Outlet, Quote, Segment, Speaker, StateVoiceSummary, VoiceSpan } from '../core/types.js';
import { countNonSpace } from '../core/spans.js';

/** Reader-facing names of the State Media Monitor typologies of state-affiliated outlets. */
const TYPOLOGY: Record<string, string> = { SC: 'state-controlled', CaPu: 'captured public media', CaPr: 'captured private media' };

/**
 * Who speaks through the document, as shares of its non-space characters: the author's own
 * commentary (author voice inside commentary segments), what is quoted or reported from state
 * actors (speakers with `stateActor`), and what state-affiliated outlets carry (quotes relayed by
 * them, and report segments copied from them). The headline leads with the state's share: the
 * characters that are a state actor's words or a state outlet's copy, counted once.
 */
export function summarizeStateVoice(text: string, voices: readonly VoiceSpan[], quotes: readonly Quote[], speakers: readonly Speaker[], outlets: readonly Outlet[], segments: readonly Segment[]): StateVoiceSummary {
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const outletById = new Map(outlets.map((o) => [o.id, o]));
  const stateOutlet = (id: string | null) => (id ? outletById.get(id)?.stateAffiliated === true : false);
  const total = countNonSpace(text, 0, text.length);
  let author = 0;
  let actor = 0;
  let outlet = 0;
  let state = 0;
  const actorChars = new Map<Speaker, number>();
  const outletChars = new Map<Outlet, number>();
  // Which state actor's words each state outlet carried: "X, via Y" only when Y carried X.
  const carried = new Map<Speaker, Set<Outlet>>();
  for (const q of quotes) {
    const speaker = q.speakerId ? speakerById.get(q.speakerId) : undefined;
    if (speaker?.stateActor == null || !stateOutlet(q.outletId)) continue;
    const set = carried.get(speaker) ?? new Set<Outlet>();
    set.add(outletById.get(q.outletId!)!);
    carried.set(speaker, set);
  }
  let s = 0;
  for (const v of voices) {
    // Voices and segments are both sorted: walk them together, splitting a voice where a segment ends.
    let from = v.start;
    while (from < v.end) {
      while (s < segments.length && segments[s]!.end <= from) s++;
      const seg = segments[s] && segments[s]!.start <= from ? segments[s]! : null;
      const to = seg ? Math.min(v.end, seg.end) : Math.min(v.end, segments[s]?.start ?? v.end);
      const n = countNonSpace(text, from, to);
      const quote = v.quoteId ? quoteById.get(v.quoteId) : undefined;
      const speaker = quote?.speakerId ? speakerById.get(quote.speakerId) : undefined;
      const isActor = speaker?.stateActor != null;
      const viaId = quote?.outletId ?? (seg?.kind === 'report' ? seg.outletId : null);
      const isOutlet = stateOutlet(viaId);
      if (v.voice === 'author' && seg?.kind === 'commentary') author += n;
      if (isActor) {
        actor += n;
        actorChars.set(speaker!, (actorChars.get(speaker!) ?? 0) + n);
      }
      if (isOutlet) {
        outlet += n;
        const o = outletById.get(viaId!)!;
        outletChars.set(o, (outletChars.get(o) ?? 0) + n);
      }
      if (isActor || isOutlet) state += n;
      from = to;
    }
  }
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);
  return { authorShare: share(author), stateActorShare: share(actor), stateOutletShare: share(outlet), headline: headline(share(state), share(author), top(actorChars), top(outletChars), carried) };
}

function headline(state: number, author: number, actor: Speaker | null, outlet: Outlet | null, carried: ReadonlyMap<Speaker, ReadonlySet<Outlet>>): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (state === 0) return `No part of this article is the voice of a state actor or a state-affiliated outlet; ${pct(author)} is the author's own commentary.`;
  const who = actor ? `${actor.stateActor!.country}'s ${actor.role ?? actor.name}` : null;
  const via = outlet ? `${outlet.name} (${(outlet.typology && TYPOLOGY[outlet.typology]) ?? 'state-affiliated'})` : null;
  // A US spokesman quoted by the author and Xinhua's own report are two voices, not one carried by the other.
  const whose = who && via ? (carried.get(actor!)?.has(outlet!) ? `${who}, via ${via}` : `${who}, and reports carried by ${via}`) : who ?? `carried by ${via}`;
  return `${pct(state)} of this article is the voice of a state: ${whose}.`;
}

function top<T>(chars: Map<T, number>): T | null {
  let best: T | null = null;
  let n = 0;
  for (const [k, v] of chars) if (v > n) {
    best = k;
    n = v;
  }
  return best;
}
