import { describe, expect, it } from 'vitest';
import { matchIndicators, type IndicatorResult } from './indicators.js';
import type { LexiconLanguage } from './lexicon.js';

// Every ad below is invented for these tests: no real person, number or site.
const ids = (r: IndicatorResult): string[] => r.matches.map((m) => m.id);
const spanTexts = (r: IndicatorResult, id: string): string[] => r.matches.find((m) => m.id === id)?.spans.map((s) => s.text) ?? [];

/** [language, category, ad, indicator id, expected matched text] */
const CASES: ReadonlyArray<readonly [LexiconLanguage, string, string, string, string]> = [
  // youth
  ['es', 'youth', 'Hola papitos, soy Lucía, colegiala de uniforme, muy juguetona. Agenda tu cita.', 'youth.schoolgirl', 'colegiala'],
  ['en', 'youth', 'Hi boys, Candy here, just turned 18 and ready to play, discreet place downtown.', 'youth.just-18', 'just turned 18'],
  ['pt', 'youth', 'Oi gatos, sou a Bia, novinha e safada, atendo no meu apê com ar-condicionado.', 'youth.young-terms', 'novinha'],
  // third-party
  ['es', 'third-party', 'Bienvenidos caballeros, nuevas chicas cada semana en nuestro local del centro.', 'third-party.new-girls', 'nuevas chicas'],
  ['en', 'third-party', 'Gentlemen, we have the sweetest ladies in the city, come visit our lounge.', 'third-party.we-have', 'we have'],
  ['pt', 'third-party', 'Temos as garotas mais lindas da região, venha conhecer nossa casa.', 'third-party.we-have', 'Temos'],
  // unprotected services
  ['es', 'unprotected-services', 'Soy Vale, complaciente, sin condón si lo pagas bien, besos con lengua.', 'services.unprotected', 'sin condón'],
  ['en', 'unprotected-services', 'Sexy Mia, open minded, no condom for extra, discreet apartment.', 'services.unprotected', 'no condom'],
  ['pt', 'unprotected-services', 'Loira fogosa, faço sem camisinha por um valor a combinar.', 'services.unprotected', 'sem camisinha'],
  // incall / outcall
  ['es', 'incall-outcall', 'Masajes relajantes, atiendo hoteles y domicilios en toda la zona norte.', 'location.incall-outcall', 'hoteles y domicilios'],
  ['en', 'incall-outcall', 'Relaxing company, incall in my condo or outcall to your hotel.', 'location.incall-outcall', 'incall'],
  ['pt', 'incall-outcall', 'Morena carinhosa, tenho local discreto e também atendo em motel.', 'location.incall-outcall', 'tenho local'],
  // availability
  ['es', 'availability', 'Rubia natural disponible las 24 horas para ti, llámame cuando quieras.', 'availability.24-7', 'las 24 horas'],
  ['en', 'availability', 'Ebony goddess available round the clock, weekends too.', 'availability.24-7', 'round the clock'],
  ['pt', 'availability', 'Ruiva linda atendendo dia e noite, marque seu horário.', 'availability.24-7', 'dia e noite'],
  // nationality
  ['es', 'nationality', 'Hermosas venezolanas y colombianas para caballeros exigentes.', 'nationality.offered', 'venezolanas'],
  ['en', 'nationality', 'Beautiful asian girls for relaxing massage, friendly staff.', 'nationality.offered', 'asian girls'],
  ['pt', 'nationality', 'Lindas paraguaias e venezuelanas te esperando hoje.', 'nationality.offered', 'paraguaias'],
  // obfuscated contact
  ['es', 'obfuscated-contact', 'Caliente y discreta, info solo por wasap, no pierdas tiempo.', 'contact.app-slang', 'wasap'],
  ['en', 'obfuscated-contact', 'Sweet Jenny, number in pics, serious gentlemen only.', 'contact.number-in-image', 'number in pics'],
  ['pt', 'obfuscated-contact', 'Gostosa e educada, chama no privado pra combinar.', 'contact.private-message', 'chama no privado'],
  // movement (low weight, still reported)
  ['es', 'movement', 'Paola recién llegada a tu ciudad, solo por pocos días.', 'movement.new-in-town', 'recién llegada'],
  ['en', 'movement', 'Sweet Rose new in town, leaving soon so book today.', 'movement.new-in-town', 'new in town'],
  ['pt', 'movement', 'Loira recém-chegada na cidade por poucos dias.', 'movement.new-in-town', 'recém-chegada'],
  // control
  ['es', 'control', 'Citas con mi manager por mensaje, yo no contesto el teléfono.', 'control.manager', 'Citas con mi manager'],
  ['en', 'control', 'Booking through my driver only, he will bring me to you.', 'control.driver', 'my driver'],
  ['pt', 'control', 'Falar com o responsável para agendar, ela não fala português.', 'control.language-barrier', 'não fala português'],
  // recruitment
  ['es', 'recruitment', 'Trabajo inmediato para señoritas sin experiencia, pasaje pagado y dinero rápido.', 'recruit.travel-paid', 'pasaje pagado'],
  ['en', 'recruitment', 'Hostess wanted abroad, no experience needed, travel paid, contact on WhatsApp only.', 'recruit.whatsapp-only', 'contact on WhatsApp only'],
  ['pt', 'recruitment', 'Trabalho no exterior para moças bonitas, passagem paga, sem experiência.', 'recruit.abroad', 'Trabalho no exterior'],
];

