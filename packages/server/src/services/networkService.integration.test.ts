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
    const links = await t.runtime.deps.db.selectFrom('network_link').select(['item_id', 'value']).where('item_id', 'in', [p1!, p2!]).where('type', '=', 'image').execute();
    expect(new Set(links.map((l) => l.value))).toEqual(new Set([`pdq:${base}`]));
  });

  // One invented template, names, ages and cities changed, no contact shared.
  const templated = (name: string, age: number, city: string) =>
    `Hola amores, soy ${name}, tengo ${age} años y acabo de llegar a ${city} por pocos días. Atiendo en hotel o apartamento privado, ambiente discreto y limpio, fotos reales sin engaños, trato de novia y mucha paciencia. Escríbeme y te cuento mis horarios de esta semana.`;

  it('links ads written from one template into one network, with no contact in common', async () => {
    const ids = await add([
      { url: 'https://plantilla.ejemplo.test/1', text: templated('Lina', 21, 'Cali') },
      { url: 'https://plantilla.ejemplo.test/2', text: templated('Sofi', 23, 'Pereira') },
      { url: 'https://plantilla.ejemplo.test/3', text: 'Clases particulares de matemáticas y física para bachillerato, horarios flexibles en Cali.' },
    ]);
    for (const id of ids) await updateNetworksForItem(t.runtime.deps, id);
    const [x, y, z] = ids as [string, string, string];
    expect(await networkOf(x)).toBe(await networkOf(y));
    expect(await networkOf(z)).not.toBe(await networkOf(x));
    const cluster = (await t.runtime.deps.db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', '=', x).executeTakeFirstOrThrow()).cluster_id;
    const links = await t.runtime.deps.db.selectFrom('network_link').select(['item_id', 'value']).where('type', '=', 'template').where('item_id', 'in', [x, y]).execute();
    expect(links.map((l) => l.value)).toEqual([cluster, cluster]);
    // Templates are listed as clusters, not as entities of the network.
    const row = await t.runtime.deps.db.selectFrom('network').select('summary').where('id', '=', await networkOf(x)).executeTakeFirstOrThrow();
    const summary = JSON.parse(row.summary) as { entities: Array<{ type: string }>; clusters: Array<{ id: string; items: number }> };
    expect(summary.entities.filter((e) => e.type === 'template')).toEqual([]);
    expect(summary.clusters).toEqual([{ id: cluster, items: 2 }]);
  });

  it('retargets template links when clusters merge, and treats a template carried by too many ads as a hub', async () => {
    // Two ads that share too little (Jaccard ≈ 0.5), then a third close to both (≈ 0.7): their clusters merge.
    const parts = [
      'Masajes relajantes con aceites naturales y música suave',
      'toallas calientes en un espacio tranquilo del centro histórico',
      'depilación con cera tibia y cuidado completo de la piel',
      'productos veganos sin perfume para pieles muy sensibles',
      'pedicura y manicura completa con esmaltes de larga duración',
      'atención sin prisa de lunes a sábado con cita previa',
      'estacionamiento gratuito para clientes frente al local principal',
      'descuentos especiales para estudiantes y personas mayores cada mes',
    ];
    const ad = (from: number, to: number) => `${parts.slice(from, to).join(', ')}.`;
    const [m1, m2] = await add([
      { url: 'https://mezcla.ejemplo.test/1', text: ad(0, 6) },
      { url: 'https://mezcla.ejemplo.test/2', text: ad(2, 8) },
    ]);
    for (const id of [m1!, m2!]) await updateNetworksForItem(t.runtime.deps, id);
    expect(await networkOf(m1!)).not.toBe(await networkOf(m2!));
    const [m3] = await add([{ url: 'https://mezcla.ejemplo.test/3', text: ad(1, 7) }]);
    await updateNetworksForItem(t.runtime.deps, m3!);
    const clusterOf = async (id: string) => (await t.runtime.deps.db.selectFrom('cluster_sketch').select('cluster_id').where('item_id', '=', id).executeTakeFirstOrThrow()).cluster_id;
    const only = await clusterOf(m1!);
    expect([await clusterOf(m2!), await clusterOf(m3!)]).toEqual([only, only]);
    const links = await t.runtime.deps.db.selectFrom('network_link').select('value').where('type', '=', 'template').where('item_id', 'in', [m1!, m2!, m3!]).execute();
    expect(links.map((l) => l.value)).toEqual([only, only, only]);
    expect(new Set([await networkOf(m1!), await networkOf(m2!), await networkOf(m3!)]).size).toBe(1);

    // A third copy of the template over a limit of 2 ads: the template is a hub, listed with its reason, and links nothing.
    const [x] = await add([{ url: 'https://plantilla.ejemplo.test/4', text: templated('Vale', 22, 'Manizales') }]);
    await updateNetworksForItem(t.runtime.deps, x!, limits);
    const cluster = await clusterOf(x!);
    const hub = await t.runtime.deps.db.selectFrom('network_hub').selectAll().where('type', '=', 'template').executeTakeFirstOrThrow();
    expect(hub).toMatchObject({ value: cluster, reason: 'too-many-items', item_count: 3 });
    const members = await t.runtime.deps.db.selectFrom('cluster_sketch').select('item_id').where('cluster_id', '=', cluster).execute();
    const networks = new Set(await Promise.all(members.map((m) => networkOf(m.item_id))));
    expect(networks.size).toBe(3);
  });
});
