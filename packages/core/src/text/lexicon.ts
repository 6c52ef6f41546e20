/**
 * Lexicon format: versioned data, one file per language in `./lexicons/`, checked by {@link validateLexicon}.
 *
 * Patterns are matched on folded text (see normalize.ts): write `words` naturally (accents and case are folded at
 * compile time); write `regex` sources already folded (lower case, no accents) and without capturing groups.
 */

export type LexiconLanguage = 'es' | 'en' | 'pt';

/** How strong the support for an indicator is. */
export type EvidenceLevel =
  /** shown predictive on ads from known cases (published evaluation or local fit on labelled data) */
  | 'empirical'
  /** named in practitioner guidance (NGOs, UN bodies, law enforcement training) */
  | 'practitioner'
  /** common in ads but weakly related or shown not predictive; kept for context, low weight */
  | 'weak';

export const INDICATOR_CATEGORIES = [
  'youth',
  'third-party',
  'unprotected-services',
  'incall-outcall',
  'availability',
  'nationality',
  'obfuscated-contact',
  'movement',
  'control',
  'recruitment',
  'evasion',
] as const;

export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export interface IndicatorDefinition {
  /** Concept id shared across languages (`youth.schoolgirl`), so weights fitted on data apply to every language. */
  id: string;
  category: IndicatorCategory;
  /** One line a reviewer reads next to the highlighted words (English; the UI translates by id). */
  label: string;
  /** Prior log-odds weight (see risk/README.md); refitted weights override it through the risk config. */
  weight: number;
  evidence: EvidenceLevel;
  /** Citation or "practitioner-reported (team judgement)". */
  source: string;
  /** Words or phrases; whitespace and hyphens match any run of separators; word boundaries on both sides. */
  words?: readonly string[];
  /** Emoji or symbols, matched anywhere (no word boundaries). */
  emoji?: readonly string[];
  /** Regular-expression sources on folded text; word boundaries are added on both sides. */
  regex?: readonly string[];
  /** When true, a negation just before ("no menores", "sin agencia") or an exclusion just after ("menores
   * abstenerse") cancels the match. */
  negatable?: boolean;
}

export interface Lexicon {
  /** `any` for language-neutral patterns (emoji, "24/7", international jargon) that run on every text. */
  language: LexiconLanguage | 'any';
  /** Bumped on every change; reported with each result so a score can be reproduced. */
  version: string;
  indicators: readonly IndicatorDefinition[];
}

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const EVIDENCE: readonly EvidenceLevel[] = ['empirical', 'practitioner', 'weak'];

/** Returns the problems in a lexicon (empty when valid). Used by tests and by the server before loading one. */
export function validateLexicon(lexicon: Lexicon): string[] {
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+$/.test(lexicon.version)) problems.push(`version "${lexicon.version}" is not x.y.z`);
  const seen = new Set<string>();
  for (const ind of lexicon.indicators) {
    const where = `${lexicon.language}/${ind.id}`;
    if (!ID.test(ind.id)) problems.push(`${where}: bad id`);
    if (seen.has(ind.id)) problems.push(`${where}: duplicate id`);
    seen.add(ind.id);
    if (!(INDICATOR_CATEGORIES as readonly string[]).includes(ind.category)) problems.push(`${where}: bad category`);
    if (!EVIDENCE.includes(ind.evidence)) problems.push(`${where}: bad evidence level`);
    if (!Number.isFinite(ind.weight)) problems.push(`${where}: weight is not a finite number`);
    if (ind.source.trim() === '') problems.push(`${where}: missing source`);
    if (ind.label.trim() === '') problems.push(`${where}: missing label`);
    const count = (ind.words?.length ?? 0) + (ind.emoji?.length ?? 0) + (ind.regex?.length ?? 0);
    if (count === 0) problems.push(`${where}: no patterns`);
    for (const w of ind.words ?? []) if (w.trim() === '') problems.push(`${where}: empty word`);
    for (const src of ind.regex ?? []) {
      let re: RegExp;
      try {
        re = new RegExp(`${src}|`);
      } catch (err) {
        problems.push(`${where}: regex /${src}/ does not compile (${String(err)})`);
        continue;
      }
      // One match of the empty alternative exposes the number of capturing groups.
      const groups = (re.exec('') ?? []).length - 1;
      if (groups > 0) problems.push(`${where}: regex /${src}/ has capturing groups; use (?:…)`);
      if (/[A-Z]/.test(src.replace(/\\./g, '')) || /[^\x00-\x7f]/.test(src)) {
        problems.push(`${where}: regex /${src}/ is not written in folded form (lower case ASCII)`);
      }
      if (new RegExp(src).test('')) problems.push(`${where}: regex /${src}/ matches the empty string`);
    }
  }
  return problems;
}
