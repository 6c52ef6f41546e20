import { describe, expect, it } from 'vitest';
import { matchIndicators, MAX_SPANS_PER_INDICATOR, type IndicatorResult } from './indicators.js';
import type { LexiconLanguage } from './lexicon.js';
import { normalizeText } from './normalize.js';
import { findQuotedRanges, isQuoted, MAX_QUOTED_CHARS } from './quotation.js';

// Every text below is invented for these tests.
const find = (r: IndicatorResult, id: string) => r.matches.find((m) => m.id === id);
const quotedTexts = (text: string): string[] => {
  const folded = normalizeText(text).text;
  const ranges = findQuotedRanges(folded);
  const out: string[] = [];
  for (let k = 0; k < ranges.length; k += 2) out.push(folded.slice(ranges[k], ranges[k + 1]));
  return out;
};

describe('findQuotedRanges', () => {
  it('finds every kind of quotation mark on the folded text', () => {
    expect(quotedTexts('a “uno” b "dos" c «tres» d „cuatro“ e ‘cinco’ f \'seis\' g')).toEqual([
      'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis',
    ]);
  });

  it('does not treat apostrophes as quotes', () => {
    expect(quotedTexts("I don't know, Ana d'Ávila, the girls' room, rock'n'roll, it's O'Brien's")).toEqual([]);
    expect(quotedTexts('don’t, d’Ávila, l’amour')).toEqual([]);
    // An apostrophe inside a single-quoted phrase does not close it.
    expect(quotedTexts("she said 'don't call' twice")).toEqual(["don't call"]);
  });

  it('ignores unclosed quotes, quotes across a line break and overlong quotes', () => {
    expect(quotedTexts('una "palabra sin cerrar')).toEqual([]);
    expect(quotedTexts('"primera línea\nsegunda"')).toEqual([]);
    expect(quotedTexts(`"${'x'.repeat(MAX_QUOTED_CHARS + 1)}"`)).toEqual([]);
    expect(quotedTexts(`"${'x'.repeat(MAX_QUOTED_CHARS)}"`)).toHaveLength(1);
    // A stray mark does not pair with a later real quote across the limit.
    expect(quotedTexts(`5'10" ${'y'.repeat(250)} "ok"`)).toEqual(['ok']);
  });

  it('nests single quotes in double quotes', () => {
    expect(quotedTexts('"dijo \'hola\' ayer"')).toEqual(['hola', "dijo 'hola' ayer"]);
  });

  it('a range only partly inside the quotes is not quoted', () => {
    const folded = normalizeText('ver "nuevas" chicas').text;
    const ranges = findQuotedRanges(folded);
    const at = folded.indexOf('nuevas');
    expect(isQuoted(ranges, at, at + 'nuevas'.length)).toBe(true);
    expect(isQuoted(ranges, at, folded.length)).toBe(false);
    expect(isQuoted(ranges, at - 2, at + 3)).toBe(false);
  });

  it('is linear on hostile input', () => {
    const t0 = performance.now();
    findQuotedRanges(`${'"\'a'.repeat(50_000)}\n`.repeat(4));
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

/** [language, text, indicator id] — the cue appears once, inside quotation marks. */
const QUOTED: ReadonlyArray<readonly [LexiconLanguage, string, string]> = [
  ['es', 'Un periódico denunció avisos que usan la palabra "colegiala" para vender citas.', 'youth.schoolgirl'],
  ['es', 'Advertencia: el término «colegiala» está prohibido en esta plataforma.', 'youth.schoolgirl'],
  ['en', "The report lists terms such as 'schoolgirl' that moderators should flag.", 'youth.schoolgirl'],
  ['en', 'Our policy bans the phrase “just turned 18” in listings.', 'youth.just-18'],
  ['pt', 'A reportagem mostra anúncios com a palavra „novinha“ em destaque.', 'youth.young-terms'],
  ['pt', 'O moderador marcou a palavra ‘novinha’ em vários anúncios.', 'youth.young-terms'],
];

describe('matchIndicators: quotation', () => {
  it.each(QUOTED)('%s: %s is quoted', (language, text, id) => {
    const m = find(matchIndicators(text, { language }), id);
    expect(m?.quoted).toBe(true);
    expect(m?.spans.every((s) => s.quoted === true)).toBe(true);
  });

  it.each(QUOTED)('%s: the same cue without quotes is not', (language, text, id) => {
    const plain = text.replace(/["“”«»„‘’']/g, '');
    const m = find(matchIndicators(plain, { language }), id);
    expect(m).toBeDefined();
    expect(m?.quoted).toBeUndefined();
    expect(m?.spans.some((s) => s.quoted !== undefined)).toBe(false);
  });

  it('a match is quoted only when every occurrence is', () => {
    const r = matchIndicators('Soy "colegiala" de verdad, colegiala traviesa.', { language: 'es' });
    const m = find(r, 'youth.schoolgirl');
    expect(m?.quoted).toBeUndefined();
    expect(m?.spans.map((s) => s.quoted)).toEqual([true, undefined]);
  });

  it('an unquoted occurrence beyond the listed spans keeps the match unquoted', () => {
    const text = `${'"colegiala" '.repeat(MAX_SPANS_PER_INDICATOR * 3)}colegiala`;
    const m = find(matchIndicators(text, { language: 'es' }), 'youth.schoolgirl');
    expect(m?.spans).toHaveLength(MAX_SPANS_PER_INDICATOR);
    expect(m?.spans.every((s) => s.quoted === true)).toBe(true);
    expect(m?.quoted).toBeUndefined();
  });


  it('apostrophes, unclosed quotes and quotes across paragraphs leave matches unquoted', () => {
    for (const [language, text] of [
      ['en', "Don't miss me, I'm a naughty schoolgirl, call now"],
      ['es', "Soy Ana d'Ávila, colegiala traviesa"],
      ['es', 'Soy "colegiala traviesa, llámame'],
      ['pt', 'Sou "novinha\n\ne safada"'],
    ] as const) {
      const r = matchIndicators(text, { language });
      expect(r.matches.length).toBeGreaterThan(0);
      for (const m of r.matches) {
        expect(m.quoted).toBeUndefined();
        for (const s of m.spans) expect(s.quoted).toBeUndefined();
      }
    }
  });
});
