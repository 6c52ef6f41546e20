// The cross-validated fit behind run.ts's "fitted on our set": deterministic folds, every ad scored out of fold.
import { describe, expect, it } from 'vitest';
import { loadAds } from './dataset.js';
import { crossValidateFit, foldOf } from './fitcv.js';

describe('eval/text fitted on our set', () => {
  it('assigns folds by a hash of the ad id: deterministic, every fold used', () => {
    const ads = loadAds();
    const folds = ads.map((a) => foldOf(a.id, 5));
    expect(ads.map((a) => foldOf(a.id, 5))).toEqual(folds);
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f).length).toBeGreaterThan(ads.length / 10);
  });

  it('scores every ad once out of fold, with both configurations, reproducibly', () => {
    const ads = loadAds();
    const a = crossValidateFit(ads);
    expect(a.prior.n).toBe(ads.length);
    expect(a.fitted.n).toBe(ads.length);
    expect(a.perFold.reduce((s, f) => s + f.n, 0)).toBe(ads.length);
    expect(a.fitted.auc).not.toBeNull();
    expect(crossValidateFit(ads).fitted).toEqual(a.fitted);
  });
});
