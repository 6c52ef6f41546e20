import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../test/harness.js';
import { cliActor } from './deps.js';
import { analyseItem } from './itemAnalysis.js';
import { ingestItems } from './itemService.js';
import { rebuildNetworks, updateNetworksForItem } from './networkService.js';

// Invented ads: fictional 555 numbers, `.test` domains.
describe.each(DIALECTS)('network service on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const add = async (entries: Array<{ url: string; text?: string; title?: string; site?: string; mediaRefs?: string[] }>) => {
    const { counts, toAnalyse: ids } = await ingestItems(t.runtime.deps, cliActor, entries.map((e) => ({ region: 'CO', ...e })), { defaultSource: 'import' });
    expect(ids).toHaveLength(entries.length);
    expect(counts).toMatchObject({ created: entries.length });
    for (const id of ids) await analyseItem(t.runtime.deps, id);
    return ids;
  };
  const networkOf = async (id: string) => (await t.runtime.deps.db.selectFrom('network_item').select('network_id').where('item_id', '=', id).executeTakeFirstOrThrow()).network_id;
  const limits = { hubLimits: { maxItems: 2, maxSites: 25 } };

  it('merges networks an item bridges, and splits them when an entity turns into a hub', async () => {
    // b is the oldest item, so the merged network is named after it and keeps its name after the split: the case
    // where a stale member count could survive (the clock moves between ingests so the id order is fixed).
    const [b] = await add([{ url: 'https://dos.ejemplo.test/b', text: 'Clases de baile, escribe a bailarina.demo@ejemplo.test' }]);
    t.clock.advance(1000);
    const [a] = await add([{ url: 'https://uno.ejemplo.test/a', text: 'Masajes relajantes a domicilio. Llama al 310 555 7001.' }]);
    t.clock.advance(1000);
    for (const id of [a!, b!]) await updateNetworksForItem(t.runtime.deps, id, limits);
    expect(await networkOf(a!)).not.toBe(await networkOf(b!));

    // c carries a's phone and b's e-mail: one network, named after its oldest item.
    expect(b! < a!).toBe(true);
    t.clock.advance(1000);
    const [c] = await add([{ url: 'https://tres.ejemplo.test/c', text: 'Llama al 310 555 7001 o escribe a bailarina.demo@ejemplo.test' }]);
    await updateNetworksForItem(t.runtime.deps, c!, limits);
    const merged = b!;
    expect([await networkOf(a!), await networkOf(b!), await networkOf(c!)]).toEqual([merged, merged, merged]);
    expect(await t.runtime.deps.db.selectFrom('network').select('item_count').where('id', '=', merged).executeTakeFirstOrThrow()).toEqual({ item_count: 3 });

    // A third ad with the phone: over the limit of 2, the phone is a hub and links nothing any more.
    t.clock.advance(1000);
    const [d] = await add([{ url: 'https://cuatro.ejemplo.test/d', text: 'Vendo moto. Llamar al 310 555 7001' }]);
    await updateNetworksForItem(t.runtime.deps, d!, limits);
    const hub = await t.runtime.deps.db.selectFrom('network_hub').selectAll().executeTakeFirstOrThrow();
    expect(hub).toMatchObject({ type: 'phone', value: '+573105557001', reason: 'too-many-items', item_count: 3 });
    // b and c still share the e-mail; a and d are alone now.
    expect(await networkOf(b!)).toBe(await networkOf(c!));
    expect(await networkOf(a!)).not.toBe(await networkOf(b!));
    expect(await networkOf(d!)).not.toBe(await networkOf(a!));
    expect(await networkOf(d!)).not.toBe(await networkOf(b!));
    const sizes = (await t.runtime.deps.db.selectFrom('network').select(['id', 'item_count']).execute()).map((r) => Number(r.item_count)).sort();
    expect(sizes).toEqual([1, 1, 2]);
    // The rebuild agrees with the incremental result.
    const before = await t.runtime.deps.db.selectFrom('network_item').select(['item_id', 'network_id']).orderBy('item_id').execute();
    await rebuildNetworks(t.runtime.deps, cliActor, limits);
    expect((await t.runtime.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'network.rebuild').executeTakeFirstOrThrow()).details).toContain('"items":4');
    expect(await t.runtime.deps.db.selectFrom('network_item').select(['item_id', 'network_id']).orderBy('item_id').execute()).toEqual(before);
  });

  it('links exact image hashes, and takes huge, title-only and duplicate ads in bounded time', async () => {
    const hash = 'ab'.repeat(32);
    const copies = Array.from({ length: 30 }, (_, i) => ({ url: `https://copias.ejemplo.test/${i}`, text: 'Anuncio idéntico repetido muchas veces por el mismo anunciante en la misma ciudad, sin contacto.', mediaRefs: [`sha256:${hash}`] }));
    const ids = await add([
      ...copies,
      { url: 'https://grande.ejemplo.test/1', text: 'palabra '.repeat(12_500) },
      { url: 'https://titulo.ejemplo.test/1', title: 'Solo título' },
    ]);
    for (const id of ids) expect(await updateNetworksForItem(t.runtime.deps, id)).toBe('updated');
    const copyNetworks = new Set(await Promise.all(ids.slice(0, 30).map(networkOf)));
    expect(copyNetworks.size).toBe(1);
    const clusters = await t.runtime.deps.db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', 'in', ids.slice(0, 30)).execute();
    expect(new Set(clusters.map((c) => c.cluster_id)).size).toBe(1);
    // Exact duplicates share their first copy's buckets: only one set of band rows for all 30.
    const bands = await t.runtime.deps.db.selectFrom('cluster_band').select('item_id').where('item_id', 'in', ids.slice(0, 30)).execute();
    expect(new Set(bands.map((b) => b.item_id)).size).toBe(1);
    expect(await updateNetworksForItem(t.runtime.deps, '00000000-0000-7000-8000-000000000000')).toBe('missing');
  });

  it('links images whose PDQ hashes are within distance 31, not farther ones', async () => {
    const base = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';
    // 24 bits flipped (six hex digits xor f): a re-encoded copy of the same picture.
    const near = `${base.slice(0, 58)}${[...base.slice(58)].map((c) => (parseInt(c, 16) ^ 15).toString(16)).join('')}`;
    const far = [...base].map((c) => (parseInt(c, 16) ^ 15).toString(16)).join('');
    const [p1, p2, p3] = await add([
      { url: 'https://fotos.ejemplo.test/1', text: 'Anuncio con foto uno, sin contacto escrito.', mediaRefs: [`pdq:${base}`] },
      { url: 'https://fotos.ejemplo.test/2', text: 'Otro anuncio distinto, la misma foto recomprimida.', mediaRefs: [`pdq:${near.toUpperCase()}`] },
      { url: 'https://fotos.ejemplo.test/3', text: 'Un tercero con una foto diferente del todo.', mediaRefs: [`pdq:${far}`] },
    ]);
    for (const id of [p1!, p2!, p3!]) await updateNetworksForItem(t.runtime.deps, id);
    expect(await networkOf(p1!)).toBe(await networkOf(p2!));
    expect(await networkOf(p3!)).not.toBe(await networkOf(p1!));
    const links = await t.runtime.deps.db.selectFrom('network_link').select(['item_id', 'value']).where('item_id', 'in', [p1!, p2!]).execute();
    expect(new Set(links.map((l) => l.value))).toEqual(new Set([`pdq:${base}`]));
  });
});
