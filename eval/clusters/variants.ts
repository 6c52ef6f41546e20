// Method comparison for issue 5's clustering target, on the masked real ads (aggregate figures only).
// Each variant is a different pair rule or merge rule, scored like the production coarse stage:
//   candidates: loose MinHash-LSH (64 bands × 2 rows: a pair with Jaccard 0.3 is a candidate with p ≈ 0.998),
//   verification: the EXACT similarity on cleaned features (no MinHash estimate noise),
//   merge: single link (union-find) unless said otherwise.
// Nothing from the ads is printed: only precision / recall / ARI and counts.
import { cleanTokens } from '../../packages/core/src/clusters/clean.js';
import { hashString } from '../../packages/core/src/clusters/hash.js';
import { MinHasher } from '../../packages/core/src/clusters/minhash.js';
import { pairScores, type PairScores } from '../../bench/clusters.js';

export interface RealAds {
  texts: string[];
  /** Indices of the ads that carry a phone token (the scored ads). */
  scored: number[];
  /** Truth label per scored ad (shared-phone group). */
  truth: number[];
}

type Feat = Uint32Array; // sorted distinct feature hashes

const f3 = (x: number): string => x.toFixed(3);

function sortedSet(xs: number[]): Feat {
  const a = Uint32Array.from(new Set(xs));
  a.sort();
  return a;
}

function wordShingles(tokens: string[], k: number): Feat {
  const out: number[] = [];
  for (let i = 0; i + k <= tokens.length; i++) out.push(hashString(tokens.slice(i, i + k).join(' '), k));
  return sortedSet(out);
}

function charShingles(tokens: string[], k: number): Feat {
  const s = tokens.join(' ');
  const out: number[] = [];
  for (let i = 0; i + k <= s.length; i++) out.push(hashString(s.slice(i, i + k), 100 + k));
  return sortedSet(out);
}

/** Σ weight of the shared features (merge of two sorted arrays). */
function overlap(a: Feat, b: Feat, w?: Map<number, number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n += w ? (w.get(x) ?? 0) : 1;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function total(a: Feat, w?: Map<number, number>): number {
  if (!w) return a.length;
  let t = 0;
  for (const x of a) t += w.get(x) ?? 0;
  return t;
}

/** Candidate pairs (i < j) sharing a band of a loose LSH over the given feature sets. */
function candidates(sets: Feat[], minSize: number): Array<[number, number]> {
  const hasher = new MinHasher(128, 7);
  const buckets = new Map<string, number[]>();
  sets.forEach((s, i) => {
    if (s.length < minSize) return;
    const sig = hasher.signature(s);
    for (let b = 0; b < 64; b++) {
      const key = `${b}:${sig[2 * b]}:${sig[2 * b + 1]}`;
      let l = buckets.get(key);
      if (l === undefined) buckets.set(key, (l = []));
      l.push(i);
    }
  });
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const n = sets.length;
  for (const l of buckets.values())
    for (let x = 0; x < l.length; x++)
      for (let y = x + 1; y < l.length; y++) {
        const i = l[x] as number;
        const j = l[y] as number;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([i, j]);
      }
  return out;
}

function components(n: number, edges: Iterable<[number, number]>): (i: number) => number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const [a, b] of edges) parent[find(a)] = find(b);
  return find;
}

/**
 * Average-link flavoured merge: edges in decreasing similarity; two clusters merge only when at least `share` of
 * their cross pairs have similarity ≥ `cross` (a chain through one bridging pair is refused).
 */
function guardedMerge(n: number, edges: Array<[number, number, number]>, sim: (i: number, j: number) => number, low: number, cross: number, share: number): (i: number) => number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>();
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const sorted = edges.filter((e) => e[2] >= low).sort((a, b) => b[2] - a[2]);
  for (const [i, j] of sorted) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const A = members.get(a) ?? [a];
    const B = members.get(b) ?? [b];
    if (A.length * B.length > 1 && A.length * B.length <= 40_000) {
      let ok = 0;
      for (const x of A) for (const y of B) if (sim(x, y) >= cross) ok++;
      if (ok < share * A.length * B.length) continue;
    } else if (A.length * B.length > 40_000) continue;
    parent[b] = a;
    members.set(a, [...A, ...B]);
    members.delete(b);
  }
  return find;
}