describe('matchIndicators: one invented ad per category and language', () => {
  it.each(CASES)('%s %s', (language, _category, ad, id, text) => {
    const r = matchIndicators(ad, { language });
    expect(ids(r)).toContain(id);
    expect(spanTexts(r, id)).toContain(text);
  });

  it.each(CASES)('%s %s is also found with automatic language detection', (_language, _category, ad, id) => {
    expect(ids(matchIndicators(ad))).toContain(id);
  });
});

describe('exact spans', () => {
  it('points into the original text, accents and case included', () => {
    const ad = 'Bienvenidos!!! NUEVAS CHICAS Venezolanas, RECIÉN LLEGADAS, atendemos 24/7.';
    const r = matchIndicators(ad, { language: 'es' });
    for (const m of r.matches) for (const s of m.spans) expect(ad.slice(s.start, s.end)).toBe(s.text);
    expect(spanTexts(r, 'third-party.new-girls')).toEqual(['NUEVAS CHICAS']);
    const start = ad.indexOf('RECIÉN');
    expect(r.matches.find((m) => m.id === 'movement.new-in-town')?.spans[0]).toEqual({ start, end: start + 'RECIÉN LLEGADAS'.length, text: 'RECIÉN LLEGADAS' });
  });

  it('spans of phrases written with separators to dodge filters', () => {
    const r = matchIndicators('Todo sin_condón y sin-preservativo, a.pelo', { language: 'es' });
    expect(spanTexts(r, 'services.unprotected')).toEqual(['sin_condón', 'sin-preservativo', 'a.pelo']);
  });

  it('lists every occurrence once and counts them', () => {
    const r = matchIndicators('wsp wsp wsp wasap', { language: 'es' });
    const m = r.matches.find((x) => x.id === 'contact.app-slang');
    expect(m?.occurrences).toBe(4);
    expect(m?.spans.map((s) => s.start)).toEqual([0, 4, 8, 12]);
  });

  it('finds overlapping indicators that start at the same word', () => {
    const r = matchIndicators('Visiting your city next week, book now.', { language: 'en' });
    expect(ids(r)).toEqual(expect.arrayContaining(['movement.touring', 'movement.few-days']));
  });
});

