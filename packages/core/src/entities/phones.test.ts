import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';
import { findPhones } from './phones.js';
import type { CountryCode, PhoneEntity } from './types.js';

// All numbers are invented (555 exchanges, 0100–0199 lines, sequential digits), never real people.
function phones(text: string, defaultRegion: CountryCode | null = 'CO'): PhoneEntity[] {
  const options = defaultRegion === null ? {} : { defaultRegion };
  return extractEntities(text, options).filter((e): e is PhoneEntity => e.type === 'phone');
}

/** Asserts one phone whose span is exactly `written` (first occurrence) and whose E.164 is `e164`. */
function expectPhone(text: string, written: string, e164: string, region: CountryCode | null = 'CO'): PhoneEntity {
  const found = phones(text, region);
  const start = text.indexOf(written);
  expect(start).toBeGreaterThanOrEqual(0);
  const hit = found.find((p) => p.start === start);
  expect(hit, `no phone at ${start} in ${JSON.stringify(found)}`).toBeDefined();
  expect(hit).toMatchObject({ value: written, start, end: start + written.length, normalized: e164 });
  return hit!;
}

describe('plain and separated numbers', () => {
  it.each([
    ['Llámame al 3105551234 amor', '3105551234'],
    ['Cel 310 555 1234, solo whatsapp', '310 555 1234'],
    ['Cel 310-555-1234.', '310-555-1234'],
    ['Cel 310.555.1234', '310.555.1234'],
    ['Cel (310) 555 12 34', '(310) 555 12 34'],
    ['Cel 3 1 0-555 12 34 disponible', '3 1 0-555 12 34'],
    ['Cel 3_1_0_5_5_5_1_2_3_4', '3_1_0_5_5_5_1_2_3_4'],
    ['Cel 310 - 555 - 1234', '310 - 555 - 1234'],
    ['Cel 310*555*1234', '310*555*1234'],
  ])('%s', (text, written) => {
    expectPhone(text, written, '+573105551234');
  });

  it('reads an explicit international prefix regardless of the default region', () => {
    expectPhone('Info: +57 310 555 1234', '+57 310 555 1234', '+573105551234', 'US');
    expectPhone('Call (+1) 202-555-0123 anytime', '(+1) 202-555-0123', '+12025550123', 'CO');
    expectPhone('Chamar +55 11 91234-5678 agora', '+55 11 91234-5678', '+5511912345678', 'CO');
    expectPhone('Llamar 0057 310 555 1234', '0057 310 555 1234', '+573105551234', 'US');
  });

  it('uses the default region for national numbers', () => {
    expectPhone('Call me (202) 555-0123 tonight', '(202) 555-0123', '+12025550123', 'US');
    expectPhone('Contacto 612 345 678 Madrid', '612 345 678', '+34612345678', 'ES');
    expectPhone('Whats (11) 91234-5678 SP', '(11) 91234-5678', '+5511912345678', 'BR');
    expectPhone('Tel 55 1234 5678 CDMX', '55 1234 5678', '+525512345678', 'MX');
  });

  it('needs a region or a prefix: national digits alone are not guessed', () => {
    expect(phones('Llámame al 3105551234', null)).toEqual([]);
    expect(phones('Llámame al +573105551234', null)).toHaveLength(1);
  });

  it('assigns the region libphonenumber detects', () => {
    expect(expectPhone('+34 612 345 678', '+34 612 345 678', '+34612345678', 'CO').region).toBe('ES');
  });
});