/** Prints one line per variant and a verdict on the target; returns the variants' scores. */
export function methodComparison(real: RealAds, log: (line: string) => void): Array<{ name: string; s: PairScores }> {
  const n = real.texts.length;
  const tokens = real.texts.map((t) => cleanTokens(t));
  const w3 = tokens.map((t) => wordShingles(t, 3));
  const w1 = tokens.map((t) => wordShingles(t, 1));
  const c5 = tokens.map((t) => charShingles(t, 5));
  const indexed = (i: number): boolean => (w3[i] as Feat).length >= 5; // the production index's minShingles
  const score = (label: (i: number) => number | string): PairScores => pairScores(real.scored.map(label), real.truth);

  // Corpus idf (batch only: an incremental index would need document frequencies that drift as ads arrive).
  const idfOf = (sets: Feat[]): Map<number, number> => {
    const df = new Map<number, number>();
    for (const s of sets) for (const x of s) df.set(x, (df.get(x) ?? 0) + 1);
    const w = new Map<number, number>();
    for (const [x, d] of df) w.set(x, Math.log(n / d));
    return w;
  };
  const idf3 = idfOf(w3);
  const idf1 = idfOf(w1);
  const norm1 = w1.map((s) => Math.sqrt([...s].reduce((t, x) => t + (idf1.get(x) ?? 0) ** 2, 0)) || 1);

  const jac = (a: Feat, b: Feat, w?: Map<number, number>): number => {
    const o = overlap(a, b, w);
    const u = total(a, w) + total(b, w) - o;
    return u > 0 ? o / u : 0;
  };
  const cosine1 = (i: number, j: number): number => {
    const a = w1[i] as Feat;
    const b = w1[j] as Feat;
    let dot = 0;
    let x = 0;
    let y = 0;
    while (x < a.length && y < b.length) {
      const p = a[x] as number;
      const q = b[y] as number;
      if (p === q) {
        dot += (idf1.get(p) ?? 0) ** 2;
        x++;
        y++;
      } else if (p < q) x++;
      else y++;
    }
    return dot / ((norm1[i] as number) * (norm1[j] as number));
  };

  // Candidates: union of loose LSH over word 3-shingles, char 5-grams and words (every variant verifies exactly).
  const cand = new Map<number, [number, number]>();
  for (const sets of [w3, c5, w1]) for (const [i, j] of candidates(sets, 1)) if (indexed(i) && indexed(j)) cand.set(i * n + j, [i, j]);
  type Row = { i: number; j: number; w3: number; w3idf: number; c5: number; w1: number; cos1: number; minWords: number };
  const rows: Row[] = [];
  for (const [i, j] of cand.values()) {
    rows.push({
      i,
      j,
      w3: jac(w3[i] as Feat, w3[j] as Feat),
      w3idf: jac(w3[i] as Feat, w3[j] as Feat, idf3),
      c5: jac(c5[i] as Feat, c5[j] as Feat),
      w1: jac(w1[i] as Feat, w1[j] as Feat),
      cos1: cosine1(i, j),
      minWords: Math.min((tokens[i] as string[]).length, (tokens[j] as string[]).length),
    });
  }
  log(`method comparison (real ads): ${cand.size} candidate pairs from loose LSH (64×2 bands over 3-shingles, char 5-grams, words), each verified exactly`);

  const out: Array<{ name: string; s: PairScores }> = [];
  const single = (name: string, keep: (r: Row) => boolean): void => {
    const s = score(components(n, rows.filter(keep).map((r) => [r.i, r.j] as [number, number])));
    out.push({ name, s });
  };
  for (const t of [0.5, 0.6, 0.7]) single(`exact 3-shingle Jaccard ≥ ${t}`, (r) => r.w3 >= t);
  for (const t of [0.4, 0.5, 0.6]) single(`exact idf-weighted 3-shingle Jaccard ≥ ${t}`, (r) => r.w3idf >= t);
  for (const t of [0.5, 0.55, 0.6]) single(`exact char 5-gram Jaccard ≥ ${t}`, (r) => r.c5 >= t);
  for (const t of [0.5, 0.6, 0.7, 0.8]) single(`tf-idf word cosine ≥ ${t}`, (r) => r.cos1 >= t);
  for (const t of [0.3, 0.5, 0.7]) single(`word (unigram) Jaccard ≥ ${t}`, (r) => r.w1 >= t);
  for (const m of [40, 60]) single(`3-shingle Jaccard ≥ 0.6, both ads ≥ ${m} words`, (r) => r.w3 >= 0.6 && r.minWords >= m);
  single('3-shingle Jaccard ≥ 0.6 or (tf-idf cosine ≥ 0.8)', (r) => r.w3 >= 0.6 || r.cos1 >= 0.8);
  single('3-shingle Jaccard ≥ 0.6 or (word Jaccard ≥ 0.5 and 3-shingle ≥ 0.2)', (r) => r.w3 >= 0.6 || (r.w1 >= 0.5 && r.w3 >= 0.2));

  const simW3 = new Map<number, number>();
  const simW1 = new Map<number, number>();
  for (const r of rows) {
    simW3.set(r.i * n + r.j, r.w3);
    simW1.set(r.i * n + r.j, r.w1);
  }
  const lookup = (m: Map<number, number>) => (a: number, b: number): number => (a < b ? m.get(a * n + b) : m.get(b * n + a)) ?? 0;
  for (const [low, cross, share] of [
    [0.4, 0.2, 0.5],
    [0.3, 0.2, 0.3],
  ] as const) {
    const e = rows.map((r) => [r.i, r.j, r.w3] as [number, number, number]);
    out.push({ name: `guarded merge, 3-shingle: edge ≥ ${low}, ≥ ${share * 100}% cross pairs ≥ ${cross}`, s: score(guardedMerge(n, e, lookup(simW3), low, cross, share)) });
  }
  for (const [low, cross, share] of [
    [0.3, 0.25, 0.5],
    [0.4, 0.25, 0.5],
  ] as const) {
    const e = rows.map((r) => [r.i, r.j, r.w1] as [number, number, number]);
    out.push({ name: `guarded merge, word Jaccard: edge ≥ ${low}, ≥ ${share * 100}% cross pairs ≥ ${cross}`, s: score(guardedMerge(n, e, lookup(simW1), low, cross, share)) });
  }
  for (const { name, s } of out) log(`  ${name}: P ${f3(s.precision)} R ${f3(s.recall)} ARI ${f3(s.ari)}`);
  const meets = out.filter((v) => v.s.precision >= 0.92 && v.s.recall >= 0.3);
  const bestR = out.filter((v) => v.s.precision >= 0.92).sort((a, b) => b.s.recall - a.s.recall)[0];
  const bestP = out.filter((v) => v.s.recall >= 0.3).sort((a, b) => b.s.precision - a.s.precision)[0];
  log(`  target (P ≥ 0.92 and R ≥ 0.30): ${meets.length > 0 ? `met by ${meets.map((v) => v.name).join('; ')}` : 'met by none'}` +
    `; best recall at P ≥ 0.92: ${bestR ? `${f3(bestR.s.recall)} (${bestR.name})` : 'none'}` +
    `; best precision at R ≥ 0.30: ${bestP ? `${f3(bestP.s.precision)} (${bestP.name})` : 'none'}`);
  diagnostics(real, w3, indexed, log);
  return out;
}

