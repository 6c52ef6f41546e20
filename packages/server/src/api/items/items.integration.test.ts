import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseItem } from '../../services/itemAnalysis.js';
import { ADS } from '../../test/ads.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('items API on %s', (dialect) => {
  let t: TestApp;
  let analyst: Session;
  let investigator: Session;
  let partnerKey: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    analyst = (await t.userWithRoles(['analyst'])).session;
    investigator = (await t.userWithRoles(['investigator'])).session;
    const admin = await t.admin();
    partnerKey = (await t.as(admin, 'POST', '/api/v1/api-keys', { name: 'Plataforma Ejemplo', scopes: ['items:write'] })).json().secret;
  });
  afterAll(() => t.close());

  const asPartner = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/items', headers: { authorization: `Bearer ${partnerKey}` }, payload: payload as object });
  const auditRows = (action: string) =>
    t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();

  it('ingests a partner batch idempotently, as source partner, and queues the analysis', async () => {
    const batch = { items: [{ ...ADS.esRisky, source: 'crawl' }, ADS.enRisky, ADS.ptRisky] };
    const first = await asPartner(batch);
    expect(first.statusCode).toBe(200);
    const created = first.json() as { items: Array<{ index: number; id: string; status: string }> };
    expect(first.json()).toMatchObject({ received: 3, created: 3, unchanged: 0, invalid: [] });
    expect(created.items.map((i) => [i.index, i.status])).toEqual([[0, 'created'], [1, 'created'], [2, 'created']]);
    const again = (await asPartner(batch)).json();
    expect(again).toMatchObject({ received: 3, created: 0, unchanged: 3, invalid: [] });
    // The same entries name the same items the second time.
    expect(again.items).toEqual(created.items.map((i) => ({ ...i, status: 'unchanged' })));
    const rows = await t.runtime.deps.db.selectFrom('item').select(['source', 'ingested_by']).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.source === 'partner' && r.ingested_by.startsWith('apiKey:'))).toBe(true);
    if (dialect === 'sqlite') {
      const jobs = await t.runtime.deps.db.selectFrom('job').select('task').where('task', '=', 'analyze.item').execute();
      expect(jobs).toHaveLength(3); // the second, unchanged batch queued nothing new
    }
    expect((await auditRows('item.ingest'))[0]).toMatchObject({ actor_type: 'apiKey', outcome: 'success' });
  });

  it('takes 1,000 items per batch, reports invalid ones by index and stores the rest; refuses 1,001', async () => {
    const items: unknown[] = Array.from({ length: 1000 }, (_, i) => ({ url: `https://lote.ejemplo.test/${i}`, text: `Anuncio de prueba número ${i}` }));
    items[10] = { url: 'https://lote.ejemplo.test/10' };
    items[500] = 42;
    items[999] = { url: 'not a url', text: 'x' };
    const res = await t.as(analyst, 'POST', '/api/v1/items', { items });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 1000, created: 997, unchanged: 0 });
    expect(body.invalid.map((i: { index: number }) => i.index)).toEqual([10, 500, 999]);
    expect(body.items).toHaveLength(997);
    expect(body.items.some((i: { index: number }) => [10, 500, 999].includes(i.index))).toBe(false);
    const stored = await t.runtime.deps.db.selectFrom('item').select('source').where('url', 'like', 'https://lote.ejemplo.test/%').execute();
    expect(stored).toHaveLength(997);
    expect(stored.every((r) => r.source === 'import')).toBe(true);

    const tooMany = await t.as(analyst, 'POST', '/api/v1/items', { items: [...items, { text: 'uno más' }].map((_, i) => ({ text: `más ${i}` })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('validation.failed');
    expect(await t.runtime.deps.db.selectFrom('item').select('id').where('text', 'like', 'más %').execute()).toHaveLength(0);
    expect((await t.as(analyst, 'POST', '/api/v1/items', { items: [] })).statusCode).toBe(400);
  });

  it('requires investigators to state a purpose, and audits every search and read with it', async () => {
    for (const row of await t.runtime.deps.db.selectFrom('item').select('id').where('source', '=', 'partner').execute()) {
      await analyseItem(t.runtime.deps, row.id);
    }
    const refused = await t.as(investigator, 'GET', '/api/v1/items?sort=score');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('item.purpose_required');

    const purpose = 'Investigación 2026-114: red de anuncios en Bogotá';
    const res = await t.as(investigator, 'GET', `/api/v1/items?sort=score&source=partner&entityType=phone&purpose=${encodeURIComponent(purpose)}&legalBasis=${encodeURIComponent('Orden judicial 77')}`);
    expect(res.statusCode).toBe(200);
    const { items, next } = res.json();
    expect(next).toBeNull();
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ source: 'partner', language: expect.any(String), riskScore: expect.any(Number) });
    const search = (await auditRows('item.search'))[0]!;
    expect(search).toMatchObject({ actor_type: 'user', actor_id: investigator.userId, purpose, legal_basis: 'Orden judicial 77' });
    // Which filters, never their values.
    expect(JSON.parse(search.details)).toMatchObject({ filters: ['entityType', 'source'], entityType: 'phone', sort: 'score', results: items.length });

    const id = items[0].id as string;
    expect((await t.as(investigator, 'GET', `/api/v1/items/${id}`)).json().code).toBe('item.purpose_required');
    const one = await t.as(investigator, 'GET', `/api/v1/items/${id}?purpose=${encodeURIComponent(purpose)}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().item).toMatchObject({ id, analysis: { indicators: expect.any(Array), entities: expect.any(Array), textOffset: expect.any(Number) } });
    expect((await auditRows('item.read'))[0]).toMatchObject({ target_type: 'item', target_id: id, purpose, actor_id: investigator.userId });

    // Analysts may search without a purpose; the search is still recorded.
    const count = (await auditRows('item.search')).length;
    expect((await t.as(analyst, 'GET', '/api/v1/items?limit=2')).statusCode).toBe(200);
    expect(await auditRows('item.search')).toHaveLength(count + 1);
    expect((await t.as(analyst, 'GET', '/api/v1/items/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('pages with the returned cursor and refuses a forged one', async () => {
    const ids: string[] = [];
    let url = '/api/v1/items?limit=200';
    for (;;) {
      const res = await t.as(analyst, 'GET', url);
      expect(res.statusCode).toBe(200);
      const { items, next } = res.json() as { items: Array<{ id: string }>; next: string | null };
      ids.push(...items.map((i) => i.id));
      if (!next) break;
      url = `/api/v1/items?limit=200&cursor=${encodeURIComponent(next)}`;
    }
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    const bad = await t.as(analyst, 'GET', '/api/v1/items?cursor=bm9wZQ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('item.invalid_cursor');
    expect((await t.as(analyst, 'GET', '/api/v1/items?minScore=2')).statusCode).toBe(400);
  });

  it('documents the item and analysis endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/items', '/api/v1/items/{id}', '/api/v1/analyze']) expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ScoreResult', 'Item', 'ItemSummary', 'ItemIngestCounts']));
  });

  it('POST /analyze returns the score JSON, cuts huge texts and survives junk', async () => {
    const res = await t.as(investigator, 'POST', '/api/v1/analyze', { text: `${ADS.esRisky.title}. ${ADS.esRisky.text}`, region: 'co' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ language: 'es', score: expect.any(Number), truncated: false, configVersion: expect.any(String) });
    expect(body.score).toBeGreaterThan(0);
    expect(body.score).toBeLessThanOrEqual(1);
    expect(body.indicators[0]).toEqual({
      id: expect.any(String),
      category: expect.any(String),
      weight: expect.any(Number),
      evidence: expect.any(String),
      label: expect.any(String),
      spans: expect.arrayContaining([{ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) }]),
    });
    expect(body.entities).toContainEqual(expect.objectContaining({ type: 'phone', normalized: '+573105551234', start: expect.any(Number), end: expect.any(Number) }));
    expect(body.breakdown.length).toBeGreaterThan(0);
    // Nothing is stored.
    expect(await t.runtime.deps.db.selectFrom('item').select('id').where('text', '=', ADS.esRisky.text).execute()).toHaveLength(1);

    const huge = await t.as(analyst, 'POST', '/api/v1/analyze', { text: 'Recién llegada. '.repeat(5000) });
    expect(huge.statusCode).toBe(200);
    expect(huge.json().truncated).toBe(true);
    const junk = await t.as(analyst, 'POST', '/api/v1/analyze', { text: '\u0000\uD800\u202Ejunk\uFFFF\u200B'.repeat(100) });
    expect(junk.statusCode).toBe(200);
    expect(junk.json().score).toBeGreaterThanOrEqual(0);
    const tooBig = await t.as(analyst, 'POST', '/api/v1/analyze', { text: 'x'.repeat(600 * 1024) });
    expect(tooBig.statusCode).toBe(413);
    expect((await t.as(analyst, 'POST', '/api/v1/analyze', { text: 5 })).statusCode).toBe(400);
  });
});
