// The incremental coarse stage: MinHash-LSH buckets + verified pairs + union-find, in flat typed arrays.
import { GrowableInt32, GrowableUint16, U32Map } from './buffers.js';
import { cleanTokens, DEFAULT_MAX_CHARS } from './clean.js';
import { hashCombine } from './hash.js';
import { MinHasher } from './minhash.js';
import { shingleHashes, type ShingleOptions } from './shingles.js';
import type { Ad, AddResult, CoarseOptions } from './types.js';

type Resolved = Required<CoarseOptions>;

export const COARSE_DEFAULTS: Readonly<Resolved> = {
  k: 3,
  charK: 4,
  shortExtra: 3,
  numPerm: 128,
  bands: 32,
  rows: 4,
  threshold: 0.6,
  seed: 1,
  maxChars: DEFAULT_MAX_CHARS,
  maxTokens: 5000,
  minShingles: 5,
  maxBucketScan: 512,
};

/**
 * Incremental MinHash-LSH clustering. `add(ad)` hashes one ad, looks up its band buckets, verifies the candidates
 * by estimated Jaccard and unions the verified ones; nothing already indexed is recomputed.
 *
 * Partition: the connected components of "shares a band bucket and estimated Jaccard ≥ threshold". That relation
 * does not depend on insertion order, so adding ads one by one and rebuilding from scratch give the same partition
 * (exactly, as long as no band bucket holds more than `maxBucketScan` ads of different clusters; past that cap the
 * newest are examined first and the result may depend on order — with the same order it is still identical).
 *
 * Cluster ids: the id of the cluster's earliest-added member. A new ad never changes an existing cluster's id;
 * when an ad bridges two clusters the older id survives and the other is reported in `merged`.
 *
 * Memory per indexed ad: numPerm × 2 bytes of signature (values kept to their low 16 bits; a false 16-bit
 * collision has probability 1/65,536 per value, a negligible bias on the estimate) + bands × 4 bytes of bucket
 * links + ~16 bytes per distinct bucket; exact duplicates (identical signatures) are linked to their first copy
 * and add no bucket entries, so a million copies of one ad cost one bucket set.
 */
export class LshIndex {
  readonly options: Readonly<Resolved>;
  private readonly hasher: MinHasher;
  private readonly shingleOptions: ShingleOptions;
  private readonly ids: string[] = [];
  private readonly byId = new Map<string, number>();
  private readonly parent = new GrowableInt32(1024);
  private readonly clusterSize = new GrowableInt32(1024);
  private readonly visited = new GrowableInt32(1024, -1);
  private readonly sigs: GrowableUint16;
  private readonly next: GrowableInt32; // next[item * bands + band]: previous head of that bucket, -1 at the end
  private readonly heads = new U32Map(1024);
  private readonly exact = new U32Map(1024); // full-signature hash → first item with that signature
  private readonly scratch: Uint32Array;
  private indexedCount = 0;