describe('spelled-out digits', () => {
  it('Spanish words', () => {
    const p = expectPhone(
      'Escríbeme: tres uno cero cinco cinco cinco uno dos tres cuatro 💋',
      'tres uno cero cinco cinco cinco uno dos tres cuatro',
      '+573105551234',
    );
    expect(p.obfuscated).toBe(true);
  });

  it('English words, with "oh" for zero between digits', () => {
    expectPhone(
      'text me two zero two five five five oh one two three',
      'two zero two five five five oh one two three',
      '+12025550123',
      'US',
    );
  });

  it('Portuguese words, including "meia" for six and accents', () => {
    expectPhone(
      'Zap: um um nove um dois três quatro cinco meia sete oito',
      'um um nove um dois três quatro cinco meia sete oito',
      '+5511912345678',
      'BR',
    );
  });

  it('mixed words and digits, any case, commas between words', () => {
    expectPhone('Cel: TRES 1 cero - 555 - uno, dos, tres, cuatro', 'TRES 1 cero - 555 - uno, dos, tres, cuatro', '+573105551234');
    expectPhone('Cel: tres10 555 1234', 'tres10 555 1234', '+573105551234');
  });

  it('"doble" / "double" / "triple" repeat the next digit', () => {
    expectPhone('Cel tres uno cero triple cinco uno dos tres cuatro', 'tres uno cero triple cinco uno dos tres cuatro', '+573105551234');
    expectPhone('call two oh two double five five oh one two three', 'two oh two double five five oh one two three', '+12025550123', 'US');
  });

  it('an article next to a number is not read as a digit', () => {
    const [p] = phones('Dame un 3105551234 ok');
    expect(p).toMatchObject({ value: '3105551234', normalized: '+573105551234' });
  });
});

describe('look-alike letters and styled digits', () => {
  it('O/o for 0 and l/I for 1 inside digit runs', () => {
    expectPhone('Cel 3l0 555 l234', '3l0 555 l234', '+573105551234');
    expectPhone('Cel 31O-555-I234', '31O-555-I234', '+573105551234');
    expectPhone('Cel 3lo 555 1234', '3lo 555 1234', '+573105551234');
  });

  it('does not read ordinary words with O/l as digits', () => {
    expect(phones('lo hago solo 310 555')).toEqual([]);
  });

  it('emoji keycap digits: the span covers each full keycap', () => {
    const text = 'Cel 3️⃣1️⃣0️⃣ 5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣ 🔥';
    const written = '3️⃣1️⃣0️⃣ 5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣';
    expect(expectPhone(text, written, '+573105551234').obfuscated).toBe(true);
  });

  it('keycaps written without the variation selector', () => {
    expectPhone('3\u20E31\u20E30\u20E35\u20E35\u20E35\u20E31\u20E32\u20E33\u20E34\u20E3', '3\u20E31\u20E30\u20E35\u20E35\u20E35\u20E31\u20E32\u20E33\u20E34\u20E3', '+573105551234');
  });

  it('circled, negative circled and full-width digits', () => {
    expectPhone('Cel ③①⓪⑤⑤⑤①②③④', '③①⓪⑤⑤⑤①②③④', '+573105551234');
    expectPhone('Cel ❸❶⓿❺❺❺❶❷❸❹', '❸❶⓿❺❺❺❶❷❸❹', '+573105551234');
    expectPhone('Cel ３１０－５５５－１２３４', '３１０－５５５－１２３４', '+573105551234');
    expectPhone('Cel ＋５７ ３１０５５５１２３４', '＋５７ ３１０５５５１２３４', '+573105551234', 'US');
  });

  it('math bold digits (surrogate pairs) keep UTF-16 spans exact', () => {
    const text = '😘😘 Cel 𝟑𝟏𝟎𝟓𝟓𝟓𝟏𝟐𝟑𝟒 ok';
    const p = expectPhone(text, '𝟑𝟏𝟎𝟓𝟓𝟓𝟏𝟐𝟑𝟒', '+573105551234');
    expect(p.end - p.start).toBe(20);
  });

  it('zero-width characters hidden between digits', () => {
    const written = '310\u200B555\u200D1234';
    expect(expectPhone(`Cel ${written}`, written, '+573105551234').obfuscated).toBe(true);
  });

  it('plain numbers are not flagged as obfuscated, spread single digits are', () => {
    expect(phones('Cel 310 555 1234')[0]?.obfuscated).toBe(false);
    expect(phones('Cel 3 1 0 5 5 5 1 2 3 4')[0]?.obfuscated).toBe(true);
  });
});

