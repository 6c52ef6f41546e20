import { describe, expect, it } from 'vitest';
import { normalizeText, TEXT_MAX_CHARS, toOriginalSpan, truncateText } from './normalize.js';

/** Original text behind folded range [a, b). */
const back = (input: string, a: number, b: number): string => {
  const n = normalizeText(input);
  const s = toOriginalSpan(n, a, b);
  return n.source.slice(s.start, s.end);
};

describe('normalizeText', () => {
  it('folds case and accents and keeps a map to the original', () => {
    const n = normalizeText('RECIÉN Llegada, Ação, Niña');
    expect(n.text).toBe('recien llegada, acao, nina');
    expect(n.hidden.present).toBe(false);
    const at = n.text.indexOf('acao');
    expect(back('RECIÉN Llegada, Ação, Niña', at, at + 4)).toBe('Ação');
  });

  it('applies NFKC to full-width, styled and ligature characters', () => {
    expect(normalizeText('ＭＥＮＯＲ 𝐝𝐞 𝐞𝐝𝐚𝐝 ﬁn').text).toBe('menor de edad fin');
    expect(normalizeText('straße Łódź Æsir').text).toBe('strasse lodz aesir');
  });

  it('maps combining accents (decomposed text) onto the base letter', () => {
    const input = 'reci\u0065\u0301n'; // e + combining acute
    const n = normalizeText(input);
    expect(n.text).toBe('recien');
    expect(toOriginalSpan(n, 0, n.text.length)).toEqual({ start: 0, end: input.length });
  });

  it('removes zero-width characters inside words and reports them', () => {
    const input = 'm\u200Be\u200Cn\u200Do\u2060r\uFEFF de edad';
    const n = normalizeText(input);
    expect(n.text).toBe('menor de edad');
    expect(n.hidden.present).toBe(true);
    expect(n.hidden.zeroWidth).toBe(4); // the U+FEFF before the space hides nothing
    expect(n.hidden.spans[0]).toEqual({ start: 1, end: 2 });
    expect(back(input, 0, 5)).toBe('m\u200Be\u200Cn\u200Do\u2060r');
  });

  it('does not count a leading BOM or the joiner inside emoji sequences', () => {
    const n = normalizeText('\uFEFFHola 👩\u200D❤\uFE0F\u200D👨 besos');
    expect(n.hidden.present).toBe(false);
    expect(n.hidden.zeroWidth).toBe(0);
    expect(n.text.startsWith('hola ')).toBe(true);
  });

  it('counts soft hyphens between letters as invisible', () => {
    const n = normalizeText('cole\u00ADgiala');
    expect(n.text).toBe('colegiala');
    expect(n.hidden.otherInvisible).toBe(1);
  });

  it('undoes a right-to-left override so text reads as displayed', () => {
    // Displayed as "menor" but stored reversed behind U+202E.
    const input = 'busco \u202Eronem\u202C de edad';
    const n = normalizeText(input);
    expect(n.text).toBe('busco menor de edad');
    expect(n.hidden.reversed).toBe(true);
    expect(n.hidden.bidi).toBe(2);
    const at = n.text.indexOf('menor');
    const span = toOriginalSpan(n, at, at + 5);
    expect(input.slice(span.start, span.end)).toBe('ronem');
  });

  it('keeps surrogate pairs intact when reversing', () => {
    const n = normalizeText('\u202Ea🍒b\u202C');
    expect(n.text).toBe('b🍒a');
  });

  it('maps Cyrillic and Greek look-alikes to Latin and flags mixed-script words', () => {
    const n = normalizeText('m\u0435n\u043Er de edad'); // Cyrillic е and о
    expect(n.text).toBe('menor de edad');
    expect(n.hidden.homoglyphs).toBe(2);
    expect(n.hidden.present).toBe(true);
    expect(normalizeText('привет').hidden.homoglyphs).toBe(0); // a whole Cyrillic word is not disguise
  });

  it('folds leetspeak inside words only', () => {
    expect(normalizeText('m3n0r c0legiala').text).toBe('menor colegiala');
    expect(normalizeText('24/7 310 555 1234 y 18 años').text).toBe('24/7 310 555 1234 y 18 anos');
    expect(normalizeText('m3n0r', { leet: false }).text).toBe('m3n0r');
  });

  it('cuts huge texts at the documented limit and says so', () => {
    const n = normalizeText('a'.repeat(1_000_000));
    expect(n.truncated).toBe(true);
    expect(n.source.length).toBe(TEXT_MAX_CHARS);
    expect(n.originalLength).toBe(1_000_000);
    expect(normalizeText('abc', { maxChars: 2 }).text).toBe('ab');
  });

  it('never cuts inside a surrogate pair', () => {
    const text = `${'a'.repeat(9)}🍒tail`;
    expect(truncateText(text, 10)).toBe('a'.repeat(9));
    expect(truncateText(text, 11)).toBe(`${'a'.repeat(9)}🍒`);
  });

  it('survives binary junk and lone surrogates with a consistent map', () => {
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let t = 0; t < 200; t++) {
      let s = '';
      for (let i = 0; i < 300; i++) s += String.fromCharCode(Math.floor(rnd() * 0x10000));
      s += '\uD800x\uDFFF\u0000\u0007\u202E';
      const n = normalizeText(s);
      expect(n.starts.length).toBe(n.text.length);
      for (let k = 0; k < n.text.length; k++) {
        const a = n.starts[k] ?? -1;
        const b = n.ends[k] ?? -1;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThan(a);
        expect(b).toBeLessThanOrEqual(n.source.length);
      }
    }
  });

  it('turns control characters into spaces and keeps line breaks', () => {
    expect(normalizeText('a\u0000b\r\nc\td').text).toBe('a b\n\nc d');
  });
});
