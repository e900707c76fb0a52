import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UnspinError } from '../../core/errors.js';
import { parseBrat, type GoldAttribution } from './brat.js';

export interface GoldArticle {
  id: string;
  text: string;
  /** The annotator whose file was used (the alphabetically first when several annotated it). */
  annotator: string;
  attributions: GoldAttribution[];
}

/**
 * Reads a PolNeAR split: `DIR/text/<article>.txt` and `DIR/attributions/<article>_<annotator>.ann`.
 * Some articles were annotated by several people for agreement checks; only one annotation
 * counts per article (the alphabetically first annotator id), so no article weighs double.
 */
export function loadPolnear(dir: string): GoldArticle[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  for (const d of [textDir, annDir]) {
    let ok: boolean;
    try {
      ok = statSync(d).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new UnspinError('EVAL_DATA', `${dir}: expected a PolNeAR folder with text/ and attributions/ (missing ${d})`, { input: dir });
  }
  const annByArticle = new Map<string, string[]>();
  for (const name of readdirSync(annDir).sort()) {
    const m = /^(.*)_([^_]+)\.ann$/.exec(name);
    if (!m) continue;
    const list = annByArticle.get(m[1]!) ?? [];
    list.push(name);
    annByArticle.set(m[1]!, list);
  }
  const articles: GoldArticle[] = [];
  for (const name of readdirSync(textDir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const id = basename(name, '.txt');
    const anns = annByArticle.get(id);
    if (!anns) continue;
    const chosen = anns[0]!;
    const text = readFileSync(join(textDir, name), 'utf8');
    let attributions: GoldAttribution[];
    try {
      attributions = parseBrat(readFileSync(join(annDir, chosen), 'utf8'), text, join(annDir, chosen));
    } catch (cause) {
      throw new UnspinError('EVAL_DATA', (cause as Error).message, { input: join(annDir, chosen), cause });
    }
    articles.push({ id, text, annotator: /_([^_]+)\.ann$/.exec(chosen)![1]!, attributions });
  }
  if (articles.length === 0) throw new UnspinError('EVAL_DATA', `${dir}: no article in text/ has an annotation file in attributions/`, { input: dir });
  return articles;
}
