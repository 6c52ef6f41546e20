import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADS, PHONE_ES_RISKY } from '../test/ads.js';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';
import { cliActor } from './deps.js';
import { analyseItem } from './itemAnalysis.js';
import { listItems, type ItemQuery } from './itemSearch.js';
import { ingestItems } from './itemService.js';
import type { ItemSummary } from './itemPresenter.js';

const SITES = ['anuncios.ejemplo.test', 'classifieds.example.test', 'classificados.exemplo.test'];
const TEMPLATES = [ADS.esRisky, ADS.enRisky, ADS.ptRisky, ADS.esBenign, ADS.esJobLure];

describe.each(DIALECTS)('items: filters and keyset pagination on %s', (dialect) => {
  let t: TestApp;
  let all: ItemSummary[];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // 37 items: repeated templates (so scores tie), three sites, and capture times that collide in pairs.
    const entries = Array.from({ length: 37 }, (_, i) => {
      const ad = TEMPLATES[i % TEMPLATES.length]!;
      return {
        ...ad,
        url: `https://${SITES[i % SITES.length]}/ad/${i}`,
        text: `${ad.text} (ref ${Math.floor(i / 5)})`,
        capturedAt: new Date(Date.UTC(2026, 10, 1 + Math.floor(i / 2))).toISOString(),
        postedAt: i % 3 === 0 ? null : new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
      };
    });
    const { toAnalyse } = await ingestItems(t.runtime.deps, cliActor, entries, { defaultSource: 'import' });
    // Two items stay unanalysed: the score order must leave them out, the capture order must not.
    for (const id of toAnalyse.slice(2)) await analyseItem(t.runtime.deps, id);
    all = (await listItems(t.runtime.deps, { sort: 'captured', limit: 1000 })).items;
  });
  afterAll(() => t.close());

  /** Follows `next` to the end and returns every item seen. */
  async function walk(q: Omit<ItemQuery, 'cursor'>): Promise<ItemSummary[]> {
    const seen: ItemSummary[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listItems(t.runtime.deps, { ...q, cursor });
      expect(page.items.length).toBeLessThanOrEqual(q.limit);
      seen.push(...page.items);
      if (!page.next) return seen;
      cursor = page.next;
    }
    throw new Error('pagination did not end');
  }

  it('walks the capture order page by page without duplicates or gaps', async () => {
    expect(all).toHaveLength(37);
    for (const limit of [1, 4, 10, 37, 50]) {
      const seen = await walk({ sort: 'captured', limit });
      expect(seen.map((i) => i.id)).toEqual(all.map((i) => i.id));
    }
    const keys = all.map((i) => `${i.capturedAt}|${i.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('walks the score order (ties broken by id), analysed items only', async () => {
    const seen = await walk({ sort: 'score', limit: 4 });
    expect(seen).toHaveLength(35);
    expect(new Set(seen.map((i) => i.id)).size).toBe(35);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.riskScore! > b.riskScore! || (a.riskScore === b.riskScore && a.id > b.id)).toBe(true);
    }
    // An item scored after the first page was read never shows a page a second time or pushes one out.
    const first = await listItems(t.runtime.deps, { sort: 'score', limit: 5 });
    const late = await ingestItems(t.runtime.deps, cliActor, [{ ...ADS.enRisky, url: 'https://late.example.test/1' }], { defaultSource: 'import' });
    await analyseItem(t.runtime.deps, late.toAnalyse[0]!);
    const second = await listItems(t.runtime.deps, { sort: 'score', limit: 1000, cursor: first.next! });
    const firstIds = new Set(first.items.map((i) => i.id));
    expect(second.items.filter((i) => firstIds.has(i.id))).toEqual([]);
    const before = new Set([...firstIds, ...second.items.map((i) => i.id)]);
    expect(seen.every((i) => before.has(i.id))).toBe(true);
  });

  it('filters by score range, site, language, source and dates', async () => {
    const high = await walk({ sort: 'score', minScore: 0.5, limit: 7 });
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((i) => i.riskScore! >= 0.5)).toBe(true);
    const low = await walk({ sort: 'captured', maxScore: 0.2, limit: 7 });
    expect(low.every((i) => i.riskScore !== null && i.riskScore <= 0.2)).toBe(true);
    expect(high.length + low.length).toBeLessThan(37);

    const site = await walk({ sort: 'captured', site: SITES[1], limit: 5 });
    expect(site.map((i) => i.id)).toEqual(all.filter((i) => i.site === SITES[1]).map((i) => i.id));

    const pt = await walk({ sort: 'score', language: 'pt', limit: 3 });
    expect(pt.length).toBeGreaterThan(0);
    expect(pt.every((i) => i.language === 'pt' && i.title === ADS.ptRisky.title)).toBe(true);

    expect((await listItems(t.runtime.deps, { sort: 'captured', source: 'crawl', limit: 10 })).items).toEqual([]);

    const from = '2026-11-05T00:00:00.000Z';
    const to = '2026-11-08T00:00:00.000Z';
    const window = await walk({ sort: 'captured', capturedFrom: from, capturedTo: to, limit: 2 });
    expect(window.map((i) => i.id)).toEqual(all.filter((i) => i.capturedAt >= from && i.capturedAt < to).map((i) => i.id));
    expect(window).toHaveLength(6);
    const posted = await walk({ sort: 'captured', postedFrom: '2026-10-10T00:00:00.000Z', postedTo: '2026-10-20T00:00:00.000Z', limit: 3 });
    expect(posted.every((i) => i.postedAt! >= '2026-10-10' && i.postedAt! < '2026-10-20')).toBe(true);
    expect(posted.length).toBeGreaterThan(3);
  });

  it('filters by indicator and by entity (type and normalised value)', async () => {
    const schoolgirl = await walk({ sort: 'score', indicator: 'youth.schoolgirl', limit: 3 });
    expect(schoolgirl.length).toBeGreaterThan(0);
    expect(schoolgirl.every((i) => i.title === ADS.esRisky.title)).toBe(true);
    // Each listed item carries its strongest indicators, strongest first, at most five.
    for (const item of schoolgirl) {
      expect(item.indicators.map((x) => x.id)).toContain('youth.schoolgirl');
      expect(item.indicators.length).toBeLessThanOrEqual(5);
      const weights = item.indicators.map((x) => x.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }

    // The same phone in the risky ad and the bicycle ad links them.
    const phone = await walk({ sort: 'captured', entityType: 'phone', entityValue: PHONE_ES_RISKY, limit: 4 });
    expect(new Set(phone.map((i) => i.title))).toEqual(new Set([ADS.esRisky.title, ADS.esBenign.title]));
    expect((await walk({ sort: 'captured', entityType: 'email', entityValue: PHONE_ES_RISKY, limit: 4 }))).toEqual([]);
    const handles = await walk({ sort: 'captured', entityType: 'handle', limit: 50 });
    expect(handles.map((i) => i.title)).toContain(ADS.enRisky.title);
    expect(handles.map((i) => i.title)).not.toContain(ADS.esBenign.title);
  });

  it('cuts list snippets without splitting an emoji', async () => {
    const text = `${'a'.repeat(279)}😀 tail`;
    const { toAnalyse } = await ingestItems(t.runtime.deps, cliActor, [{ text, url: 'https://emoji.example.test/1' }], { defaultSource: 'import' });
    const page = await listItems(t.runtime.deps, { sort: 'captured', site: 'emoji.example.test', limit: 5 });
    expect(toAnalyse).toHaveLength(1);
    expect(page.items[0]!.snippet).toBe('a'.repeat(279));
  });

  it('refuses a malformed cursor or one from the other order', async () => {
    const page = await listItems(t.runtime.deps, { sort: 'captured', limit: 2 });
    await expect(listItems(t.runtime.deps, { sort: 'score', limit: 2, cursor: page.next! })).rejects.toMatchObject({ code: 'item.invalid_cursor' });
    await expect(listItems(t.runtime.deps, { sort: 'captured', limit: 2, cursor: 'garbage!' })).rejects.toMatchObject({ code: 'item.invalid_cursor' });
  });
});
