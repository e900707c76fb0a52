import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { UnspinError } from '../../core/errors.js';
import { validateRuleFile, type RuleEntry } from '../../core/rules.js';
import type { HateVerdict } from '../../core/types.js';

/**
 * The functional hate suite (data/hate/functional/): templates with group placeholders,
 * one entry per functionality, expanded over the groups of groups.yml.
 *   {G}  every plural form of the group ("Muslims", "Muslim people")
 *   {G1} the singular with its article ("a Muslim")
 *   {A}  the adjective ("Muslim")
 *   {S}  every slur of the group (only groups with slurs)
 *   {N}  a person's name (abuse of an individual)
 */
export interface FunctionalGroup extends RuleEntry {
  target: string;
  plural: string[];
  singular: string;
  adjective: string;
  slurs: string[];
}

export type Verdict = HateVerdict['label'];

export interface FunctionalEntry extends RuleEntry {
  label: 'hateful' | 'not-hateful';
  accept: Verdict[];
  templates: string[];
}

export interface FunctionalCase {
  /** `<functionality>-<template number>`. */
  template: string;
  functionality: string;
  label: FunctionalEntry['label'];
  accept: readonly Verdict[];
  /** Group id, or null for templates without a group. */
  group: string | null;
  target: string | null;
  text: string;
}

const NAMES = ['Mark', 'Sarah', 'Tom', 'Priya', 'Daniel', 'Lucy'];
const VERDICTS: readonly Verdict[] = ['normal', 'offensive', 'hatespeech'];

/** The rule-file check, reporting a bad suite as evaluation data (not a packaging bug). */
function checked<E extends RuleEntry>(doc: unknown, path: string, fields: readonly string[]): E[] {
  try {
    return validateRuleFile<E>(doc, path, fields).entries;
  } catch (cause) {
    throw new UnspinError('EVAL_DATA', (cause as Error).message, { input: path, cause });
  }
}

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UnspinError('EVAL_DATA', `${path}: cannot read functional suite (${(cause as Error).message.split('\n')[0]})`, { input: path, cause });
  }
}

export function readFunctionalGroups(path: string): FunctionalGroup[] {
  const groups = checked<FunctionalGroup>(readYaml(path), path, ['target', 'plural', 'singular', 'adjective']);
  for (const g of groups) {
    if (!Array.isArray(g.plural) || g.plural.length === 0) throw new UnspinError('EVAL_DATA', `${path}: group ${g.id} needs at least one plural form`, { input: path });
    g.slurs ??= [];
  }
  return groups;
}

export function readFunctionalSuite(path: string): FunctionalEntry[] {
  const entries = checked<FunctionalEntry>(readYaml(path), path, ['label', 'accept', 'templates']);
  for (const e of entries) {
    if (e.label !== 'hateful' && e.label !== 'not-hateful') throw new UnspinError('EVAL_DATA', `${path}: ${e.id}: label must be hateful or not-hateful`, { input: path });
    if (!Array.isArray(e.accept) || e.accept.some((a) => !VERDICTS.includes(a))) throw new UnspinError('EVAL_DATA', `${path}: ${e.id}: accept must list normal, offensive or hatespeech`, { input: path });
    if (!Array.isArray(e.templates) || e.templates.some((t) => typeof t !== 'string')) throw new UnspinError('EVAL_DATA', `${path}: ${e.id}: templates must be a list of strings`, { input: path });
  }
  return entries;
}

/** Upper-cases the first letter, as a template that starts with {G} needs. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every sentence of one template. */
export function expandTemplate(template: string, groups: readonly FunctionalGroup[]): { text: string; group: FunctionalGroup | null }[] {
  const has = (p: string) => template.includes(`{${p}}`);
  if (has('N')) return NAMES.map((n) => ({ text: sentenceCase(template.replaceAll('{N}', n)), group: null }));
  if (!has('G') && !has('G1') && !has('A') && !has('S')) return [{ text: template, group: null }];
  const out: { text: string; group: FunctionalGroup | null }[] = [];
  for (const g of groups) {
    const fill = (t: string) => t.replaceAll('{G1}', g.singular).replaceAll('{A}', g.adjective);
    if (has('S')) {
      for (const s of g.slurs) out.push({ text: sentenceCase(fill(template).replaceAll('{S}', s)), group: g });
    } else if (has('G')) {
      for (const form of g.plural) out.push({ text: sentenceCase(fill(template).replaceAll('{G}', form)), group: g });
    } else out.push({ text: sentenceCase(fill(template)), group: g });
  }
  return out;
}

