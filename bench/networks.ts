// Networks at the database (issue 5): incremental `updateNetworksForItem` latency per ad and the full rebuild, on
// SQLite in a temporary directory, over invented templated families that share phones across cities (es/en/pt),
// with unrelated ads as noise. Bounded: 3,000 ads by default (`NETWORKS_BENCH_ADS` to change).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config/config.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { cliActor } from '../packages/server/src/services/deps.js';
import { analyseItem } from '../packages/server/src/services/itemAnalysis.js';
import { ingestItems } from '../packages/server/src/services/itemService.js';
import { rebuildNetworks, updateNetworksForItem } from '../packages/server/src/services/networkService.js';
import { mulberry32 } from '../packages/core/src/stats/rng.js';

const NAMES = ['Lina', 'Sofi', 'Vale', 'Dani', 'Mia', 'Luna', 'Ana', 'Bia', 'Lily', 'Rose', 'Jade', 'Kim'];
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'CDMX', 'Guadalajara', 'Lima', 'Quito', 'Madrid', 'Houston, TX', 'NYC', 'Toronto', 'São Paulo'];
const TEMPLATES = [
  (n: string, c: string, p: string) => `Hola soy ${n}, recién llegada a ${c}. Atención en hotel o domicilio, ambiente discreto, fotos reales, trato de novia. Llama al ${p}. Por pocos días.`,
  (n: string, c: string, p: string) => `Hi I'm ${n}, new in ${c} for a few days only. Incall and outcall, real photos, discreet and friendly. Text me at ${p} for specials.`,
  (n: string, c: string, p: string) => `Oi, sou a ${n}, recém chegada em ${c}. Atendimento em hotel ou apartamento, fotos reais, carinhosa. WhatsApp ${p}. Poucos dias.`,
];

export async function run(): Promise<void> {
  const count = Number(process.env.NETWORKS_BENCH_ADS ?? 3000);
  const dir = mkdtempSync(path.join(tmpdir(), 'centinela-bench-networks-'));
  const runtime = await openRuntime(loadConfig({ CENTINELA_DATA_DIR: dir, CENTINELA_SECRET_KEY: randomBytes(32).toString('hex') }));
  try {
    const r = mulberry32(5);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
    const entries = Array.from({ length: count }, (_, i) => {
      if (r() < 0.2) return { url: `https://otros.ejemplo.test/${i}`, text: `Vendo artículo número ${i} en buen estado, ${Math.floor(r() * 1000)} dólares, entrega inmediata.`, region: 'CO' };
      const family = Math.floor(r() * (count / 20));
      const phone = `310 555 ${String(1000 + (family % 9000))}`;
      const tpl = TEMPLATES[family % TEMPLATES.length]!;
      return { url: `https://anuncios${family % 7}.ejemplo.test/${i}`, text: tpl(pick(NAMES), pick(CITIES), phone), locationText: pick(CITIES), region: 'CO', postedAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString() };
    });
    const ids: string[] = [];
    for (let i = 0; i < entries.length; i += 500) ids.push(...(await ingestItems(runtime.deps, cliActor, entries.slice(i, i + 500), { defaultSource: 'import' })).toAnalyse);
    const a0 = performance.now();
    for (const id of ids) await analyseItem(runtime.deps, id);
    const analyseSecs = (performance.now() - a0) / 1000;
    const lat: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      await updateNetworksForItem(runtime.deps, id);
      lat.push(performance.now() - t);
    }
    const tail = lat.slice(-Math.max(1, Math.floor(lat.length / 10))).sort((x, y) => x - y);
    const all = [...lat].sort((x, y) => x - y);
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
    const networks = await runtime.deps.db.selectFrom('network').select(['item_count']).where('item_count', '>=', 2).execute();
    const clusters = await runtime.deps.db.selectFrom('template_cluster').select('size').execute();
    console.log(
      `${ids.length} invented ads (analysis ${analyseSecs.toFixed(1)} s): incremental network update median ${q(all, 0.5).toFixed(1)} ms, p95 ${q(all, 0.95).toFixed(1)} ms; ` +
        `last 10% (bigger graph) median ${q(tail, 0.5).toFixed(1)} ms, p95 ${q(tail, 0.95).toFixed(1)} ms`,
    );
    console.log(`${networks.length} networks of ≥ 2 ads (largest ${Math.max(0, ...networks.map((n) => Number(n.item_count)))}), ${clusters.length} template clusters (largest ${Math.max(0, ...clusters.map((c) => Number(c.size)))})`);
    const r0 = performance.now();
    const rebuilt = await rebuildNetworks(runtime.deps);
    console.log(`full rebuild: ${rebuilt.items} ads in ${((performance.now() - r0) / 1000).toFixed(1)} s (${Math.round(rebuilt.items / ((performance.now() - r0) / 1000))} ads/s), ${rebuilt.networks} networks, ${rebuilt.clusters} clusters, ${rebuilt.hubs} hubs`);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
