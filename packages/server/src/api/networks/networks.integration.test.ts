import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeItemTask } from '../../jobs/tasks/analyzeItem.js';
import { rebuildNetworks, updateNetworksForItem } from '../../services/networkService.js';
import { DIALECTS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

// An invented templated family: one phone, four names, four cities, a week apart (no real person, phone or site).
const FAMILY = [
  ['Lina', 'Bogotá', '2026-11-01T10:00:00Z'],
  ['Sofi', 'Medellín', '2026-11-08T10:00:00Z'],
  ['Vale', 'Cali', '2026-11-15T10:00:00Z'],
  ['Dani', 'CDMX', '2026-11-22T10:00:00Z'],
].map(([name, city, postedAt], i) => ({
  url: `https://anuncios.ejemplo.test/${i}`,
  title: i === 3 ? 'Nuevas chicas <script>alert(1)</script>' : `Nuevas chicas en ${city}`,
  text: `Hola soy ${name}, recién llegada a ${city}. Tenemos nuevas chicas 24 horas, atención en hotel o domicilio, ambiente discreto y seguro, fotos reales y trato de novia. Llama al 310 555 1234. Por pocos días, no te lo pierdas.`,
  locationText: city,
  postedAt,
  region: 'CO',
}));

const OTHERS = [
  // Shares an e-mail (not the phone, not the template) with the family's first ad: same network, another cluster.
  { url: 'https://empleos.ejemplo.test/1', text: 'Trabajo en el exterior, pasaje pagado. Escribe a reclutadora.demo@ejemplo.test', locationText: 'Houston, TX', postedAt: '2026-11-03T10:00:00Z', region: 'US' },
  // Two unrelated ads carrying a placeholder address: must not be linked.
  { url: 'https://clasificados.ejemplo.test/a', text: 'Vendo bicicleta de montaña, poco uso. Escribe a tucorreo@gmail.com', locationText: 'Madrid', region: 'ES' },
  { url: 'https://clasificados.ejemplo.test/b', text: 'Clases de guitarra para principiantes. Contacto tucorreo@gmail.com', locationText: 'Lima', region: 'PE' },
];

describe.each(DIALECTS)('networks API on %s', (dialect) => {
  let t: TestApp;
  let analyst: Session;
  let investigator: Session;
  let caseworker: Session;
  let ids: string[] = [];
  let before = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    analyst = (await t.userWithRoles(['analyst'])).session;
    investigator = (await t.userWithRoles(['investigator'])).session;
    caseworker = (await t.userWithRoles(['caseworker'])).session;
    const family = FAMILY.map((a, i) => (i === 0 ? { ...a, text: `${a.text} Correo reclutadora.demo@ejemplo.test` } : a));
    const res = await t.as(analyst, 'POST', '/api/v1/items', { items: [...family, ...OTHERS] });
    expect(res.statusCode).toBe(200);
    ids = (res.json().items as Array<{ id: string }>).map((i) => i.id);
    const ctx = { deps: t.runtime.deps, jobId: 'j', workerId: 'w', attempt: 1, queue: t.runtime.queue };
    for (const id of ids) await analyzeItemTask.run({ itemId: id }, ctx);
    for (const r of await t.runtime.deps.db.selectFrom('item').select(['id', 'risk_score']).execute()) before.set(r.id, r.risk_score!);
    // Processed out of order: ids must not depend on it.
    for (const id of [...ids].reverse()) expect(await updateNetworksForItem(t.runtime.deps, id)).toBe('updated');
  });
  afterAll(() => t.close());

  const audit = (action: string) => t.runtime.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();

  it('queues the network update at the end of the analysis', async () => {
    if (dialect !== 'sqlite') return;
    const jobs = await t.runtime.deps.db.selectFrom('job').select('payload').where('task', '=', 'networks.updateForItem').execute();
    expect(jobs).toHaveLength(ids.length);
  });

  it('lists the family as one network with its cities, names and sites, and keeps hubs out', async () => {
    const res = await t.as(analyst, 'GET', '/api/v1/networks');
    expect(res.statusCode).toBe(200);
    const { networks, total } = res.json();
    expect(total).toBe(1);
    const n = networks[0];
    expect(n.id).toBe([...ids.slice(0, 5)].sort()[0]);
    expect(n).toMatchObject({ itemCount: 5, cityCount: 5, nameCount: 4, siteCount: 2 });
    expect(n.cities.map((c: { nameEn: string }) => c.nameEn).sort()).toEqual(['Bogotá', 'Cali', 'Houston', 'Medellín', 'Mexico City']);
    const byCity = await t.as(analyst, 'GET', `/api/v1/networks?city=${encodeURIComponent('Ciudad de México')}`);
    expect(byCity.json().networks.map((x: { id: string }) => x.id)).toEqual([n.id]);
    const byPhone = await t.as(analyst, 'GET', `/api/v1/networks?entityType=phone&entity=${encodeURIComponent('+573105551234')}`);
    expect(byPhone.json().total).toBe(1);
    expect((await t.as(analyst, 'GET', '/api/v1/networks?city=Atlantis')).json().code).toBe('network.unknown_city');
    expect((await t.as(analyst, 'GET', '/api/v1/networks?entity=x')).json().code).toBe('network.entity_filter');
    expect((await t.as(analyst, 'GET', '/api/v1/networks?limit=0')).statusCode).toBe(400);
    const search = (await audit('network.search'))[0]!;
    expect(JSON.parse(search.details)).toMatchObject({ filters: ['entityType'], entityType: 'phone', results: 1 });
    expect(search.details).not.toContain('573105551234');

    const hub = await t.as(analyst, 'GET', `/api/v1/entities/email/${encodeURIComponent('tucorreo@gmail.com')}`);
    expect(hub.statusCode).toBe(200);
    expect(hub.json().entity).toMatchObject({ hub: { reason: 'placeholder' }, itemCount: 2 });
    expect(new Set(hub.json().entity.networks.map((x: { id: string }) => x.id)).size).toBe(2);
  });

  it('shows a network with its timeline, entities, graph and template cluster', async () => {
    const { networks } = (await t.as(analyst, 'GET', '/api/v1/networks')).json();
    const res = await t.as(analyst, 'GET', `/api/v1/networks/${networks[0].id}`);
    expect(res.statusCode).toBe(200);
    const n = res.json().network;
    expect(n.timeline.map((s: { city: { nameEs: string } }) => s.city.nameEs)).toEqual(['Bogotá', 'Houston', 'Medellín', 'Cali', 'Ciudad de México']);
    expect(n.timeline[0].city.lat).toBeCloseTo(4.61, 1);
    expect(n.names).toEqual(['Dani', 'Lina', 'Sofi', 'Vale']);
    expect(n.cadence).toMatchObject({ posts: 5, medianGapHours: expect.any(Number) });
    expect(n.entities).toContainEqual({ type: 'phone', value: '+573105551234', items: 4 });
    expect(n.graph.nodes.filter((x: { kind: string }) => x.kind === 'item')).toHaveLength(5);
    expect(n.graph.edges.length).toBeGreaterThanOrEqual(6);
    expect(n.clusters).toEqual([{ id: expect.any(String), items: 4 }]);
    // The four templated ads meet at one template node of the graph; templates are not listed as entities.
    expect(n.graph.nodes.filter((x: { type: string }) => x.type === 'template')).toEqual([{ id: `template:${n.clusters[0].id}`, kind: 'entity', type: 'template', label: '×4' }]);
    expect(n.entities.some((e: { type: string }) => e.type === 'template')).toBe(false);

    const cluster = await t.as(analyst, 'GET', `/api/v1/clusters/${n.clusters[0].id}`);
    expect(cluster.statusCode).toBe(200);
    const c = cluster.json().cluster;
    expect(c.size).toBe(4);
    expect(c.template.some((p: { kind: string }) => p.kind === 'slot')).toBe(true);
    expect(c.template.filter((p: { kind: string }) => p.kind === 'text').map((p: { text: string }) => p.text).join('')).toContain('Tenemos nuevas chicas 24 horas');
    const fills = c.members.flatMap((m: { text: string; fills: Array<{ text: string; start: number; end: number }> }) => m.fills.map((f) => m.text.slice(f.start, f.end)));
    expect(fills).toEqual(expect.arrayContaining(['Lina', 'Sofi']));
    expect((await t.as(analyst, 'GET', '/api/v1/clusters/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.as(analyst, 'GET', '/api/v1/networks/not-a-uuid')).statusCode).toBe(400);
  });

  it('feeds the network signals into each member’s risk score with the reason', async () => {
    const item = (await t.as(analyst, 'GET', `/api/v1/items/${ids[1]}`)).json().item;
    expect(item.riskScore).toBeGreaterThan(before.get(ids[1]!)!);
    const stored = await t.runtime.deps.db.selectFrom('item').select('risk_breakdown').where('id', '=', ids[1]!).executeTakeFirstOrThrow();
    const breakdown = JSON.parse(stored.risk_breakdown!).breakdown as Array<{ id: string; explanation: string }>;
    expect(breakdown.find((b) => b.id === 'entity.phone-shared-cities')?.explanation).toMatch(/4 cities/);
    expect(breakdown.find((b) => b.id === 'entity.phone-shared-names')?.explanation).toMatch(/4 different names/);
    expect(breakdown.find((b) => b.id === 'entity.templated-text')?.explanation).toMatch(/shared by at least 4 ads/);
    // The lone ads get no network terms.
    const lone = await t.runtime.deps.db.selectFrom('item').select('risk_score').where('id', '=', ids[6]!).executeTakeFirstOrThrow();
    expect(lone.risk_score).toBe(before.get(ids[6]!));
  });

  it('gives the same clusters and networks after a full rebuild, and updates are idempotent', async () => {
    const snapshot = async () => ({
      networks: (await t.runtime.deps.db.selectFrom('network_item').select(['item_id', 'network_id']).orderBy('item_id').execute()),
      clusters: (await t.runtime.deps.db.selectFrom('cluster_sketch').select(['item_id', 'cluster_id']).orderBy('item_id').execute()),
      scores: (await t.runtime.deps.db.selectFrom('item').select(['id', 'risk_score']).orderBy('id').execute()),
    });
    const first = await snapshot();
    await updateNetworksForItem(t.runtime.deps, ids[2]!);
    expect(await snapshot()).toEqual(first);
    const result = await rebuildNetworks(t.runtime.deps);
    expect(result).toMatchObject({ items: ids.length, clusters: 1, networks: 1, hubs: 1 });
    expect(await snapshot()).toEqual(first);
  });

  it('exports CSV and an escaped HTML evidence summary in both languages, audited', async () => {
    const { networks } = (await t.as(analyst, 'GET', '/api/v1/networks')).json();
    const csv = await t.as(analyst, 'GET', `/api/v1/networks/${networks[0].id}/export?format=csv&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^network_id,item_id,seen_at/);
    expect(csv.body).toContain('Mexico City');
    const html = await t.as(analyst, 'GET', `/api/v1/networks/${networks[0].id}/export?format=html&lang=es`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Resumen de evidencia');
    expect(html.body).toContain('Ciudad de México');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('&lt;script&gt;');
    expect((await t.as(analyst, 'GET', `/api/v1/networks/${networks[0].id}/export?format=html&lang=en`)).body).toContain('Evidence summary');
    expect((await audit('network.export')).length).toBe(3);
  });

  it('is for analysts, investigators (with a purpose) and admins only', async () => {
    expect((await t.as(caseworker, 'GET', '/api/v1/networks')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/networks' })).statusCode).toBe(401);
    const refused = await t.as(investigator, 'GET', '/api/v1/networks');
    expect(refused.json().code).toBe('item.purpose_required');
    const purpose = 'Investigación 2026-7: red de anuncios';
    const { networks } = (await t.as(investigator, 'GET', `/api/v1/networks?purpose=${encodeURIComponent(purpose)}`)).json();
    const read = await t.as(investigator, 'GET', `/api/v1/networks/${networks[0].id}?purpose=${encodeURIComponent(purpose)}`);
    expect(read.statusCode).toBe(200);
    expect((await audit('network.read'))[0]).toMatchObject({ target_id: networks[0].id, purpose, actor_id: investigator.userId });
    const entity = await t.as(investigator, 'GET', `/api/v1/entities/phone/${encodeURIComponent('+573105551234')}?purpose=${encodeURIComponent(purpose)}`);
    expect(entity.json().entity).toMatchObject({ itemCount: 4, hub: null, names: ['Dani', 'Lina', 'Sofi', 'Vale'] });
    const entityAudit = (await audit('entity.read'))[0]!;
    expect(entityAudit.details).not.toContain('573105551234');
    expect((await t.as(analyst, 'GET', '/api/v1/entities/phone/%2B10000000000')).statusCode).toBe(404);
    expect((await t.as(analyst, 'GET', '/api/v1/entities/car/abc')).statusCode).toBe(400);
  });
});
