import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG, type IndicatorId, type IndicatorMatch } from '../text/index.js';
import { DEFAULT_RISK_CONFIG, riskScore } from './score.js';

const match = (id: IndicatorId): IndicatorMatch => {
  const meta = INDICATOR_CATALOG[id];
  return { id, ...meta, occurrences: 1, spans: [{ start: 0, end: 3, text: 'abc' }] };
};
const ALL_IDS = Object.keys(INDICATOR_CATALOG) as IndicatorId[];

describe('riskScore', () => {
  it('gives the bias alone for an ad with no features', () => {
    const r = riskScore({ indicators: [] });
    expect(r.logit).toBe(DEFAULT_RISK_CONFIG.bias);
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(3)), 4);
    expect(r.breakdown).toEqual([]);
  });

  it('breakdown contributions add up to the logit', () => {
    const r = riskScore({
      indicators: [match('youth.schoolgirl'), match('third-party.new-girls'), match('movement.new-in-town')],
      entitySignals: { obfuscatedPhone: true, adsSharingPhone: 8, citiesSharingPhone: 3, namesSharingPhone: 4 },
      media: { bankMatches: 1, minDistance: 10 },
    });
    const sum = r.breakdown.reduce((a, b) => a + b.contribution, 0);
    expect(r.bias + sum).toBeCloseTo(r.logit, 3);
    expect(r.breakdown.map((b) => b.source)).toEqual(expect.arrayContaining(['indicator', 'entity', 'media']));
    expect(r.breakdown[0]?.id).toBe('media.bank-match'); // largest first
    expect(r.breakdown.find((b) => b.id === 'entity.phone-shared-ads')?.value).toBe(3); // log2(8)
    for (const b of r.breakdown) expect(b.explanation.length).toBeGreaterThan(10);
  });

  it('ten weak cues never outweigh one strong cue', () => {
    const weak = ALL_IDS.filter((id) => INDICATOR_CATALOG[id].evidence === 'weak').map(match);
    expect(weak.length).toBeGreaterThanOrEqual(8);
    const many = riskScore({ indicators: weak });
    const strong = riskScore({ indicators: [match('youth.minor-explicit')] });
    expect(many.score).toBeLessThan(strong.score);
    expect(many.logit - DEFAULT_RISK_CONFIG.bias).toBeLessThanOrEqual(DEFAULT_RISK_CONFIG.weakEvidenceCap + 1e-9);
    expect(many.breakdown.some((b) => b.capped)).toBe(true);
  });

  it('caps a category: stacking youth terms saturates', () => {
    const youth = ALL_IDS.filter((id) => INDICATOR_CATALOG[id].category === 'youth').map(match);
    const r = riskScore({ indicators: youth });
    const youthTotal = r.breakdown.filter((b) => b.category === 'youth' && b.evidence !== 'weak').reduce((a, b) => a + b.contribution, 0);
    expect(youthTotal).toBeLessThanOrEqual((DEFAULT_RISK_CONFIG.categoryCaps.youth ?? 0) + 1e-3);
  });

  it('is monotone: adding an indicator never lowers the score', () => {
    let seed = 9;
    const rnd = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let t = 0; t < 300; t++) {
      const base = ALL_IDS.filter(() => rnd() < 0.25);
      const extra = ALL_IDS[Math.floor(rnd() * ALL_IDS.length)] as IndicatorId;
      if (base.includes(extra)) continue;
      const before = riskScore({ indicators: base.map(match) });
      const after = riskScore({ indicators: [...base, extra].map(match) });
      expect(after.logit, `${base.join(',')} + ${extra}`).toBeGreaterThanOrEqual(before.logit - 1e-9);
    }
  });

  it('score stays in [0, 1] for extreme inputs', () => {
    const r = riskScore({ indicators: ALL_IDS.map(match), entitySignals: { adsSharingPhone: 1e9, citiesSharingPhone: Number.POSITIVE_INFINITY }, media: { bankMatches: 5, minDistance: -4 } });
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(Number.isFinite(r.logit)).toBe(true);
  });

  it('closer media matches weigh more', () => {
    const near = riskScore({ indicators: [], media: { bankMatches: 1, minDistance: 0 } });
    const far = riskScore({ indicators: [], media: { bankMatches: 1, minDistance: 31 } });
    expect(near.score).toBeGreaterThan(far.score);
    expect(far.score).toBeGreaterThan(riskScore({ indicators: [] }).score);
  });

  it('config overrides weights and caps', () => {
    const config = { ...DEFAULT_RISK_CONFIG, version: 'test', indicatorWeights: { 'movement.new-in-town': 2 }, categoryCaps: {}, weakEvidenceCap: Number.POSITIVE_INFINITY };
    const r = riskScore({ indicators: [match('movement.new-in-town')] }, config);
    expect(r.logit).toBeCloseTo(-1, 6);
    expect(r.configVersion).toBe('test');
  });
});

describe('riskScore: quoted indicators', () => {
  it('counts a quoted-only indicator at half weight and says so', () => {
    const quoted: IndicatorMatch = { ...match('youth.schoolgirl'), quoted: true, spans: [{ start: 0, end: 3, text: 'abc', quoted: true }] };
    const full = riskScore({ indicators: [match('youth.schoolgirl')] });
    const half = riskScore({ indicators: [quoted] });
    const w = INDICATOR_CATALOG['youth.schoolgirl'].weight;
    expect(half.logit).toBeCloseTo(DEFAULT_RISK_CONFIG.bias + w / 2, 4);
    expect(half.score).toBeLessThan(full.score);
    expect(half.breakdown[0]?.value).toBe(0.5);
    expect(half.breakdown[0]?.explanation).toContain('quotation marks');
    expect(full.breakdown[0]?.explanation).not.toContain('quotation marks');
  });
});
