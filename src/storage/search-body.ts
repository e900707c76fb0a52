import type { Analysis } from '../core/types.js';

/** What free-text search sees besides the document text: findings, their reasons, speakers and outlets. */
export function searchBody(analysis: Analysis): string {
  const parts: string[] = [];
  for (const f of analysis.findings) parts.push(f.label.replace(/_/g, ' '), f.text, f.explanation, ...(f.targets ?? []));
  for (const s of analysis.speakers) parts.push(s.name);
  for (const o of analysis.outlets) parts.push(o.name);
  return parts.join('\n');
}