/** Why the target is hard: where the false pairs and the true pairs of the reference clustering are (counts only). */
function diagnostics(real: RealAds, w3: Feat[], indexed: (i: number) => boolean, log: (line: string) => void): void {
  const jac = (a: Feat, b: Feat): number => {
    const o = overlap(a, b);
    return o / (a.length + b.length - o || 1);
  };
  let fp = 0;
  let fpNear = 0;
  let tp = 0;
  // Direct pairs (no chaining) at lower similarity levels: how many true and false pairs text alone can see.
  const levels = [0.2, 0.3, 0.5];
  const tpAt = levels.map(() => 0);
  const fpAt = levels.map(() => 0);
  for (let x = 0; x < real.scored.length; x++)
    for (let y = x + 1; y < real.scored.length; y++) {
      const i = real.scored[x] as number;
      const j = real.scored[y] as number;
      if (!indexed(i) || !indexed(j)) continue;
      const s = jac(w3[i] as Feat, w3[j] as Feat);
      levels.forEach((l, k) => {
        const counts = real.truth[x] === real.truth[y] ? tpAt : fpAt;
        if (s >= l) counts[k] = (counts[k] as number) + 1;
      });
      if (s < 0.6) continue;
      if (real.truth[x] === real.truth[y]) tp++;
      else {
        fp++;
        if (s >= 0.8) fpNear++;
      }
    }
  const groups = new Map<number, number[]>();
  real.truth.forEach((t, k) => {
    let g = groups.get(t);
    if (g === undefined) groups.set(t, (g = []));
    g.push(real.scored[k] as number);
  });
  const sizes = [...groups.values()].sort((a, b) => b.length - a.length);
  const pairs = (m: number): number => (m * (m - 1)) / 2;
  const allPairs = sizes.reduce((t, g) => t + pairs(g.length), 0);
  const big = sizes[0] ?? [];
  const within: number[] = [];
  for (let a = 0; a < big.length; a++) for (let b = a + 1; b < big.length; b++) within.push(jac(w3[big[a] as number] as Feat, w3[big[b] as number] as Feat));
  within.sort((a, b) => a - b);
  log(
    `  diagnostics: direct pairs with 3-shingle Jaccard ≥ 0.6 among ads with a phone: ${tp} same-phone, ${fp} different-phone ` +
      `(${fpNear} of those ≥ 0.8: near-identical texts under different phones); the largest phone group holds ` +
      `${f3(pairs(big.length) / (allPairs || 1))} of all true pairs and its members' median 3-shingle Jaccard is ${f3(within[Math.floor(within.length / 2)] ?? 0)}`,
  );
  log(
    `  diagnostics: of the ${allPairs} true pairs, the share whose two ads are directly similar (before any chaining): ` +
      levels.map((l, k) => `3-shingle Jaccard ≥ ${l}: ${f3((tpAt[k] as number) / (allPairs || 1))} (with ${fpAt[k]} different-phone pairs at that level, direct precision ${f3((tpAt[k] as number) / ((tpAt[k] as number) + (fpAt[k] as number) || 1))})`).join('; '),
  );
}

