// `npm run eval:clusters`: template clustering quality (issue 5, "Measurement").
//  1. Masked real ads (../shared/data/ads/chainbreaker-ads-masked.csv, when present): contact tokens replaced by a
//     space, clustered, scored pairwise against the groups of ads sharing a phone token, over the ads that have one.
//     Aggregate figures only: nothing from that file is printed or stored.
//  2. Invented templated ads in es/en/pt (bench/clusters.ts generator) against their generating template.
// The InfoShield figures are those the issue reports for the authors' code run on this machine and data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterAds } from '../../packages/core/src/clusters/index.js';
import { inventTemplatedAds, pairScores, parseCsv, realDataFigures } from '../../bench/clusters.js';
import { networkLabels } from './networks.js';
import { densityPartition, methodComparison } from './variants.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => console.log(line);
const f3 = (x: number) => x.toFixed(3);

log('baseline (issue 5): InfoShield coarse precision 0.914 recall 0.214; fine 0.877 / 0.102; 5-word-shingle Jaccard ≥ 0.5: 0.87 / 0.23');
log('target: precision ≥ 0.92, recall ≥ 0.30');
const real = path.resolve(here, '../../../shared/data/ads/chainbreaker-ads-masked.csv');
if (existsSync(real)) {
  realDataFigures(real, log);
  await thresholdSweep(real);
} else log(`real ads: ${real} not found, skipped`);

/**
 * The density rule scores well on the real ads but merges distinct invented templates (they share vocabulary, so
 * every invented ad is a "core"): printed side by side so the rejection is reproducible.
 */
function densityCheck(texts: string[], scored: number[], truth: number[]): void {
  const invented = inventTemplatedAds(2_000, 40, 0.1, 7);
  for (const [eps, minPts] of [
    [0.15, 12],
    [0.2, 12],
    [0.2, 10],
  ] as const) {
    const real = densityPartition(texts, eps, minPts);
    const s = pairScores(scored.map(real), truth);
    const inv = densityPartition(invented.ads.map((a) => a.text), eps, minPts);
    const si = pairScores(invented.ads.map((_, i) => inv(i)), invented.truth);
    log(`  rejected: density links (3-shingle ≥ 0.6, or ≥ ${eps} between ads with ≥ ${minPts} such neighbours; border ads attach to their nearest core): real P ${f3(s.precision)} R ${f3(s.recall)} ARI ${f3(s.ari)}; invented es/en/pt (2,000) P ${f3(si.precision)} R ${f3(si.recall)} ARI ${f3(si.ari)}`);
  }
}

/**
 * Networks as the product builds them (template clusters, handles and any other link left once contacts are masked,
 * hub guards), scored like the clusters; and on invented templated ads, to show they keep distinct templates apart.
 */
async function networkCheck(texts: string[], scored: number[], truth: number[]): Promise<void> {
  const t0 = performance.now();
  const real = await networkLabels(texts, 'CA');
  const s = pairScores(scored.map((i) => real.network[i] as string), truth);
  const secs = (performance.now() - t0) / 1000;
  log(`real ads, networks (ingest → analysis → updateNetworksForItem on SQLite, ${secs.toFixed(1)} s): precision ${f3(s.precision)} recall ${f3(s.recall)} ARI ${f3(s.ari)}; links by type ${JSON.stringify(real.links)}, hubs ${JSON.stringify(real.hubs)}`);
  const invented = inventTemplatedAds(2_000, 40, 0.1, 7);
  const inv = await networkLabels(invented.ads.map((a) => a.text), 'CO');
  const si = pairScores(inv.network, invented.truth);
  log(`invented es/en/pt ads (2,000), networks: precision ${f3(si.precision)} recall ${f3(si.recall)} ARI ${f3(si.ari)} vs generating templates`);
}

/** The precision/recall trade-off of the coarse stage on the real ads: lower thresholds chain unrelated ads. */
async function thresholdSweep(file: string): Promise<void> {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const col = (rows[0] ?? []).indexOf('TEXT');
  if (col < 0) return;
  const ads: Array<{ id: string; text: string }> = [];
  const phones: string[][] = [];
  for (const row of rows.slice(1)) {
    const text = row[col];
    if (text === undefined) continue;
    phones.push([...new Set(text.match(/<PHONE7?_[0-9a-zA-Z]+>/g) ?? [])]);
    ads.push({ id: String(ads.length), text: text.replace(/<(?:PHONE7?|EMAIL)_[0-9a-zA-Z]+>/g, ' ') });
  }
  const parent = ads.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const first = new Map<string, number>();
  phones.forEach((ps, i) => {
    for (const p of ps) {
      const j = first.get(p);
      if (j === undefined) first.set(p, i);
      else parent[find(i)] = find(j);
    }
  });
  const withPhone = ads.map((_, i) => i).filter((i) => (phones[i] as string[]).length > 0);
  const truth = withPhone.map(find);
  methodComparison({ texts: ads.map((a) => a.text), scored: withPhone, truth }, log);
  await networkCheck(ads.map((a) => a.text), withPhone, truth);
  densityCheck(ads.map((a) => a.text), withPhone, truth);
  for (const k of [3, 4]) {
    const cells: string[] = [];
    for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      const res = clusterAds(ads, { fine: false, k, threshold });
      const s = pairScores(withPhone.map((i) => res.assignments.get(String(i)) ?? `single:${i}`), truth);
      cells.push(`t=${threshold} P ${f3(s.precision)} R ${f3(s.recall)}`);
    }
    log(`real ads, coarse, ${k}-word shingles: ${cells.join('; ')}`);
  }
}

for (const count of [2_000, 20_000]) {
  const { ads, truth } = inventTemplatedAds(count, Math.max(1, Math.round(count / 50)), 0.1, 7);
  for (const fine of [false, true]) {
    const t0 = performance.now();
    const res = clusterAds(ads, { fine });
    const secs = (performance.now() - t0) / 1000;
    const pred = ads.map((a) => res.assignments.get(a.id) ?? `single:${a.id}`);
    const s = pairScores(pred, truth);
    log(`invented es/en/pt ads (${count}, ${fine ? 'fine' : 'coarse'}): precision ${f3(s.precision)} recall ${f3(s.recall)} ARI ${f3(s.ari)} vs generating templates, ${res.clusters.length} clusters, ${secs.toFixed(2)} s`);
  }
}
