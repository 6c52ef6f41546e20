import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseItem } from '../../services/itemAnalysis.js';
import { runCliCaptured, writeDataFile } from '../../test/cli.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

// Invented ads: two templates (es, en) with slot words, an unrelated ad, an empty one and a one-word one.
const es = (name: string, age: number, city: string) =>
  `Hola amores, soy ${name}, tengo ${age} años y acabo de llegar a ${city}. Atiendo en hotel o apartamento privado, trato de novia, fotos reales sin engaños, pregunta por promociones de la semana.`;
const en = (name: string, city: string) =>
  `Hey gentlemen, my name is ${name} and I just arrived in ${city} for a few days only. Incall and outcall available, real photos, discreet and friendly, text me for specials this week.`;

describe('centinela cluster and networks rebuild', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());
  const file = (name: string, content: string) => writeDataFile(t.env.dataDir, name, content);
  const cli = (args: string[]) => runCliCaptured(args, t.env.env);

  it('prints one {id, cluster, template} line per ad and a summary; bad lines are reported and skipped', async () => {
    const ads = [
      { id: 'a1', text: es('Lina', 19, 'Bogotá') },
      { id: 'b1', text: en('Lily', 'Houston') },
      { id: 'a2', text: es('Sofía', 21, 'Medellín') },
      { id: 'a3', text: es('Valeria', 20, 'Cali') },
      { id: 'b2', text: en('Rose', 'Dallas') },
      { id: 'b3', text: en('Jade', 'Austin') },
      { id: 7, title: 'Vendo bicicleta', text: 'Bicicleta de montaña, poco uso, con casco y luces. Entrega en el norte de la ciudad.' },
      { id: 'empty', text: '' },
      { id: 'one', text: 'hola' },
    ];
    const lines = [...ads.map((a) => JSON.stringify(a)), '{not json', JSON.stringify({ text: 'no id' }), JSON.stringify({ id: 'a1', text: 'again' })];
    const res = await cli(['cluster', file('ads.jsonl', `${lines.join('\n')}\n`)]);
    expect(res.code).toBe(1); // some lines were refused; the rest is clustered
    const out = res.out.trim().split('\n').map((l) => JSON.parse(l));
    const rows = out.slice(0, -1) as Array<{ id: string; cluster: string | null; template: string | null }>;
    expect(rows.map((r) => r.id)).toEqual(['a1', 'b1', 'a2', 'a3', 'b2', 'b3', '7', 'empty', 'one']);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.a2!.cluster).toBe('a1');
    expect(by.a3!.cluster).toBe('a1');
    expect(by.b2!.cluster).toBe('b1');
    expect(by['7']!.cluster).toBeNull();
    expect(by.empty!.cluster).toBeNull();
    expect(by.a1!.template).toMatch(/^Hola amores, soy \{\{\d+\}\}, tengo \{\{\d+\}\} años/);
    expect(by.b1!.template).toContain('{{');
    expect(out.at(-1)).toMatchObject({ summary: { ads: 9, clusters: 2, clusteredAds: 6, unclusteredAds: 3, refusedLines: 3 } });
    expect(res.err).toMatch(/ads\.jsonl:10: not valid JSON/);
    expect(res.err).toMatch(/ads\.jsonl:11: "id"/);
    expect(res.err).toMatch(/ads\.jsonl:12: id "a1" already seen/);
    expect((await cli(['cluster', path.join(t.env.dataDir, 'missing.jsonl')])).code).toBe(2);
  });

  it('takes thousands of copies of one ad and an ad of 100,000 characters', async () => {
    const copies = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `c${i}`, text: es('Lina', 19, 'Bogotá') }));
    const huge = JSON.stringify({ id: 'huge', text: 'palabra distinta '.repeat(6250).slice(0, 100_000) });
    const res = await cli(['cluster', file('copies.jsonl', `${[...copies, huge].join('\n')}\n`)]);
    expect(res.code).toBe(0);
    const out = res.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(out.slice(0, 5000).map((r: { cluster: string }) => r.cluster))).toEqual(new Set(['c0']));
    expect(out.at(-1)).toMatchObject({ summary: { ads: 5001, clusteredAds: 5000, largestCluster: 5000 } });
  });

  it('networks rebuild recomputes clusters and networks from the stored items', async () => {
    const res = await t.as(await t.admin(), 'POST', '/api/v1/items', {
      items: ['Lina', 'Sofía', 'Valeria'].map((n, i) => ({ url: `https://anuncios.ejemplo.test/r${i}`, text: `${es(n, 20 + i, 'Quito')} Llama al 099 555 1234`, region: 'EC' })),
    });
    for (const { id } of res.json().items as Array<{ id: string }>) await analyseItem(t.runtime.deps, id);
    const out = await cli(['networks', 'rebuild']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.out)).toEqual({ items: 3, clusters: 1, networks: 1, hubs: 0 });
  });
});
