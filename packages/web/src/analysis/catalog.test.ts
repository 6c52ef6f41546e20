import { INDICATOR_CATALOG, INDICATOR_CATALOG_VERSION as CORE_VERSION, INDICATOR_CATEGORIES } from '@centinela/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { INDICATOR_CATALOG_VERSION, INDICATORS_BY_CATEGORY } from './catalog';

describe('the UI indicator list', () => {
  it('follows the core catalog: same ids, same categories, and a label in both languages for each', () => {
    expect(INDICATOR_CATALOG_VERSION).toBe(CORE_VERSION);
    const core = INDICATOR_CATALOG as Record<string, { category: string }>;
    const ui = INDICATORS_BY_CATEGORY.flatMap(([category, ids]) => ids.map((id) => [id, category]));
    expect(ui.map(([id]) => id).sort()).toEqual(Object.keys(core).sort());
    for (const [id, category] of ui) expect(core[id!]!.category, id).toBe(category);
    expect(INDICATORS_BY_CATEGORY.map(([c]) => c).sort()).toEqual([...INDICATOR_CATEGORIES].sort());
    for (const [id] of ui) {
      expect(es).toHaveProperty([`indicator.${id}`]);
      expect(en).toHaveProperty([`indicator.${id}`]);
    }
    for (const c of INDICATOR_CATEGORIES) expect(es).toHaveProperty([`category.${c}`]);
  });
});
