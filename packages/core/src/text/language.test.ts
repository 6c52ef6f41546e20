import { describe, expect, it } from 'vitest';
import { francAll } from 'franc-min';
import { detectLanguage, languageSample, rankLanguages } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['es', 'Hola caballeros, soy una chica muy cariñosa y educada, atiendo en mi apartamento con mucha discreción, escríbeme para más información.'],
    ['en', 'Hello gentlemen, I am a sweet and friendly companion, available this evening at my private apartment, text me for more details.'],
    ['pt', 'Oi amores, sou uma menina muito carinhosa e educada, atendo no meu apartamento com toda a discrição, me chama para mais informações.'],
  ] as const)('detects %s', (lang, text) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(lang);
    expect(guess.confidence).toBeGreaterThan(0.03);
  });

  it("returns 'und' for short or letterless text", () => {
    expect(detectLanguage('Hola amor').language).toBe('und');
    expect(detectLanguage('').language).toBe('und');
    expect(detectLanguage('310 555 1234 https://example.com/x @user 💋💋💋').language).toBe('und');
  });

  it('ignores URLs and handles when deciding', () => {
    const text = 'https://example.com/very/long/path/that/is/not/language @someone_handle Oi amores, sou nova aqui e atendo todos os dias da semana com muito carinho.';
    expect(detectLanguage(text).language).toBe('pt');
  });
});

describe('franc-min scoring, computed in place', () => {
  // mulberry32: the same strings on every run.
  const prng = (seed: number): (() => number) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  const POOL = [
    'hola ', 'caballeros ', 'soy ', 'una ', 'chica ', 'the ', 'and ', 'gentlemen ', 'sou ', 'uma ', 'menina ', 'ção ', 'ñ',
    'Á', 'É', 'ß', 'İ', 'Σ', 'ΑΣ', "'", 'Привет ', '你好', 'שלום', '💋', '3\uFE0F\u20E3', '\uD800', '\uDC00', '𝐚', 'ǅ',
    '123', ' ', '  ', '\t', '\n', '\u00a0', '!', '?', ',', '.', '@', '#tag', 'https://x.io/a', 'www.x.com', '\u200b', 'Ⓐ',
  ];
  const strings = (seed: number, count: number): string[] => {
    const rnd = prng(seed);
    return Array.from({ length: count }, () => {
      let s = '';
      const parts = Math.floor(rnd() * 40);
      for (let i = 0; i < parts; i++) s += POOL[Math.floor(rnd() * POOL.length)];
      return s;
    });
  };

  it('ranks spa/eng/por exactly as francAll (same tuples, order and numbers)', () => {
    const fixed = ['', 'a', 'Привет как дела', '你好你好 hello', 'ΑΣ ΣΑΣ abc', 'İstanbul İİİ', '\uD800abc \uDC00 x', 'ＨＯＬＡ ｃａｂａｌｌｅｒｏｓ'];
    // More distinct symbols than trigram ids: the string path.
    fixed.push(Array.from({ length: 1100 }, (_, i) => `a${String.fromCharCode(0x2200 + i)}`).join(''));
    for (const s of [...fixed, ...strings(7, 3000)]) {
      expect(rankLanguages(s), JSON.stringify(s)).toEqual(francAll(s, { only: ['spa', 'eng', 'por'], minLength: 1 }));
    }
  });

  it('cleans the sample exactly as the regular expressions do', () => {
    const NOISE = /https?:\/\/\S+|www\.\S+|\S+@\S+|[@#]\w+|[0-9]+|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
    const reference = (text: string, n: number): string => text.slice(0, n * 3).replace(NOISE, ' ').replace(/\s+/g, ' ').trim().slice(0, n);
    const rnd = prng(11);
    for (const s of strings(8, 3000)) {
      const n = 1 + Math.floor(rnd() * 60);
      expect(languageSample(s, n), JSON.stringify([s, n])).toBe(reference(s, n));
    }
  });
});
