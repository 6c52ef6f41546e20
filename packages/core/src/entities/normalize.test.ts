import { describe, expect, it } from 'vitest';
import { foldCodePoint, foldText, foldTextTransient, originalSpan, spanWasFolded } from './normalize.js';
import { foldWord, numberWord, repeatWord } from './numberWords.js';

const cp = (s: string): number => s.codePointAt(0)!;

describe('foldCodePoint', () => {
  it.each([
    ['３', '3'], ['①', '1'], ['⓪', '0'], ['❸', '3'], ['➒', '9'], ['⓿', '0'], ['𝟕', '7'], ['٣', '3'], ['۵', '5'],
    ['＠', '@'], ['．', '.'], ['ｊ', 'j'], ['\u00A0', ' '], ['–', '-'], ['\u200B', ''], ['\uFE0F', ''], ['\u20E3', ''],
    ['á', 'á'], ['ñ', 'ñ'], ['😘', '😘'],
  ])('%s → %s', (input, output) => {
    expect(foldCodePoint(cp(input))).toBe(output);
  });
});

describe('foldText offset map', () => {
  it('returns ASCII text untouched without tables', () => {
    expect(foldText('hola 123')).toEqual({ text: 'hola 123', starts: null, ends: null, changed: false });
  });

  it('maps every folded character back to its original UTF-16 span', () => {
    const original = 'a𝟑b３\u200Bc5️⃣d';
    const folded = foldText(original);
    expect(folded.text).toBe('a3b3c5d');
    expect(originalSpan(folded, 1, 2)).toEqual({ start: 1, end: 3 }); // 𝟑 is a surrogate pair
    expect(originalSpan(folded, 3, 5)).toEqual({ start: 4, end: 7 }); // ３ + dropped zero-width + c
    expect(originalSpan(folded, 5, 6)).toEqual({ start: 7, end: 10 }); // keycap: 5 + FE0F + 20E3
    expect(spanWasFolded(folded, original, 0, 1)).toBe(false);
    expect(spanWasFolded(folded, original, 1, 2)).toBe(true);
  });

  it('keeps accents and emoji', () => {
    expect(foldText('mañana 😘').text).toBe('mañana 😘');
  });
});

describe('number words', () => {
  it('folds case and accents', () => {
    expect(foldWord('TRÊS')).toBe('tres');
    expect(foldWord('Cero')).toBe('cero');
  });

  it('knows es/en/pt digits and marks ambiguous words weak', () => {
    expect(numberWord('nueve')).toEqual({ digit: '9', weak: false });
    expect(numberWord('eight')).toEqual({ digit: '8', weak: false });
    expect(numberWord('oito')).toEqual({ digit: '8', weak: false });
    expect(numberWord('duas')).toEqual({ digit: '2', weak: false });
    expect(numberWord('um')).toEqual({ digit: '1', weak: true });
    expect(numberWord('oh')).toEqual({ digit: '0', weak: true });
    expect(numberWord('hola')).toBeUndefined();
    expect(numberWord('constructor')).toBeUndefined();
  });

  it('knows repeat words', () => {
    expect(repeatWord('doble')).toBe(2);
    expect(repeatWord('triple')).toBe(3);
    expect(repeatWord('toString')).toBeUndefined();
  });
});

describe('transient folding', () => {
  it('gives what foldText gives, call after call', () => {
    const texts = ['plain ascii', 'Ｌｌａｍａ ③①⓪ 5️⃣5️⃣5️⃣', 'a\u200bb\u00adc ❸ ⑩ 💋 fin', 'x'.repeat(3000) + '３', '①'.repeat(2000)];
    for (const t of [...texts, ...texts.reverse()]) {
      const expected = foldText(t);
      const got = foldTextTransient(t);
      expect({ ...got, starts: got.starts && [...got.starts], ends: got.ends && [...got.ends] }).toEqual({
        ...expected,
        starts: expected.starts && [...expected.starts],
        ends: expected.ends && [...expected.ends],
      });
    }
  });
});
