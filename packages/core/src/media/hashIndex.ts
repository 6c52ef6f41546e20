import { HASH256_WORDS, hexToWords, popcount32, wordsToHex, type Hash256Words } from './hash256.js';

/**
 * Exact-radius index for 256-bit hashes under Hamming distance (multi-index hashing).
 *
 * Each hash is cut into 16 substrings of 16 bits. If two hashes are within distance r, at least
 * one substring differs by at most floor(r/16) bits (pigeonhole), so probing every table at the
 * query's substring and its neighbours within that radius finds every candidate; candidates are
 * then verified with the full distance. For r <= 31 that is 17 probes per table, each a direct
 * array lookup. Results are exact: nothing within the radius is ever missed.
 *
 * Layout: the probe tables are a static CSR snapshot (offsets per 16-bit key + slot postings)
 * over slots [0, indexed); newer slots are scanned linearly until the next rebuild, and removed
 * slots are tombstones until compaction. Rebuilds happen on the write path (when the unindexed
 * tail outgrows min(n/8, 32768) entries, or tombstones a quarter of the entries), never in a query.
 * Memory for 1M hashes: 32 MB of hashes + 64 MB of postings + 4 MB of offsets, plus the values.
 */

export const DEFAULT_MATCH_DISTANCE = 31;

export interface HashMatch<T> {
  readonly value: T;
  /** 64 lowercase hex characters. */
  readonly hash: string;
  readonly distance: number;
}

export type HashInput = string | Hash256Words;

const TABLES = 16;
const KEYS = 1 << 16;
const MIN_PENDING = 2048;
const MAX_PENDING = 32768;
/** From this substring radius on, probing costs more than a scan (C(16,3) = 560 keys per table). */
const MAX_PROBE_RADIUS = 2;

function toWords(hash: HashInput): Hash256Words {
  if (typeof hash === 'string') return hexToWords(hash);
  if (hash.length !== HASH256_WORDS) throw new RangeError('a 256-bit hash has 8 words');
  return hash;
}

/** Substring t (0..15) of the hash stored at word offset `base`. */
function substring(words: Uint32Array, base: number, t: number): number {
  const word = words[base + (t >> 1)]!;
  return t & 1 ? word & 0xffff : word >>> 16;
}

export class HashIndex<T> {
  private words = new Uint32Array(0);
  private values: (T | undefined)[] = [];
  private alive = new Uint8Array(0);
  /** Slots in use (live + tombstones). */
  private slots = 0;
  private live = 0;
  private tombstones = 0;
  /** Slots [0, indexed) are in the probe tables. */
  private indexed = 0;
  private offsets = new Uint32Array(0);
  private postings = new Uint32Array(0);

  constructor(entries?: Iterable<readonly [HashInput, T]>) {
    if (entries) this.addAll(entries);
  }

  /** Number of live entries. */
  get size(): number {
    return this.live;
  }

  /** Bytes held in typed arrays (values are not counted). */
  get byteLength(): number {
    return (
      this.words.byteLength + this.alive.byteLength + this.offsets.byteLength + this.postings.byteLength
    );
  }

  /** Pre-allocates room for `capacity` entries (avoids growth copies when loading a big bank). */
  reserve(capacity: number): void {
    if (capacity > this.alive.length) this.grow(capacity);
  }

  add(hash: HashInput, value: T): void {
    this.append(toWords(hash), value);
    this.maybeRebuild();
  }

  /** Bulk add with a single rebuild at the end (the fast way to load a bank). */
  addAll(entries: Iterable<readonly [HashInput, T]>): void {
    for (const [hash, value] of entries) this.append(toWords(hash), value);
    this.maybeRebuild();
  }

  /**
   * Removes entries with exactly this hash (and, when given, this value by `Object.is`).
   * Returns how many were removed.
   */
  remove(hash: HashInput, value?: T): number {
    const query = toWords(hash);
    let removed = 0;
    this.search(query, 0, (slot) => {
      if (value !== undefined && !Object.is(this.values[slot], value)) return;
      this.alive[slot] = 0;
      this.values[slot] = undefined;
      removed++;
    });
    this.live -= removed;
    this.tombstones += removed;
    if (this.tombstones > MIN_PENDING && this.tombstones > this.live >> 2) this.rebuild();
    return removed;
  }

