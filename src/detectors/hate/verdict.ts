import type { Finding, HateVerdict } from '../../core/types.js';

const SEVERITY = { normal: 0, offensive: 1, hatespeech: 2 } as const;

/**
 * The document's hate verdict in the author's own voice: the most severe label among
 * the author-voice hate findings, their targets and ids. Quoted or reported hate (a post
 * that quotes hate to reject it, an article reporting a speech) keeps its findings but
 * does not make the author's verdict.
 */
export function hateVerdict(findings: readonly Pick<Finding, 'id' | 'kind' | 'label' | 'voice' | 'targets'>[]): HateVerdict {
  let label: HateVerdict['label'] = 'normal';
  const own = findings.filter((f) => f.kind === 'hate' && f.voice === 'author' && (f.label === 'hatespeech' || f.label === 'offensive'));
  for (const f of own) if (SEVERITY[f.label as 'hatespeech' | 'offensive'] > SEVERITY[label]) label = f.label as HateVerdict['label'];
  const targets = [...new Set(own.flatMap((f) => f.targets ?? []))].sort();
  return { label, targets, findingIds: own.map((f) => f.id) };
}
