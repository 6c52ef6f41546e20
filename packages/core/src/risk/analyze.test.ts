import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../text/index.js';
import { score } from './analyze.js';
import { calibrationReport } from './calibration.js';
import { configFromFit, featureVector, RISK_FEATURE_IDS } from './features.js';
import { fitLogistic } from './fit.js';
import { riskScore } from './score.js';

// Invented ads only.
const TRAFFICKING_LIKE_ES =
  'Tenemos nuevas chicas venezolanas recién llegadas 🍒 colegiala de 18 añitos, sin condón, atendemos 24/7 en ' +
  'hoteles y domicilios. Reservas con mi manager, te la llevamos. Escríbeme al wsp tres uno cero cinco cinco cinco uno dos tres cuatro';
const BENIGN_ES = 'Masajes relajantes con aceites esenciales en consultorio certificado. Cita previa de lunes a viernes. Tel 310 555 1234';

describe('score()', () => {
  it('returns the documented JSON shape', () => {
    const r = score(TRAFFICKING_LIKE_ES, { defaultRegion: 'CO' });
    expect(r.language).toBe('es');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.indicators.map((i) => i.id)).toEqual(
      expect.arrayContaining(['youth.schoolgirl', 'third-party.new-girls', 'services.unprotected', 'control.manager', 'control.driver']),
    );
    const phone = r.entities.find((e) => e.type === 'phone');
    expect(phone?.normalized).toBe('+573105551234');
    expect(r.breakdown.map((b) => b.id)).toContain('entity.obfuscated-phone');
    for (const i of r.indicators) for (const s of i.spans) expect(TRAFFICKING_LIKE_ES.slice(s.start, s.end)).toBe(s.text);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('ranks a trafficking-like ad above a benign one', () => {
    const benign = score(BENIGN_ES, { defaultRegion: 'CO' });
    expect(benign.score).toBeLessThan(0.1);
    expect(score(TRAFFICKING_LIKE_ES).score).toBeGreaterThan(benign.score);
  });

  it('link-graph and media signals raise the score and show in the breakdown', () => {
    const base = score(BENIGN_ES, { language: 'es' });
    const linked = score(BENIGN_ES, {
      language: 'es',
      entitySignals: { adsSharingPhone: 40, citiesSharingPhone: 6, namesSharingPhone: 9 },
      media: { bankMatches: 2, minDistance: 4 },
    });
    expect(linked.score).toBeGreaterThan(base.score);
    expect(linked.breakdown.map((b) => b.source)).toEqual(expect.arrayContaining(['entity', 'media']));
  });

  it('handles huge, binary and right-to-left input without crashing', () => {
    const huge = score(`${'colegiala '.repeat(5)}${'x'.repeat(2_000_000)}`);
    expect(huge.truncated).toBe(true);
    expect(huge.indicators.map((i) => i.id)).toContain('youth.schoolgirl');
    const junk = score(`\uD800\uDBFF\uDFFF\u0000${'\uFFFF\u0001'.repeat(300)}`);
    expect(junk.score).toBeGreaterThanOrEqual(0);
    const rtl = score('Chica \u202Ealaigeloc\u202C disponible hoy en el centro de la ciudad para caballeros', { language: 'es' });
    expect(rtl.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(['youth.schoolgirl', 'evasion.hidden-characters']));
    expect(rtl.hiddenCharacters.reversed).toBe(true);
  });

  it('a negated youth mention does not raise the score', () => {
    const plain = score('Chica independiente en el centro, atención a caballeros.', { language: 'es' });
    const negated = score('Chica independiente en el centro, atención a caballeros. No menores de edad.', { language: 'es' });
    expect(negated.score).toBe(plain.score);
  });
});

describe('refitting weights', () => {
  it('feature vectors line up with RISK_FEATURE_IDS and a fitted config scores consistently', () => {
    expect(RISK_FEATURE_IDS.length).toBe(Object.keys(INDICATOR_CATALOG).length + 6);
    // Invented labelled set: label 1 when a youth or control cue is present (a toy rule the fit must learn).
    const ads = [
      TRAFFICKING_LIKE_ES,
      BENIGN_ES,
      'Colegiala disponible, mi manager agenda las citas.',
      'Spa de masajes terapéuticos, atención profesional.',
      'Jovencita nueva, booking through my driver.',
      'Relaxing massage by licensed therapist, book online.',
      'Novinha, falar com o responsável.',
      'Massagem terapêutica com hora marcada.',
    ];
    const labels = [1, 0, 1, 0, 1, 0, 1, 0];
    const rows = ads.map((a) => {
      const r = score(a, { language: 'und' });
      return featureVector({ indicators: r.indicators, entities: r.entities });
    });
    const fit = fitLogistic(rows, labels, { l2: 0.5 });
    const config = configFromFit(fit, RISK_FEATURE_IDS, { version: 'fit-test' });
    const scores = ads.map((a) => score(a, { language: 'und', config }).score);
    const report = calibrationReport(scores, labels);
    expect(report.auc).toBe(1);
    expect(score(ads[0] ?? '', { config }).breakdown.every((b) => !b.capped)).toBe(true);
    expect(riskScore({ indicators: [] }, config).configVersion).toBe('fit-test');
  });
});

describe('score: quoted mentions', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    // [quoted-only, the same cue also unquoted, the cue unquoted]
    [
      'Noticia: la policía alerta sobre avisos con la palabra "colegiala".',
      'Noticia: la policía alerta sobre avisos con la palabra "colegiala". Soy colegiala.',
      'Noticia: la policía alerta sobre avisos con la palabra colegiala. Soy colegiala.',
    ],
    [
      "Warning: ads using the word 'schoolgirl' will be removed.",
      "Warning: ads using the word 'schoolgirl' will be removed. Naughty schoolgirl here.",
      'Warning: ads using the word schoolgirl will be removed. Naughty schoolgirl here.',
    ],
    [
      'Atenção: anúncios com a palavra “novinha” serão apagados.',
      'Atenção: anúncios com a palavra “novinha” serão apagados. Sou novinha.',
      'Atenção: anúncios com a palavra novinha serão apagados. Sou novinha.',
    ],
  ];
  it.each(cases)('scores lower when the cue is only quoted, fully when it also appears unquoted: %s', (quotedOnly, mixed, plain) => {
    const q = score(quotedOnly);
    const p = score(quotedOnly.replace(/["“”']/g, ''));
    expect(q.indicators.length).toBeGreaterThan(0);
    expect(q.indicators.some((i) => i.quoted === true)).toBe(true);
    expect(q.score).toBeLessThan(p.score);
    expect(q.breakdown.some((b) => b.explanation.includes('quotation marks'))).toBe(true);
    expect(score(mixed).score).toBe(score(plain).score);
    expect(score(mixed).breakdown.some((b) => b.explanation.includes('quotation marks'))).toBe(false);
  });

  it('featureVector uses the same 0.5 for a quoted-only indicator', () => {
    const r = score('Noticia: avisos con la palabra "colegiala".');
    const x = featureVector({ indicators: r.indicators, entities: r.entities });
    expect(x[RISK_FEATURE_IDS.indexOf('youth.schoolgirl')]).toBe(0.5);
  });
});

describe('network signals on a stored breakdown', () => {
  it('adds the link-graph terms with their reasons, replaces them on re-application, and matches a full score', async () => {
    const { applyNetworkSignals } = await import('./network.js');
    const { score } = await import('./analyze.js');
    const text = 'Nuevas chicas 24 horas, recién llegadas. Llama al 310 555 1234';
    const plain = score(text, { defaultRegion: 'CO' });
    const signals = { adsSharingPhone: 8, citiesSharingPhone: 3, namesSharingPhone: 4, templatedClusterSize: 6 };
    const full = score(text, { defaultRegion: 'CO', entitySignals: signals });
    const applied = applyNetworkSignals(plain.breakdown, signals);
    expect(applied.score).toBeCloseTo(full.score, 3);
    expect(applied.score).toBeGreaterThan(plain.score);
    expect(applied.breakdown.find((b) => b.id === 'entity.phone-shared-cities')?.explanation).toMatch(/3 cities/);
    expect(applied.breakdown.find((b) => b.id === 'entity.templated-text')?.explanation).toMatch(/template shared by at least 6 ads/);
    const again = applyNetworkSignals(applied.breakdown, { adsSharingPhone: 1 });
    expect(again.score).toBeCloseTo(plain.score, 3);
    expect(again.breakdown.some((b) => b.id.startsWith('entity.phone-shared') || b.id === 'entity.templated-text')).toBe(false);
  });
});
