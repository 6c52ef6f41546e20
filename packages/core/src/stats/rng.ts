// Randomness is injected: library code never calls Math.random, so tests can seed it and production can
// pass a cryptographic source.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG for tests and benchmarks. It is predictable and must not be used to
 * publish differentially private statistics — the server passes a CSPRNG-backed source for that.
 */
export function mulberry32(seed: number): Rng {
  const next = mulberry32Uint32(seed);
  return () => next() / 4294967296;
}

/** The same generator, as unsigned 32-bit integers (for hash parameters and random bits). */
export function mulberry32Uint32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An Rng from a function returning uniformly random unsigned 32-bit integers (e.g. crypto.getRandomValues). */
export function rngFromUint32(next: () => number): Rng {
  return () => (next() >>> 0) / 4294967296;
}