  clear(): void {
    this.words = new Uint32Array(0);
    this.values = [];
    this.alive = new Uint8Array(0);
    this.slots = this.live = this.tombstones = this.indexed = 0;
    this.offsets = new Uint32Array(0);
    this.postings = new Uint32Array(0);
  }

  /** Every entry within `maxDistance` (inclusive), nearest first, ties in insertion order. */
  query(hash: HashInput, maxDistance = DEFAULT_MATCH_DISTANCE): HashMatch<T>[] {
    checkDistance(maxDistance);
    const found: number[] = [];
    const distances: number[] = [];
    this.search(toWords(hash), maxDistance, (slot, distance) => {
      found.push(slot);
      distances.push(distance);
    });
    return this.present(found, distances);
  }

  /** The same answer as `query`, by comparing with every entry: the baseline the index must equal. */
  queryByScan(hash: HashInput, maxDistance = DEFAULT_MATCH_DISTANCE): HashMatch<T>[] {
    checkDistance(maxDistance);
    const found: number[] = [];
    const distances: number[] = [];
    this.scan(toWords(hash), maxDistance, 0, this.slots, (slot, distance) => {
      found.push(slot);
      distances.push(distance);
    });
    return this.present(found, distances);
  }

  /** Forces the probe tables to cover every entry and drops tombstones. */
  rebuild(): void {
    this.compact();
    const n = this.slots;
    const words = this.words;
    const offsets = new Uint32Array(TABLES * (KEYS + 1));
    const postings = new Uint32Array(TABLES * n);
    const cursor = new Uint32Array(KEYS);
    // One table at a time (counting sort): its counters and postings stay cache-resident.
    for (let t = 0; t < TABLES; t++) {
      const start = t * (KEYS + 1);
      const word = t >> 1;
      const shift = t & 1 ? 0 : 16;
      for (let slot = 0; slot < n; slot++) {
        offsets[start + ((words[slot * HASH256_WORDS + word]! >>> shift) & 0xffff) + 1]!++;
      }
      for (let k = 1; k <= KEYS; k++) offsets[start + k]! += offsets[start + k - 1]!;
      cursor.set(offsets.subarray(start, start + KEYS));
      const base = t * n;
      for (let slot = 0; slot < n; slot++) {
        postings[base + cursor[(words[slot * HASH256_WORDS + word]! >>> shift) & 0xffff]!++] = slot;
      }
    }
    this.offsets = offsets;
    this.postings = postings;
    this.indexed = n;
  }

  private append(words: Hash256Words, value: T): void {
    if (this.slots === this.alive.length) this.grow(Math.max(1024, this.slots * 2));
    const slot = this.slots++;
    this.words.set(words, slot * HASH256_WORDS);
    this.values[slot] = value;
    this.alive[slot] = 1;
    this.live++;
  }

  private grow(capacity: number): void {
    const words = new Uint32Array(capacity * HASH256_WORDS);
    words.set(this.words);
    const alive = new Uint8Array(capacity);
    alive.set(this.alive);
    this.words = words;
    this.alive = alive;
  }

  /**
   * Pending (not yet indexed) entries are scanned by every query, so their number is capped at
   * MAX_PENDING (~0.2 ms of scanning); below that, an eighth of the index keeps rebuilds amortised.
   */
  private maybeRebuild(): void {
    const limit = Math.max(MIN_PENDING, Math.min(MAX_PENDING, this.indexed >> 3));
    if (this.slots - this.indexed > limit) this.rebuild();
  }

  /** Moves live entries down over tombstones, keeping insertion order. */
  private compact(): void {
    if (this.tombstones === 0) return;
    let to = 0;
    for (let from = 0; from < this.slots; from++) {
      if (!this.alive[from]) continue;
      if (to !== from) {
        this.words.copyWithin(to * HASH256_WORDS, from * HASH256_WORDS, (from + 1) * HASH256_WORDS);
        this.values[to] = this.values[from];
        this.alive[to] = 1;
      }
      to++;
    }
    this.alive.fill(0, to, this.slots);
    this.values.length = to;
    this.slots = to;
    this.tombstones = 0;
  }