  constructor(options: CoarseOptions = {}) {
    const o: Resolved = { ...COARSE_DEFAULTS, ...stripUndefined(options) };
    if (o.bands * o.rows > o.numPerm) throw new RangeError('bands × rows must not exceed numPerm');
    if (!(o.threshold > 0 && o.threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
    this.options = Object.freeze(o);
    this.hasher = new MinHasher(o.numPerm, o.seed);
    this.shingleOptions = { k: o.k, charK: o.charK, shortExtra: o.shortExtra };
    this.sigs = new GrowableUint16(1024 * o.numPerm);
    this.next = new GrowableInt32(1024 * o.bands, -1);
    this.scratch = new Uint32Array(o.numPerm);
  }

  /** Ads added so far (indexed or not). */
  get size(): number {
    return this.ids.length;
  }

  /** Ads with enough text to be indexed. */
  get indexed(): number {
    return this.indexedCount;
  }

  /** Approximate bytes held in typed arrays (signatures, links, tables). */
  get bytes(): number {
    return (
      this.sigs.data.byteLength +
      this.next.data.byteLength +
      this.parent.data.byteLength * 3 +
      this.heads.bytes +
      this.exact.bytes
    );
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The cluster id of an added ad, or undefined when unknown. */
  clusterOf(id: string): string | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : (this.ids[this.find(i)] as string);
  }

  /** Number of ads in the ad's cluster (1 when alone), 0 when unknown. */
  clusterSizeOf(id: string): number {
    const i = this.byId.get(id);
    return i === undefined ? 0 : (this.clusterSize.data[this.find(i)] as number);
  }

  /**
   * Adds one ad and returns its cluster. Adding an id again changes nothing and returns its current cluster
   * (with `isNew: false`), so replays are safe.
   */
  add(ad: Ad): AddResult {
    const known = this.byId.get(ad.id);
    if (known !== undefined) {
      const root = this.find(known);
      return { clusterId: this.ids[root] as string, isNew: false, merged: [], indexed: this.isIndexed(known) };
    }
    const o = this.options;
    const idx = this.ids.length;
    this.ids.push(ad.id);
    this.byId.set(ad.id, idx);
    this.parent.ensure(idx + 1);
    this.clusterSize.ensure(idx + 1);
    this.visited.ensure(idx + 1);
    this.sigs.ensure((idx + 1) * o.numPerm);
    this.next.ensure((idx + 1) * o.bands);
    this.parent.data[idx] = idx;
    this.clusterSize.data[idx] = 1;

    const text = typeof ad.text === 'string' ? ad.text : '';
    const shingles = shingleHashes(cleanTokens(text, o.maxChars, o.maxTokens), this.shingleOptions);
    if (distinctAtLeast(shingles, o.minShingles) === false) {
      // Marks "not indexed": an all-ones 16-bit signature cannot come from a non-empty set in practice.
      this.sigs.data.fill(0xffff, idx * o.numPerm, (idx + 1) * o.numPerm);
      return { clusterId: ad.id, isNew: true, merged: [], indexed: false };
    }
    this.indexedCount++;
    const sig = this.hasher.signature(shingles, this.scratch);
    const base = idx * o.numPerm;
    let whole = o.seed;
    for (let i = 0; i < o.numPerm; i++) {
      const v = sig[i] as number;
      this.sigs.data[base + i] = v & 0xffff;
      whole = hashCombine(whole, v);
    }

    const rootsBefore: number[] = [];
    const twin = this.exact.get(whole);
    if (twin >= 0 && this.sameSignature(twin, idx)) {
      // An exact duplicate relates to everyone exactly as its twin does: joining the twin is the whole answer.
      this.union(twin, idx, rootsBefore);
    } else {
      this.exact.set(whole, idx);
      this.probeAndInsert(idx, sig, rootsBefore);
    }
    const root = this.find(idx);
    const merged = rootsBefore.filter((r) => r !== root && r !== idx).map((r) => this.ids[r] as string);
    return { clusterId: this.ids[root] as string, isNew: root === idx, merged, indexed: true };
  }

  /** Adds many ads in order; returns one result per ad. */
  addAll(ads: Iterable<Ad>): AddResult[] {
    const out: AddResult[] = [];
    for (const ad of ads) out.push(this.add(ad));
    return out;
  }

  /** Every cluster as member ids in insertion order, keyed by cluster id (singletons included when asked). */
  clusters(includeSingletons = false): Map<string, string[]> {
    const byRoot = new Map<number, string[]>();
    for (let i = 0; i < this.ids.length; i++) {
      const r = this.find(i);
      if (!includeSingletons && (this.clusterSize.data[r] as number) < 2) continue;
      let list = byRoot.get(r);
      if (list === undefined) byRoot.set(r, (list = []));
      list.push(this.ids[i] as string);
    }
    const out = new Map<string, string[]>();
    for (const [r, members] of byRoot) out.set(this.ids[r] as string, members);
    return out;
  }

  /** Estimated Jaccard of two added ads (0 when either is unknown or not indexed). */
  similarity(a: string, b: string): number {
    const i = this.byId.get(a);
    const j = this.byId.get(b);
    if (i === undefined || j === undefined || !this.isIndexed(i) || !this.isIndexed(j)) return 0;
    return this.agreement(i, j) / this.options.numPerm;
  }

  private probeAndInsert(idx: number, sig: Uint32Array, rootsBefore: number[]): void {
    const { bands, rows, numPerm, threshold, maxBucketScan } = this.options;
    const need = Math.ceil(threshold * numPerm - 1e-9);
    const next = this.next.data;
    const visited = this.visited.data;
    for (let b = 0; b < bands; b++) {
      let key = hashCombine(0x1b873593, b);
      for (let r = 0; r < rows; r++) key = hashCombine(key, sig[b * rows + r] as number);
      const head = this.heads.get(key);
      let scanned = 0;
      let steps = 0;
      const maxSteps = maxBucketScan * 4; // members of our own cluster are cheap to skip, but not free
      for (let j = head; j >= 0 && scanned < maxBucketScan && steps < maxSteps; j = next[j * bands + b] as number) {
        steps++;
        if (visited[j] === idx) continue;
        visited[j] = idx;
        if (this.find(j) === this.find(idx)) continue; // already connected: nothing to learn
        scanned++;
        if (this.agreement(idx, j) >= need) this.union(j, idx, rootsBefore);
      }
      next[idx * bands + b] = head;
      this.heads.set(key, idx);
    }
  }

  private agreement(i: number, j: number): number {
    const n = this.options.numPerm;
    const s = this.sigs.data;
    let eq = 0;
    for (let a = i * n, b = j * n, end = a + n; a < end; a++, b++) if (s[a] === s[b]) eq++;
    return eq;
  }

  private sameSignature(i: number, j: number): boolean {
    return this.agreement(i, j) === this.options.numPerm;
  }

  private isIndexed(i: number): boolean {
    const n = this.options.numPerm;
    const s = this.sigs.data;
    for (let a = i * n; a < (i + 1) * n; a++) if (s[a] !== 0xffff) return true;
    return false;
  }

  private find(i: number): number {
    const p = this.parent.data;
    while (p[i] !== i) {
      const gp = p[p[i] as number] as number;
      p[i] = gp; // path halving
      i = gp;
    }
    return i;
  }

  /** Unions two sets; the older root (smaller index) survives so cluster ids never change on growth. */
  private union(a: number, b: number, rootsBefore: number[]): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (!rootsBefore.includes(ra)) rootsBefore.push(ra);
    if (!rootsBefore.includes(rb)) rootsBefore.push(rb);
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent.data[rb] = ra;
    this.clusterSize.data[ra] = (this.clusterSize.data[ra] as number) + (this.clusterSize.data[rb] as number);
  }
}

/** The nightly full rebuild: a fresh index fed the ads in the given (first-seen) order. */
export function rebuildIndex(ads: Iterable<Ad>, options: CoarseOptions = {}): LshIndex {
  const index = new LshIndex(options);
  index.addAll(ads);
  return index;
}

function distinctAtLeast(xs: Uint32Array, n: number): boolean {
  if (xs.length < n) return false;
  const seen = new Set<number>();
  for (let i = 0; i < xs.length && seen.size < n; i++) seen.add(xs[i] as number);
  return seen.size >= n;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