/**
 * A density rule (DBSCAN-like), tried and rejected: pairs at 3-shingle Jaccard ≥ `keep` always link; a looser pair
 * (≥ eps) links only when both ads are "core" (≥ minPts neighbours at ≥ eps); other ads attach to their most
 * similar core. Exact Jaccard over an inverted index of hashed shingles; batch only (core status changes as ads
 * arrive, and the border attachment depends on order).
 */
export function densityPartition(texts: readonly string[], eps: number, minPts: number, keep = 0.6): (i: number) => number {
  const n = texts.length;
  const sets = texts.map((t) => wordShingles(cleanTokens(t), 3));
  const postings = new Map<number, number[]>();
  sets.forEach((s, i) => {
    if (s.length < 5) return;
    for (const x of s) {
      let l = postings.get(x);
      if (l === undefined) postings.set(x, (l = []));
      l.push(i);
    }
  });
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    const a = sets[i] as Feat;
    if (a.length < 5) continue;
    const shared = new Map<number, number>();
    for (const x of a) for (const j of postings.get(x) as number[]) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, o] of shared) {
      const s = o / (a.length + (sets[j] as Feat).length - o);
      if (s >= Math.min(eps, keep)) edges.push([i, j, s]);
    }
  }
  const degree = new Array<number>(n).fill(0);
  for (const [i, j, s] of edges)
    if (s >= eps) {
      degree[i] = (degree[i] as number) + 1;
      degree[j] = (degree[j] as number) + 1;
    }
  const core = (i: number): boolean => (degree[i] as number) >= minPts;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const [i, j, s] of edges) if (s >= keep || (s >= eps && core(i) && core(j))) parent[find(i)] = find(j);
  const best = new Map<number, [number, number]>();
  for (const [i, j, s] of edges) {
    if (s < eps) continue;
    for (const [b, c] of [
      [i, j],
      [j, i],
    ] as const) {
      if (core(b) || !core(c)) continue;
      const cur = best.get(b);
      if (cur === undefined || cur[1] < s) best.set(b, [c, s]);
    }
  }
  for (const [b, [c]] of best) if (find(b) === b) parent[b] = find(c);
  return find;
}
