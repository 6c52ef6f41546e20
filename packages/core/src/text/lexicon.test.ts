import { describe, expect, it } from 'vitest';
import { matchIndicators } from './indicators.js';
import { INDICATOR_CATEGORIES, validateLexicon, type Lexicon } from './lexicon.js';
import { INDICATOR_CATALOG } from './lexicons/catalog.js';
import { EN_LEXICON } from './lexicons/en.js';
import { ES_LEXICON } from './lexicons/es.js';
import { PT_LEXICON } from './lexicons/pt.js';
import { SHARED_LEXICON } from './lexicons/shared.js';

const ALL: readonly Lexicon[] = [ES_LEXICON, EN_LEXICON, PT_LEXICON, SHARED_LEXICON];

describe('lexicons', () => {
  it.each(ALL.map((l) => [l.language, l] as const))('%s is valid', (_lang, lexicon) => {
    expect(validateLexicon(lexicon)).toEqual([]);
  });

  it.each([ES_LEXICON, EN_LEXICON, PT_LEXICON].map((l) => [l.language, l] as const))(
    '%s has at least 25 indicators covering every pattern category',
    (_lang, lexicon) => {
      expect(lexicon.indicators.length).toBeGreaterThanOrEqual(25);
      const categories = new Set(lexicon.indicators.map((i) => i.category));
      for (const c of INDICATOR_CATEGORIES) if (c !== 'evasion') expect(categories, c).toContain(c);
    },
  );

  it('every catalog entry has a source and every language uses the same metadata', () => {
    for (const [id, meta] of Object.entries(INDICATOR_CATALOG)) {
      expect(meta.source.length, id).toBeGreaterThan(10);
      for (const lexicon of ALL) {
        const ind = lexicon.indicators.find((i) => i.id === id);
        if (ind !== undefined) expect({ w: ind.weight, c: ind.category, e: ind.evidence }).toEqual({ w: meta.weight, c: meta.category, e: meta.evidence });
      }
    }
  });

  it('weights movement language near zero (shown not predictive)', () => {
    for (const [id, meta] of Object.entries(INDICATOR_CATALOG)) {
      if (meta.category === 'movement') {
        expect(meta.weight, id).toBeLessThanOrEqual(0.2);
        expect(meta.evidence).toBe('weak');
      }
    }
  });

  it('rejects malformed lexicons', () => {
    const bad: Lexicon = {
      language: 'es',
      version: 'v1',
      indicators: [
        { id: 'X y', category: 'youth', label: 'x', weight: Number.NaN, evidence: 'practitioner', source: 's', regex: ['(a)', 'A+', 'b*'] },
        { id: 'dup', category: 'youth', label: 'x', weight: 1, evidence: 'practitioner', source: 's' },
        { id: 'dup', category: 'youth', label: 'x', weight: 1, evidence: 'practitioner', source: 's', regex: ['('] },
      ],
    };
    const problems = validateLexicon(bad).join('\n');
    for (const fragment of ['version', 'bad id', 'finite', 'capturing', 'folded form', 'empty string', 'no patterns', 'duplicate', 'does not compile']) {
      expect(problems).toContain(fragment);
    }
  });

  // Every phrase in a lexicon must be found by the matcher: catches escaping and folding mistakes.
  it.each(ALL.map((l) => [l.language, l] as const))('every %s phrase and emoji matches itself', (_lang, lexicon) => {
    const language = lexicon.language === 'any' ? 'und' : lexicon.language;
    for (const ind of lexicon.indicators) {
      for (const phrase of [...(ind.words ?? []), ...(ind.emoji ?? [])]) {
        const ids = matchIndicators(`xx ${phrase} xx`, { language }).matches.map((m) => m.id);
        expect(ids, `${ind.id}: "${phrase}"`).toContain(ind.id);
      }
    }
  });
});
