import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';
import type { Entity } from './types.js';

// Invented ads. Names, numbers, handles and addresses are made up; wallets are documentation examples.
const at = (text: string, written: string, from = 0): { value: string; start: number; end: number } => {
  const start = text.indexOf(written, from);
  if (start < 0) throw new Error(`"${written}" not in text`);
  return { value: written, start, end: start + written.length };
};
const summary = (entities: Entity[]): Array<[string, string, string]> => entities.map((e) => [e.type, e.value, e.normalized]);

describe('realistic ads', () => {
  it('Spanish escort ad with obfuscated phone, WhatsApp link and Instagram', () => {
    const ad =
      'Hola amores 💋 soy Valentina, 22 años, recién llegada a Medellín. Solo $150 la hora 🌹 ' +
      'Escríbeme al tres uno cero - 555 - doce... no, mejor: 3️⃣1️⃣0️⃣ 5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣ ' +
      'o por wa.me/573205556789 · IG: @vale.bella_22';
    const entities = extractEntities(ad, { defaultRegion: 'CO' });
    expect(entities).toEqual([
      {
        type: 'phone',
        ...at(ad, '3️⃣1️⃣0️⃣ 5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣'),
        normalized: '+573105551234',
        region: 'CO',
        obfuscated: true,
      },
      {
        type: 'handle',
        ...at(ad, 'wa.me/573205556789'),
        platform: 'whatsapp',
        username: '+573205556789',
        kind: 'profile',
        normalized: 'whatsapp:+573205556789',
      },
      {
        type: 'phone',
        ...at(ad, '573205556789'),
        normalized: '+573205556789',
        region: 'CO',
        platform: 'whatsapp',
        obfuscated: false,
      },
      {
        type: 'handle',
        ...at(ad, '@vale.bella_22'),
        platform: 'instagram',
        username: 'vale.bella_22',
        kind: 'profile',
        normalized: 'instagram:vale.bella_22',
      },
    ]);
  });

  it('English ad with spelled number, e-mail, Telegram and a Bitcoin address', () => {
    const ad =
      'NEW in town!! Sweet girl, 21 yo, available 24/7. Rates from $200. ' +
      'Text two zero two, five five five, oh one two three. ' +
      'Email: candy.sweet (at) example [dot] com. Telegram @CandySweet21. ' +
      'Deposit in BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 first.';
    expect(summary(extractEntities(ad, { defaultRegion: 'US' }))).toEqual([
      ['phone', 'two zero two, five five five, oh one two three', '+12025550123'],
      ['email', 'candy.sweet (at) example [dot] com', 'candy.sweet@example.com'],
      ['handle', '@CandySweet21', 'telegram:candysweet21'],
      ['wallet', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
    ]);
  });

  it('Portuguese ad with words for digits, OnlyFans and a link with tracking', () => {
    const ad =
      'Novinha chegando em SP 🔥 cachê R$ 300,00. Chama no zap: onze nove um dois três quatro cinco meia sete oito. ' +
      'Meu OF: bela.sp e fotos em https://www.Example.com/bela?utm_source=ig&fbclid=abc';
    expect(summary(extractEntities(ad, { defaultRegion: 'BR' }))).toEqual([
      ['handle', 'bela.sp', 'onlyfans:bela.sp'],
      ['url', 'https://www.Example.com/bela?utm_source=ig&fbclid=abc', 'https://example.com/bela'],
    ]);
    // "onze" (eleven) is not a digit word: the rest is one digit short of a Brazilian mobile.
    const ad2 = 'Chama no zap: um um nove um dois três quatro cinco meia sete oito';
    expect(summary(extractEntities(ad2, { defaultRegion: 'BR' }))).toEqual([
      ['phone', 'um um nove um dois três quatro cinco meia sete oito', '+5511912345678'],
    ]);
    expect(extractEntities(ad2, { defaultRegion: 'BR' })[0]).toMatchObject({ platform: 'whatsapp', obfuscated: true });
  });

  it('Portuguese job lure with Ethereum and Tron-style payment and a Telegram link', () => {
    const ad =
      'Trabalho imediato na Europa, passagem paga! Só mulheres. Contato +351 912 345 678 ou t.me/vagas_europa_2024. ' +
      'Taxa de inscrição em USDT: 0xde709f2102306220921060314715629080e2fb77';
    const entities = extractEntities(ad, { defaultRegion: 'BR' });
    expect(summary(entities)).toEqual([
      ['phone', '+351 912 345 678', '+351912345678'],
      ['handle', 't.me/vagas_europa_2024', 'telegram:vagas_europa_2024'],
      ['wallet', '0xde709f2102306220921060314715629080e2fb77', '0xde709f2102306220921060314715629080e2fb77'],
    ]);
    expect(entities[0]).toMatchObject({ region: 'PT' });
  });

  it('Spanish job lure with full-width digits, e-mail with "arroba" and a Snapchat label', () => {
    const ad =
      'Se buscan chicas 18-25 para trabajo en el exterior 💼 dinero rápido, sin experiencia. ' +
      'Info ＋５７ ３２０ ５５５ ６７８９ o envía tu foto a reclutamiento.vip arroba example punto com. Snap: agencia_vip';
    expect(summary(extractEntities(ad, { defaultRegion: 'CO' }))).toEqual([
      ['phone', '＋５７ ３２０ ５５５ ６７８９', '+573205556789'],
      ['email', 'reclutamiento.vip arroba example punto com', 'reclutamiento.vip@example.com'],
      ['handle', 'agencia_vip', 'snapchat:agencia_vip'],
    ]);
  });

  it('mixed obfuscations in one Mexican ad', () => {
    const ad = 'Nena 💕 llámame 55 l2E4 no... 5⃣5⃣ uno dos 3 4 cinco seis 7 8 — sin anticipos. Edad: 23 años. $1.500 MXN';
    expect(summary(extractEntities(ad, { defaultRegion: 'MX' }))).toEqual([
      ['phone', '5⃣5⃣ uno dos 3 4 cinco seis 7 8', '+525512345678'],
    ]);
  });

  it('ad with nothing to extract', () => {
    const ad = 'Masajes relajantes, 60 min $80.000, 90 min $110.000. Horario 9:00–21:00, lunes a sábado. 25 años de experiencia.';
    expect(extractEntities(ad, { defaultRegion: 'CO' })).toEqual([]);
  });
});

describe('span invariants and bad input', () => {
  const samples = [
    'Cel 3️⃣1️⃣0️⃣5️⃣5️⃣5️⃣1️⃣2️⃣3️⃣4️⃣ ｊｕａｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ 𝟑𝟏𝟎𝟓𝟓𝟓𝟏𝟐𝟑𝟒',
    '\u202Eloc.elpmaxe@anaj\u202C 310\u200B555\u200B1234 wa.me/573105551234',
    '‮ ③①⓪⑤⑤⑤①②③④ IG:@ana_b t.me/ana_bella22 0x52908400098527886E0F7030069857D2E4169EE7',
  ];

  it.each(samples)('value is always the exact original slice: %s', (text) => {
    const entities = extractEntities(text, { defaultRegion: 'CO' });
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) {
      expect(text.slice(e.start, e.end)).toBe(e.value);
      expect(e.start).toBeLessThan(e.end);
    }
  });

  it('a wallet containing a digit run is not also a phone', () => {
    const text = 'ETH 0x52908400098527886E0F7030069857D2E4169EE7';
    expect(extractEntities(text, { defaultRegion: 'CO' }).map((e) => e.type)).toEqual(['wallet']);
  });

  it('digits inside an ordinary URL are not a phone', () => {
    const text = 'ver https://example.com/anuncio/3105551234';
    expect(extractEntities(text, { defaultRegion: 'CO' }).map((e) => e.type)).toEqual(['url']);
  });

  it('survives binary junk, lone surrogates and control characters', () => {
    let junk = '';
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(seed % 0xffff);
    }
    junk += '\uD800 \uDFFF 310 555 1234 \u0000\u0001';
    const entities = extractEntities(junk, { defaultRegion: 'CO' });
    for (const e of entities) expect(junk.slice(e.start, e.end)).toBe(e.value);
    expect(entities.some((e) => e.normalized === '+573105551234')).toBe(true);
  });

  it('cuts huge texts at maxChars without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(99)}😘 3105551234`;
    expect(extractEntities(text, { defaultRegion: 'CO', maxChars: 100 })).toEqual([]);
    expect(extractEntities(text, { defaultRegion: 'CO' })).toHaveLength(1);
    const big = `${'hola '.repeat(40_000)} 3105551234`;
    expect(extractEntities(big, { defaultRegion: 'CO' })).toEqual([]);
  });
});
