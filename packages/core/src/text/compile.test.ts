import { describe, expect, it } from 'vitest';
import { compileLexicon, regexPrefix } from './compile.js';
import { DEFAULT_LEXICONS } from './indicators.js';
import { normalizeText } from './normalize.js';

// The matcher relies on two derived structures being exact: the grouped scan regex must stop where the flat union of
// the indicators' regexes would (it may also stop at a phrase across a line-ending full stop, which the indicators'
// regexes reject; the texts below have none), and each candidate (an indicator's alternatives that can start with a given unit)
// must match where, and as far as, the indicator's full regex does.

const TEXTS = [
  'Tenemos nuevas chicas venezolanas recién llegadas, colegiala de 18 añitos, servicio sin condón y sin límites.',
  'We have new girls, asian and latina, just arrived. Just turned 18, barely legal schoolgirl. Incall and outcall 24/7.',
  'Temos meninas novas paraguaias recém-chegadas. Novinha de 18 aninhos. Sem camisinha. Atendemos 24 horas em motéis.',
  'No menores, solo mayores de edad. 18+ only, no minors. Proibido menores de idade. Reservas con mi manager 🍒🎀.',
  'Trabajo inmediato para señoritas de 18 a 25 años, sin experiencia, pasaje pagado, dinero rápido. atendemos, vivimos',
  'Hostess wanted, females only, no experience needed, travel paid and housing provided, easy money. ages 18-25',
  'sin_condon sin.condon sincondon m3n0r d3 3d4d 24x7 24 / 24 menorcitas menorzinhas edad: 15 tengo 16 i\'m 17',
];

/** Positions where `re` (global) matches, stepping one character at a time as the matcher does. */
function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return out;
}

describe('compiled lexicons', () => {
  const texts = TEXTS.flatMap((t) => [t, t.toUpperCase(), t.replace(/ /g, '  '), t.replace(/a/g, 'á')]).map((t) => normalizeText(t).text);

  it.each(DEFAULT_LEXICONS.map((l) => [l.language, l] as const))('%s: the grouped scan stops where the flat union does', (_, lexicon) => {
    const compiled = compileLexicon(lexicon);
    const flat = new RegExp(compiled.indicators.map((c) => c.regex.source).join('|'), 'g');
    for (const text of texts) expect(positions(compiled.scan, text), text).toEqual(positions(flat, text));
  });

  it.each(DEFAULT_LEXICONS.map((l) => [l.language, l] as const))('%s: candidates match as the full regexes do', (_, lexicon) => {
    const compiled = compileLexicon(lexicon);
    const { boundaryAscii, boundaryOther, insideAscii, insideOther } = compiled.candidates;
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        const unit = text.charCodeAt(at);
        const prev = at > 0 ? text.charCodeAt(at - 1) : -1;
        const inside = (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x30 && prev <= 0x39);
        const lists = inside ? (unit < 128 ? insideAscii[unit] : insideOther.get(unit)) : unit < 128 ? boundaryAscii[unit] : boundaryOther.get(unit);
        const tried = new Map((lists?.byNext.get(text.charCodeAt(at + 1)) ?? lists?.rest ?? []).map((c) => [c.indicator.id, c.regex]));
        for (const full of compiled.byFirstUnit.get(unit) ?? []) {
          full.regex.lastIndex = at;
          const expected = full.regex.exec(text)?.[0] ?? null;
          const sub = tried.get(full.indicator.id);
          let actual: string | null = null;
          if (sub !== undefined) {
            sub.lastIndex = at;
            actual = sub.exec(text)?.[0] ?? null;
          }
          expect(actual, `${full.indicator.id} at ${at} in ${text}`).toBe(expected);
        }
      }
    }
  });

  it('reads the literal prefix of a regex source', () => {
    expect(regexPrefix('menorcit(?:a|as)')).toBe('menorcit');
    expect(regexPrefix("i'?m 1[0-7]")).toBe('i');
    expect(regexPrefix('tengo 1[0-7](?![0-9])')).toBe('tengo 1');
    expect(regexPrefix('ab+c')).toBe('a');
    expect(regexPrefix('a|b')).toBe('');
    expect(regexPrefix('(?:a|b)c')).toBe('');
    expect(regexPrefix('[a|b]c|d')).toBe('');
    expect(regexPrefix('x(?:a|b)')).toBe('x');
  });
});