describe('links and messaging context', () => {
  it('wa.me links are international even without "+"', () => {
    const text = 'Escríbeme wa.me/573105551234 ya';
    const p = expectPhone(text, '573105551234', '+573105551234', 'US');
    expect(p.platform).toBe('whatsapp');
  });

  it('api.whatsapp.com/send?phone=', () => {
    expectPhone('https://api.whatsapp.com/send?phone=5511912345678&text=oi', '5511912345678', '+5511912345678', 'CO');
  });

  it('tel: links', () => {
    expectPhone('<a href="tel:+12025550123">call</a>', '+12025550123', '+12025550123', 'CO');
    expectPhone('tel:3105551234', '3105551234', '+573105551234');
  });

  it('"whatsapp: +57…" and "telegram" keywords set the platform', () => {
    expect(expectPhone('WhatsApp: +57 310 555 1234', '+57 310 555 1234', '+573105551234').platform).toBe('whatsapp');
    expect(expectPhone('Wsp 3105551234', '3105551234', '+573105551234').platform).toBe('whatsapp');
    expect(expectPhone('Zap (11) 91234-5678', '(11) 91234-5678', '+5511912345678', 'BR').platform).toBe('whatsapp');
    expect(expectPhone('solo telegram 3105551234', '3105551234', '+573105551234').platform).toBe('telegram');
    expect(expectPhone('Llamadas 3105551234', '3105551234', '+573105551234').platform).toBeUndefined();
  });
});

describe('several numbers and trailing numbers', () => {
  it('two numbers in one ad', () => {
    const text = 'Citas 310 555 1234 / 320 555 6789 las 24 horas';
    expect(phones(text).map((p) => [p.value, p.normalized])).toEqual([
      ['310 555 1234', '+573105551234'],
      ['320 555 6789', '+573205556789'],
    ]);
  });

  it('two numbers separated only by spaces are split', () => {
    const text = 'Cel 310 555 1234 320 555 6789';
    expect(phones(text).map((p) => p.normalized)).toEqual(['+573105551234', '+573205556789']);
  });

  it('a number followed by other figures keeps only the phone', () => {
    expect(phones('Cel 3105551234 24 horas').map((p) => p.value)).toEqual(['3105551234']);
    expect(phones('Llama 3105551234. 22 años, 1.60').map((p) => p.value)).toEqual(['3105551234']);
  });
});

describe('not phones', () => {
  it.each([
    'Solo $150 la hora, $ 1.500.000 la noche',
    'Tarifa 150.000 COP o 200 USD, 150 rosas',
    'Precio R$ 300,00 e 1.200 reais',
    'Tengo 22 años, mido 1.60 m y peso 55 kg',
    'Disponible 12/05/2024 y 13-05-2024, 2024-05-14',
    'Horario 10:30 a 23:45, 24/7',
    'Anuncio #20240512 ref 123456',
    'I am 21 years old, 5 ft 4',
    'Only 3 days in town, room 1204, 100% real',
  ])('%s', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('a date next to a phone does not leak into it', () => {
    expect(phones('12/05/2024 cel 3105551234').map((p) => p.value)).toEqual(['3105551234']);
    expect(phones('Desde $150.000 llama 3105551234').map((p) => p.value)).toEqual(['3105551234']);
  });

  it('invalid numbers are rejected by libphonenumber', () => {
    expect(phones('Cel 0000000000')).toEqual([]);
    expect(phones('Cel 123 4567', 'US')).toEqual([]);
    expect(phones('+99 123 456 789')).toEqual([]);
  });
});

describe('findPhones on folded text', () => {
  it('returns folded-text indices and E.164', () => {
    expect(findPhones('x 3105551234', { defaultRegion: 'CO' })).toEqual([
      { start: 2, end: 12, normalized: '+573105551234', region: 'CO', obfuscated: false },
    ]);
  });

  it('stays linear on long digit-and-separator noise', () => {
    const noise = '1 2 3 4 5 6 7 8 9 0 '.repeat(2000);
    expect(() => findPhones(noise, { defaultRegion: 'CO' })).not.toThrow();
  });
});
