import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tiny corpus in PolNeAR's layout (`text/<article>.txt`, `attributions/<article>_<annotator>.ann`,
 * brat standoff with code-point offsets), written by this test into a temporary folder.
 * The texts are our own; offsets are computed from them, so the fixture cannot drift.
 */
type Role = 'Source' | 'Cue' | 'Content';
/** A span's text, or its text and a string it follows (when the text occurs earlier too). */
type Fragment = string | { text: string; after: string };
interface Relation {
  /** Each role's fragment, or several fragments for a split content. */
  spans: Partial<Record<Role, Fragment | Fragment[]>>;
}

const ARTICLES: { id: string; text: string; annotators: Record<string, { note?: string; relations: Relation[] }> }[] = [
  {
    id: 'mini-tax-plan_2016-01-01',
    text: 'Tax plan splits senators.\n\nSenator Jane Smith said on Monday that the tax plan would hurt families.\n\n“We will fight this bill,” she said. “It is unfair.”\n\nMany voters believe the plan is fair.\n',
    annotators: {
      a1: {
        note: '# annotator note: lines starting with # are ignored',
        relations: [
          { spans: { Source: 'Senator Jane Smith', Cue: 'said', Content: 'that the tax plan would hurt families' } },
          { spans: { Source: 'she', Cue: { text: 'said', after: 'bill,”' }, Content: ['“We will fight this bill,”', '“It is unfair.”'] } },
          { spans: { Source: 'Many voters', Cue: 'believe', Content: 'the plan is fair' } },
        ],
      },
      // A second annotator of the same article: the scorer must use only the first (a1).
      b2: { relations: [{ spans: { Source: 'Tax plan', Cue: 'splits', Content: 'senators' } }] },
    },
  },
  {
    id: 'mini-rally_2016-02-02',
    // The emoji is one code point but two UTF-16 units: every offset after it differs.
    text: 'Rally 😀 draws crowds.\n\nThe crowd cheered, according to the Daily Planet.\n\nOfficials said the road would reopen soon.\n',
    annotators: { a1: { relations: [{ spans: { Content: 'The crowd cheered', Cue: 'according to', Source: 'the Daily Planet' } }] } },
  },
];

const fragmentText = (f: Fragment): string => (typeof f === 'string' ? f : f.text);

/** Code-point offsets of a fragment's first occurrence in `text` (after its `after` string). */
function codePointSpan(text: string, fragment: Fragment): [number, number] {
  const from = typeof fragment === 'string' ? 0 : text.indexOf(fragment.after) + fragment.after.length;
  const at = text.indexOf(fragmentText(fragment), from);
  if (at < 0) throw new Error(`fixture: ${JSON.stringify(fragmentText(fragment))} is not in the text`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...fragmentText(fragment)].length];
}

function brat(text: string, relations: Relation[], note?: string): string {
  const lines: string[] = note ? [note] : [];
  let t = 0;
  relations.forEach((relation, r) => {
    const ids: string[] = [];
    for (const role of ['Source', 'Cue', 'Content'] as const) {
      const value = relation.spans[role];
      if (value === undefined) continue;
      const fragments = (Array.isArray(value) ? value : [value]).map((f) => codePointSpan(text, f));
      const id = `T${++t}`;
      ids.push(`${role}:${id}`);
      lines.push(`${id}\t${role} ${fragments.map(([a, b]) => `${a} ${b}`).join(';')}\t${(Array.isArray(value) ? value : [value]).map(fragmentText).join(' ')}`);
    }
    const cueFragment = relation.spans.Cue as Fragment;
    const cue = codePointSpan(text, cueFragment);
    const attribution = `T${++t}`;
    lines.push(`${attribution}\tAttribution ${cue[0]} ${cue[1]}\t${fragmentText(cueFragment)}`);
    lines.push(`E${r + 1}\tAttribution:${attribution} ${ids.join(' ')}`);
  });
  return lines.join('\n') + '\n';
}

/** Writes the mini corpus and returns its folder. */
export function writeMiniPolnear(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-polnear-mini-'));
  mkdirSync(join(dir, 'text'));
  mkdirSync(join(dir, 'attributions'));
  for (const article of ARTICLES) {
    writeFileSync(join(dir, 'text', `${article.id}.txt`), article.text);
    for (const [annotator, { relations, note }] of Object.entries(article.annotators)) {
      writeFileSync(join(dir, 'attributions', `${article.id}_${annotator}.ann`), brat(article.text, relations, note));
    }
  }
  return dir;
}
