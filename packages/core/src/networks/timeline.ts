// A network's movement over time and its posting cadence, from its items' dates and normalised cities.

export interface Sighting {
  itemId: string;
  /** ISO date-time: posted, else captured. */
  at: string;
  /** Gazetteer city id, or null when the location is unknown. */
  cityId: string | null;
}

export interface Stop {
  cityId: string;
  from: string;
  to: string;
  items: string[];
}

/**
 * Consecutive sightings in the same city collapse into one stop; a return to a city is a new stop, so the list reads
 * as a route. Sightings without a city are skipped (they say nothing about movement).
 */
export function movementTimeline(sightings: readonly Sighting[]): Stop[] {
  const sorted = sightings.filter((s) => s.cityId !== null).sort((a, b) => a.at.localeCompare(b.at) || a.itemId.localeCompare(b.itemId));
  const stops: Stop[] = [];
  for (const s of sorted) {
    const last = stops[stops.length - 1];
    if (last && last.cityId === s.cityId) {
      last.to = s.at;
      last.items.push(s.itemId);
    } else stops.push({ cityId: s.cityId as string, from: s.at, to: s.at, items: [s.itemId] });
  }
  return stops;
}

export interface Cadence {
  posts: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Median hours between consecutive posts (null with fewer than two). */
  medianGapHours: number | null;
  /** Posts per active week (first to last seen, at least one week). */
  postsPerWeek: number | null;
}

export function postingCadence(times: readonly string[]): Cadence {
  const ms = times.map((t) => Date.parse(t)).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (ms.length === 0) return { posts: 0, firstSeen: null, lastSeen: null, medianGapHours: null, postsPerWeek: null };
  const first = ms[0] as number;
  const last = ms[ms.length - 1] as number;
  const gaps: number[] = [];
  for (let i = 1; i < ms.length; i++) gaps.push(((ms[i] as number) - (ms[i - 1] as number)) / 3_600_000);
  gaps.sort((a, b) => a - b);
  const median = gaps.length === 0 ? null : gaps.length % 2 === 1 ? (gaps[(gaps.length - 1) / 2] as number) : ((gaps[gaps.length / 2 - 1] as number) + (gaps[gaps.length / 2] as number)) / 2;
  const weeks = Math.max(1, (last - first) / (7 * 86_400_000));
  return {
    posts: ms.length,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
    medianGapHours: median === null ? null : Math.round(median * 10) / 10,
    postsPerWeek: Math.round((ms.length / weeks) * 100) / 100,
  };
}