describe('negation and exclusion', () => {
  it.each([
    ['es', 'Chicas mayores de edad. No menores de edad.'],
    ['es', 'Nada de menores de edad, abstenerse curiosos.'],
    ['es', 'Sólo mayores de edad, menores de edad abstenerse.'],
    ['es', 'Prohibido menores de edad en el local.'],
    ['es', 'Aquí no se atienden menores de edad.'],
    ['es', 'Menores de edad no.'],
    ['es', '🚫 menores de edad'],
    ['en', '18+ only, no minors, no underage.'],
    ['en', 'Strictly no schoolgirl roleplay.'],
    ['en', 'Underage not allowed, ID checked at the door.'],
    ['pt', 'Não menores de idade, só maiores.'],
    ['pt', 'Proibido menores de idade, sem novinha.'],
  ] as const)('%s: %s does not fire youth', (language, ad) => {
    const r = matchIndicators(ad, { language });
    expect(r.matches.filter((m) => m.category === 'youth')).toEqual([]);
  });

  it('negation does not cross a clause boundary', () => {
    const r = matchIndicators('No llames si no eres serio, colegiala de 19 esperándote.', { language: 'es' });
    expect(ids(r)).toContain('youth.schoolgirl');
  });

  it('negation reaches only a few tokens back', () => {
    const r = matchIndicators('No te vas a arrepentir con esta jovencita tan linda', { language: 'es' });
    expect(ids(r)).toContain('youth.young-terms');
  });

  it('"no condom" and "never without" are handled for unprotected services', () => {
    expect(ids(matchIndicators('Siempre con protección, nunca sin condón.', { language: 'es' }))).not.toContain('services.unprotected');
    expect(ids(matchIndicators('No hago sin condón, ni lo pidas.', { language: 'es' }))).not.toContain('services.unprotected');
  });

  it('independent advertisers saying "no agency" do not fire control', () => {
    expect(ids(matchIndicators('Independiente, sin agencia y sin manager.', { language: 'es' })).filter((i) => i.startsWith('control.'))).toEqual([]);
    expect(ids(matchIndicators('Independent, no agency, no driver, I book myself.', { language: 'en' })).filter((i) => i.startsWith('control.'))).toEqual([]);
  });

  it('"prohibida la entrada de menores" and the like are negated', () => {
    const youth = (ad: string, language: LexiconLanguage): string[] =>
      ids(matchIndicators(ad, { language })).filter((i) => i === 'youth.minor-explicit');
    expect(youth('Bar Estrella: prohibida la entrada de menores de edad.', 'es')).toEqual([]);
    expect(youth('Se prohíbe el ingreso de menores de edad al local.', 'es')).toEqual([]);
    expect(youth('Casa Azul: proibida a entrada de menores de idade.', 'pt')).toEqual([]);
    expect(youth('Club Luna: entry of underage guests prohibited.', 'en')).toEqual([]);
    expect(youth('No entry for underage visitors.', 'en')).toEqual([]);
    // The entry words alone negate nothing.
    expect(youth('Libre la entrada de menores de edad.', 'es')).toEqual(['youth.minor-explicit']);
  });

  it('a person\'s age, not years of experience, is a stated age', () => {
    const age = (ad: string, language: LexiconLanguage): string[] =>
      ids(matchIndicators(ad, { language })).filter((i) => i === 'youth.stated-age-under-18');
    expect(age('Profesor con 10 años de experiencia en matemática.', 'es')).toEqual([]);
    expect(age('Tengo 12 años en el oficio, trabajo garantizado.', 'es')).toEqual([]);
    expect(age('Hace 15 años que atendemos en el barrio.', 'es')).toEqual([]);
    expect(age('Professora com 10 anos de experiência.', 'pt')).toEqual([]);
    expect(age('Há 12 anos no mercado, atendimento garantido.', 'pt')).toEqual([]);
    expect(age("I'm 15 years in the business, reliable plumber.", 'en')).toEqual([]);
    expect(age('Niña de 15 años, nueva en la ciudad.', 'es')).toEqual(['youth.stated-age-under-18']);
    expect(age('Novinha de 16 anos, sem frescura.', 'pt')).toEqual(['youth.stated-age-under-18']);
    expect(age('Tengo 16, nueva en la ciudad.', 'es')).toEqual(['youth.stated-age-under-18']);
  });

  it('plural forms of "lives on site"', () => {
    expect(spanTexts(matchIndicators('Casa del centro. Las chicas viven en la casa y atienden todo el día.', { language: 'es' }), 'control.lives-onsite')).toEqual(['viven en la casa']);
    expect(spanTexts(matchIndicators('New faces weekly. The girls live on site. Call now.', { language: 'en' }), 'control.lives-onsite')).toEqual(['live on site']);
    expect(spanTexts(matchIndicators('Casa discreta. As meninas moram na casa. Agende já.', { language: 'pt' }), 'control.lives-onsite')).toEqual(['moram na casa']);
  });

  it('phrases do not run across a sentence that ends a line', () => {
    expect(ids(matchIndicators('Safe and discreet, protection always.\nAvailable now in my apartment.', { language: 'en' }))).not.toContain('availability.24-7');
    expect(ids(matchIndicators('Rates negotiable, call any.\nTime is money.', { language: 'en' }))).not.toContain('availability.24-7');
    // A line break alone, or a dot between words, still joins them.
    expect(ids(matchIndicators('Always\navailable for you.', { language: 'en' }))).toContain('availability.24-7');
    expect(ids(matchIndicators('Soy Vale, hago sin.condón.', { language: 'es' }))).toContain('services.unprotected');
  });

  it('non-negatable cues that begin with a negation word still fire', () => {
    expect(ids(matchIndicators('Text only, no calls please.', { language: 'en' }))).toContain('contact.messages-only');
    expect(ids(matchIndicators('Se necesitan chicas, no se requiere experiencia.', { language: 'es' }))).toContain('recruit.no-experience');
  });
});

