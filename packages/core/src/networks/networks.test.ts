import { describe, expect, it } from 'vitest';
import { adSketch, LshIndex, sketchSimilarity, decodeSignature, encodeSignature } from '../clusters/index.js';
import { DEMO_LIKE } from './testAds.js';
import { cityById, extractNames, foldPlace, hubReason, isPlaceholder, lookupCity, movementTimeline, postingCadence } from './index.js';

describe('gazetteer', () => {
  it('normalises accents, case, aliases and qualifiers to one city with es/en names and coordinates', () => {
    expect(foldPlace('  Bogotá, D.C. ')).toBe('bogota dc');
    const bogota = lookupCity('bogota');
    expect(bogota).toMatchObject({ country: 'CO', nameEs: 'Bogotá' });
    expect(lookupCity('BOGOTÁ D.C.')?.id).toBe(bogota?.id);
    for (const alias of ['CDMX', 'DF', 'Ciudad de México', 'mexico city']) expect(lookupCity(alias)).toMatchObject({ country: 'MX', nameEn: 'Mexico City', nameEs: 'Ciudad de México' });
    for (const alias of ['NYC', 'Nueva York', 'new york city']) expect(lookupCity(alias)).toMatchObject({ country: 'US', admin1: 'NY', nameEs: 'Nueva York' });
    const houston = lookupCity('Houston, TX');
    expect(houston).toMatchObject({ country: 'US', admin1: 'TX' });
    expect(houston!.lat).toBeCloseTo(29.76, 1);
    expect(lookupCity('Sevilla')).toMatchObject({ country: 'ES', nameEn: 'Seville' });
    expect(lookupCity('Seville')?.country).toBe('ES');
    expect(lookupCity('Montreal')).toMatchObject({ country: 'CA', nameEn: 'Montreal' });
    // Ambiguous names: the country hint, else the biggest.
    expect(lookupCity('San José')?.country).toBe('US'); // San Jose, California is the biggest
    expect(lookupCity('San José', { country: 'CR' })?.country).toBe('CR');
    expect(lookupCity('San José, Costa Rica')?.country).toBe('CR');
    expect(lookupCity('Córdoba')?.country).toBe('AR');
    expect(lookupCity('Córdoba', { country: 'ES' })?.country).toBe('ES');
    expect(lookupCity('Córdoba, España')?.country).toBe('ES');
    expect(cityById(bogota!.id)).toBe(bogota);
  });
  it('returns null for unknown or hostile input without throwing', () => {
    expect(lookupCity('Atlantis')).toBeNull();
    expect(lookupCity('')).toBeNull();
    expect(lookupCity(null)).toBeNull();
    expect(lookupCity('x'.repeat(100_000))).toBeNull();
  });
});

describe('names, hubs, timeline', () => {
  it('finds names after their cue phrases in es/en/pt, not ordinary capitalised words', () => {
    expect(extractNames('Hola soy Lina, nueva en la ciudad. Pregunta por CAMILA, soy amable')).toEqual(['Lina', 'Camila']);
    expect(extractNames("Hi I'm Lily, ask for Rose. I am New here")).toEqual(['Lily', 'Rose']);
    expect(extractNames('Oi, me chamo Ana e sou a Bia')).toEqual(['Ana', 'Bia']);
    expect(extractNames('Vendo bicicleta. Soy Nueva')).toEqual([]);
  });
  it('flags placeholders and entities linked to too many items or sites', () => {
    expect(isPlaceholder('phone', '+15555555555')).toBe(true);
    expect(isPlaceholder('phone', '+573105551234')).toBe(false);
    expect(isPlaceholder('email', 'tucorreo@gmail.com')).toBe(true);
    expect(hubReason('phone', '+573105551234', { items: 201, sites: 1 })).toBe('too-many-items');
    expect(hubReason('phone', '+573105551234', { items: 30, sites: 26 })).toBe('too-many-sites');
    expect(hubReason('phone', '+573105551234', { items: 30, sites: 3 })).toBeNull();
  });
  it('collapses consecutive sightings into stops and measures cadence', () => {
    const stops = movementTimeline([
      { itemId: 'c', at: '2026-11-15T10:00:00Z', cityId: 'cali' },
      { itemId: 'a', at: '2026-11-01T10:00:00Z', cityId: 'bog' },
      { itemId: 'b', at: '2026-11-02T10:00:00Z', cityId: 'bog' },
      { itemId: 'x', at: '2026-11-03T10:00:00Z', cityId: null },
      { itemId: 'd', at: '2026-11-20T10:00:00Z', cityId: 'bog' },
    ]);
    expect(stops.map((s) => [s.cityId, s.items])).toEqual([['bog', ['a', 'b']], ['cali', ['c']], ['bog', ['d']]]);
    expect(postingCadence(['2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z'])).toMatchObject({ posts: 3, medianGapHours: 18, firstSeen: '2026-11-01T00:00:00.000Z' });
    expect(postingCadence([])).toMatchObject({ posts: 0, medianGapHours: null });
  });
});

describe('stored sketches', () => {
  it('join the same ads as the in-memory index', () => {
    const index = new LshIndex();
    const sketches = DEMO_LIKE.map((t) => adSketch(t));
    DEMO_LIKE.forEach((text, i) => index.add({ id: String(i), text }));
    for (let i = 0; i < DEMO_LIKE.length; i++) {
      for (let j = i + 1; j < DEMO_LIKE.length; j++) {
        const a = sketches[i]!;
        const b = sketches[j]!;
        expect(sketchSimilarity(a.signature, b.signature)).toBeCloseTo(index.similarity(String(i), String(j)), 6);
      }
    }
    expect(decodeSignature(encodeSignature(sketches[0]!.signature))).toEqual(sketches[0]!.signature);
    expect(adSketch('hola')).toBeNull();
    expect(adSketch(DEMO_LIKE[0]!)!.whole).toBe(adSketch(DEMO_LIKE[0]!)!.whole);
  });
});

describe('PDQ multi-index keys', () => {
  it('a hash within distance 31 always shares a probe key with the stored one; the keys are bounded', async () => {
    const { pdqProbeKeys, pdqStoreKeys } = await import('./pdqKeys.js');
    const { mulberry32 } = await import('../stats/rng.js');
    const r = mulberry32(9);
    const hex = () => Array.from({ length: 64 }, () => Math.floor(r() * 16).toString(16)).join('');
    const flip = (h: string, bits: number) => {
      const b = h.split('').map((c) => parseInt(c, 16));
      const chosen = new Set<number>();
      while (chosen.size < bits) chosen.add(Math.floor(r() * 256));
      for (const bit of chosen) b[bit >> 2] = (b[bit >> 2] as number) ^ (1 << (bit & 3));
      return b.map((x) => x.toString(16)).join('');
    };
    for (let n = 0; n < 300; n++) {
      const h = hex();
      const near = flip(h, Math.floor(r() * 32));
      const probe = new Set(pdqProbeKeys(near));
      expect(pdqStoreKeys(h).some((k) => probe.has(k))).toBe(true);
      expect(pdqProbeKeys(near)).toHaveLength(272);
      expect(Math.max(...pdqStoreKeys(h))).toBeLessThan(2 ** 31);
    }
    expect(() => pdqStoreKeys('xyz')).toThrow();
  });
});