/** Every case of a suite file, with groups.yml read from the same folder unless given. */
export function expandSuite(path: string, groupsPath = join(dirname(path), 'groups.yml')): FunctionalCase[] {
  const groups = readFunctionalGroups(groupsPath);
  const cases: FunctionalCase[] = [];
  for (const entry of readFunctionalSuite(path)) {
    entry.templates.forEach((template, t) => {
      for (const { text, group } of expandTemplate(template, groups)) {
        cases.push({ template: `${entry.id}-${t + 1}`, functionality: entry.id, label: entry.label, accept: entry.accept, group: group?.id ?? null, target: group?.target ?? null, text });
      }
    });
  }
  if (cases.length === 0) throw new UnspinError('EVAL_DATA', `${path}: no templates`, { input: path });
  return cases;
}

export interface FunctionalRow {
  name: string;
  label: FunctionalEntry['label'] | 'mixed';
  n: number;
  passed: number;
}

export interface FunctionalResult {
  n: number;
  passed: number;
  byFunctionality: FunctionalRow[];
  byGroup: FunctionalRow[];
  /** Hateful cases whose verdict named the case's target. */
  targetHits: number;
  targetCases: number;
  failures: { c: FunctionalCase; verdict: HateVerdict }[];
}

/** Scores a document classifier on expanded cases: a case passes when its verdict is one it accepts. */
/**
 * A case set as the middle paragraph of a short news article with no group in it, so that the
 * detector reads it as it reads articles (sentence by sentence, the network held back where the
 * post model reads news prose as normal), and any author-voice finding comes from the case.
 */
export function asArticleParagraph(text: string): string {
  return `The county council met on Tuesday evening to discuss next year's budget for the library and the leisure centre.\n\n${text}\n\nThe meeting closed shortly after nine o'clock, and a decision is expected next month.`;
}

export function evaluateFunctional(cases: readonly FunctionalCase[], classify: (text: string) => HateVerdict): FunctionalResult {
  const byF = new Map<string, FunctionalRow>();
  const byG = new Map<string, FunctionalRow>();
  const failures: FunctionalResult['failures'] = [];
  let passed = 0;
  let targetHits = 0;
  let targetCases = 0;
  for (const c of cases) {
    const verdict = classify(c.text);
    const ok = c.accept.includes(verdict.label);
    if (ok) passed++;
    else failures.push({ c, verdict });
    const f = byF.get(c.functionality) ?? { name: c.functionality, label: c.label, n: 0, passed: 0 };
    f.n++;
    if (ok) f.passed++;
    byF.set(c.functionality, f);
    const gname = c.group ?? '(none)';
    const g = byG.get(gname) ?? { name: gname, label: 'mixed', n: 0, passed: 0 };
    g.n++;
    if (ok) g.passed++;
    byG.set(gname, g);
    if (c.label === 'hateful' && c.target && ok) {
      targetCases++;
      if (verdict.targets.includes(c.target)) targetHits++;
    }
  }
  return { n: cases.length, passed, byFunctionality: [...byF.values()], byGroup: [...byG.values()], targetHits, targetCases, failures };
}

export function formatFunctional(result: FunctionalResult, withFailures: boolean): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : 'n/a').padStart(5);
  const lines = [`functional: ${result.n} cases, accuracy ${pct(result.passed, result.n)}%`, '', 'per functionality (hateful: recall; not-hateful: 100 - false-positive rate)'];
  for (const r of result.byFunctionality) lines.push(`  ${r.name.padEnd(28)} ${r.label.padEnd(12)} ${pct(r.passed, r.n)}%  (${r.passed}/${r.n})`);
  lines.push('', 'per group');
  for (const r of result.byGroup) lines.push(`  ${r.name.padEnd(28)} ${pct(r.passed, r.n)}%  (${r.passed}/${r.n})`);
  lines.push('', `target named on detected hateful cases: ${pct(result.targetHits, result.targetCases)}% (${result.targetHits}/${result.targetCases})`);
  if (withFailures) {
    lines.push('', 'failures (functionality | group | verdict | text)');
    for (const { c, verdict } of result.failures) lines.push(`  ${c.template} | ${c.group ?? '-'} | ${verdict.label} | ${c.text}`);
  }
  return lines.join('\n');
}
