/**
 * Counts events per key in a sliding window, in memory. Enough for one process; the per-account
 * lock-out in the database is what holds across processes.
 */
export class SlidingWindowLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; returns 0 when allowed, or the milliseconds until the next hit would be. */
  hit(key: string, nowMs: number): number {
    const since = nowMs - this.windowMs;
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (hits.length >= this.limit) {
      this.#hits.set(key, hits);
      return hits[0]! + this.windowMs - nowMs;
    }
    hits.push(nowMs);
    this.#hits.set(key, hits);
    if (this.#hits.size > 10_000) this.#prune(since);
    return 0;
  }

  #prune(since: number): void {
    for (const [key, hits] of this.#hits) if (hits.every((t) => t <= since)) this.#hits.delete(key);
  }
}
