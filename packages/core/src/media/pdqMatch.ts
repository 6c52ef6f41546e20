import { DEFAULT_MATCH_DISTANCE, type HashIndex, type HashMatch } from './hashIndex.js';
import type { DihedralName } from './pdqDct.js';

/**
 * Matching policy for PDQ, as in ThreatExchange / hasher-matcher-actioner: a match is distance
 * <= 31, and hashes with quality < 50 are too featureless to match anything reliably.
 */
export const PDQ_MATCH_DISTANCE = DEFAULT_MATCH_DISTANCE;
export const PDQ_MIN_QUALITY = 50;

export function isMatchableQuality(quality: number, minQuality = PDQ_MIN_QUALITY): boolean {
  return quality >= minQuality;
}

export interface PdqQuery {
  readonly hash: string;
  readonly quality: number;
  /** The 8 dihedral hashes of the same image, to also match rotated and flipped copies. */
  readonly dihedral?: Readonly<Partial<Record<DihedralName, string>>>;
}

export interface PdqMatchOptions {
  readonly maxDistance?: number;
  readonly minQuality?: number;
}

export interface PdqMatch<T> extends HashMatch<T> {
  /** Which variant of the query matched (the nearest one when several did). */
  readonly variant: DihedralName;
}

export type PdqMatchResult<T> =
  | { readonly status: 'matched' | 'no_match'; readonly matches: PdqMatch<T>[] }
  | { readonly status: 'low_quality'; readonly quality: number; readonly minQuality: number; readonly matches: [] };

/**
 * Looks a PDQ hash up in an index, refusing low-quality queries with an explicit status. With
 * `dihedral` variants, each entry is reported once, at its nearest variant.
 */
export function matchPdq<T>(index: HashIndex<T>, query: PdqQuery, options: PdqMatchOptions = {}): PdqMatchResult<T> {
  const minQuality = options.minQuality ?? PDQ_MIN_QUALITY;
  if (!isMatchableQuality(query.quality, minQuality)) {
    return { status: 'low_quality', quality: query.quality, minQuality, matches: [] };
  }
  const maxDistance = options.maxDistance ?? PDQ_MATCH_DISTANCE;
  const variants = new Map<string, DihedralName>([[query.hash.toLowerCase(), 'original']]);
  for (const [name, hash] of Object.entries(query.dihedral ?? {}) as [DihedralName, string | undefined][]) {
    if (hash !== undefined && !variants.has(hash.toLowerCase())) variants.set(hash.toLowerCase(), name);
  }

  // Entries are keyed by stored hash + value identity, since one hash may carry several values.
  const best = new Map<string, PdqMatch<T>>();
  const identity = new Map<T, number>();
  for (const [hash, variant] of variants) {
    for (const match of index.query(hash, maxDistance)) {
      let id = identity.get(match.value);
      if (id === undefined) identity.set(match.value, (id = identity.size));
      const key = `${match.hash}:${id}`;
      const previous = best.get(key);
      if (!previous || match.distance < previous.distance) best.set(key, { ...match, variant });
    }
  }
  const matches = [...best.values()].sort((a, b) => a.distance - b.distance);
  return { status: matches.length > 0 ? 'matched' : 'no_match', matches };
}