  /** Calls `onMatch` once per live slot within `radius`. */
  private search(query: Hash256Words, radius: number, onMatch: (slot: number, distance: number) => void): void {
    const subRadius = Math.floor(radius / TABLES);
    if (subRadius > MAX_PROBE_RADIUS || this.indexed === 0) {
      this.scan(query, radius, 0, this.slots, onMatch);
      return;
    }
    // A slot can sit in several probed buckets; matches are rare, so dedupe only those.
    const reported = new Set<number>();
    const report = (slot: number, distance: number): void => {
      if (reported.has(slot)) return;
      reported.add(slot);
      onMatch(slot, distance);
    };
    // Probe keys per table: the query substring and its neighbours within subRadius bits.
    const keys: number[] = [];
    for (let t = 0; t < TABLES; t++) {
      const key = substring(query, 0, t);
      keys.length = 0;
      keys.push(key);
      for (let b = 0; subRadius >= 1 && b < 16; b++) {
        keys.push(key ^ (1 << b));
        for (let c = b + 1; subRadius >= 2 && c < 16; c++) keys.push(key ^ (1 << b) ^ (1 << c));
      }
      this.probeTable(t, keys, query, radius, report);
    }
    this.scan(query, radius, this.indexed, this.slots, onMatch);
  }

  /**
   * Verifies every slot posted under `keys` in table `table`. The only random memory access per
   * candidate is its 32-byte hash; liveness is checked after the distance, since misses dominate.
   */
  private probeTable(
    table: number,
    keys: readonly number[],
    query: Hash256Words,
    radius: number,
    onMatch: (slot: number, distance: number) => void,
  ): void {
    const offsets = this.offsets;
    const postings = this.postings;
    const alive = this.alive;
    const words = this.words;
    const tableBase = table * this.indexed;
    const keyBase = table * (KEYS + 1);
    const q0 = query[0]!, q1 = query[1]!, q2 = query[2]!, q3 = query[3]!;
    const q4 = query[4]!, q5 = query[5]!, q6 = query[6]!, q7 = query[7]!;
    for (let k = 0; k < keys.length; k++) {
      const at = keyBase + keys[k]!;
      const end = offsets[at + 1]!;
      for (let p = offsets[at]!; p < end; p++) {
        const slot = postings[tableBase + p]!;
        const w = slot * HASH256_WORDS;
        // Most candidates are far: 96 random bits already differ in ~48, so stop early.
        const head = popcount32(words[w]! ^ q0) + popcount32(words[w + 1]! ^ q1) + popcount32(words[w + 2]! ^ q2);
        if (head > radius) continue;
        const distance =
          head + popcount32(words[w + 3]! ^ q3) + popcount32(words[w + 4]! ^ q4) + popcount32(words[w + 5]! ^ q5) +
          popcount32(words[w + 6]! ^ q6) + popcount32(words[w + 7]! ^ q7);
        if (distance <= radius && alive[slot]) onMatch(slot, distance);
      }
    }
  }

  private scan(
    query: Hash256Words,
    radius: number,
    from: number,
    to: number,
    onMatch: (slot: number, distance: number) => void,
  ): void {
    const alive = this.alive;
    const words = this.words;
    const q0 = query[0]!, q1 = query[1]!, q2 = query[2]!, q3 = query[3]!;
    const q4 = query[4]!, q5 = query[5]!, q6 = query[6]!, q7 = query[7]!;
    for (let slot = from; slot < to; slot++) {
      const w = slot * HASH256_WORDS;
      const head = popcount32(words[w]! ^ q0) + popcount32(words[w + 1]! ^ q1) + popcount32(words[w + 2]! ^ q2);
      if (head > radius) continue;
      const distance =
        head + popcount32(words[w + 3]! ^ q3) + popcount32(words[w + 4]! ^ q4) + popcount32(words[w + 5]! ^ q5) +
        popcount32(words[w + 6]! ^ q6) + popcount32(words[w + 7]! ^ q7);
      if (distance <= radius && alive[slot]) onMatch(slot, distance);
    }
  }

  private present(slots: number[], distances: number[]): HashMatch<T>[] {
    const order = slots.map((_, i) => i);
    order.sort((a, b) => distances[a]! - distances[b]! || slots[a]! - slots[b]!);
    return order.map((i) => {
      const slot = slots[i]!;
      return { value: this.values[slot] as T, hash: wordsToHex(this.words, slot * HASH256_WORDS), distance: distances[i]! };
    });
  }
}

function checkDistance(maxDistance: number): void {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 256) {
    throw new RangeError('maxDistance must be an integer from 0 to 256');
  }
}