describe('hidden characters and disguise', () => {
  it('zero-width characters inside "menor" still match and are flagged', () => {
    const ad = 'Tengo chica m\u200Be\u200Bn\u200Bo\u200Br de edad disponible hoy';
    const r = matchIndicators(ad, { language: 'es' });
    expect(ids(r)).toContain('youth.minor-explicit');
    expect(ids(r)).toContain('evasion.hidden-characters');
    expect(r.hiddenCharacters.zeroWidth).toBe(4);
    const span = r.matches.find((m) => m.id === 'youth.minor-explicit')?.spans[0];
    expect(span?.text).toBe('chica m\u200Be\u200Bn\u200Bo\u200Br de edad');
  });

  it('a right-to-left override that reverses a word is undone and flagged', () => {
    const ad = 'Disponible \u202Ealaigeloc\u202C para ti';
    const r = matchIndicators(ad, { language: 'es' });
    expect(ids(r)).toEqual(expect.arrayContaining(['youth.schoolgirl', 'evasion.hidden-characters']));
    expect(r.hiddenCharacters.reversed).toBe(true);
  });

  it('Cyrillic look-alikes are folded and flagged', () => {
    const r = matchIndicators('c\u043Elegi\u0430la discreta', { language: 'es' });
    expect(ids(r)).toEqual(expect.arrayContaining(['youth.schoolgirl', 'evasion.homoglyphs']));
  });

  it('leetspeak is folded', () => {
    expect(ids(matchIndicators('n0v1nha gostosa', { language: 'pt' }))).toContain('youth.young-terms');
  });

  it('emoji cues are found anywhere', () => {
    const r = matchIndicators('Dulce🍒 y tierna 🍭', { language: 'es' });
    expect(spanTexts(r, 'youth.emoji')).toEqual(['🍒', '🍭']);
  });
});

describe('language handling', () => {
  it("'und' runs every lexicon", () => {
    const r = matchIndicators('novinha, colegiala, schoolgirl', { language: 'und' });
    expect(r.language).toBe('und');
    expect(spanTexts(r, 'youth.schoolgirl').length).toBe(2);
    expect(ids(r)).toContain('youth.young-terms');
    expect(r.lexiconVersions).toMatchObject({ es: '1.0.1', en: '1.0.1', pt: '1.0.1', any: '1.0.0' });
  });

  it('a given language skips detection and other lexicons', () => {
    const r = matchIndicators('novinha colegiala', { language: 'es' });
    expect(r.languageConfidence).toBeUndefined();
    expect(ids(r)).not.toContain('youth.young-terms');
  });

  it('short texts fall back to every lexicon', () => {
    const r = matchIndicators('Novinha 🍒');
    expect(r.language).toBe('und');
    expect(ids(r)).toContain('youth.young-terms');
  });
});

describe('bad input', () => {
  it('cuts huge texts and reports truncation', () => {
    const ad = `colegiala ${'bla '.repeat(100_000)} menor de edad`;
    const r = matchIndicators(ad, { language: 'es' });
    expect(r.truncated).toBe(true);
    expect(r.originalLength).toBe(ad.length);
    expect(ids(r)).toContain('youth.schoolgirl');
    expect(ids(r)).not.toContain('youth.minor-explicit');
  });

  it('binary junk and lone surrogates do not crash', () => {
    const junk = `\uD800\uDC00\uDFFF\uD83D menor de edad \u0000\u0001${String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 65536))}`;
    const r = matchIndicators(junk);
    for (const m of r.matches) for (const s of m.spans) expect(junk.slice(s.start, s.end)).toBe(s.text);
    expect(ids(matchIndicators(junk, { language: 'es' }))).toContain('youth.minor-explicit');
    expect(matchIndicators('').matches).toEqual([]);
  });
});
