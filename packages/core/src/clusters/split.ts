// MDL split of a coarse cluster: when one template describes its ads badly (LSH chains can bridge two families),
// grow templates around typical members, keep the ads each one compresses, and accept the split only when the
// total description (templates + ads given them + unexplained ads literally) gets shorter.
import { byCentrality, Interner, prepare, resolveFine, sampleOf, templateOf, type Prepared } from './template.js';
import type { ExtractedTemplate, FineOptions } from './types.js';

export interface FineGroup {
  /** Indices into the input texts, ascending. */
  indices: number[];
  extracted: ExtractedTemplate;
}

export interface FineSplit {
  groups: FineGroup[];
  /** Indices no template of two or more ads explains. */
  leftovers: number[];
}

function fits(t: ExtractedTemplate, k: number, ratio: number): boolean {
  const m = t.members[k];
  return m !== undefined && m.bits <= ratio * m.nullBits;
}

function totalBits(t: ExtractedTemplate): number {
  return t.quality.bits;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Splits texts into template groups (see module comment). Deterministic: no randomness, input order breaks ties. */
export function fineGroups(texts: readonly string[], options: FineOptions = {}): FineSplit {
  const o = resolveFine(options);
  const interner = new Interner();
  const members = prepare(texts, o.maxTokens, interner);
  const all = members.map((_, i) => i);
  const single = templateOf(members, sampleOf(members.length, o.maxSample), o, interner.surfaces);
  const misfits = all.filter((k) => !fits(single, k, o.fitRatio));
  if (!o.split || members.length < 4 || misfits.length === 0) return { groups: [{ indices: all, extracted: single }], leftovers: [] };

  const sets = members.map((m) => new Set(m.ids));
  const groups: FineGroup[] = [];
  const leftovers: number[] = [];
  let remaining = all;
  for (let round = 0; round < o.maxSplits && remaining.length >= 2; round++) {
    const seed = byCentrality(members, remaining)[0] as number;
    const seedSet = sets[seed] as Set<number>;
    // The seed and its closest neighbours induce the candidate template.
    const near = remaining
      .map((k) => ({ k, j: jaccard(seedSet, sets[k] as Set<number>) }))
      .sort((x, y) => y.j - x.j || x.k - y.k)
      .slice(0, o.maxSample)
      .filter((x) => x.j >= 0.3 || x.k === seed)
      .map((x) => x.k);
    const sub = remaining.map((k) => members[k] as Prepared);
    const pos = new Map(remaining.map((k, i) => [k, i]));
    const candidate = templateOf(sub, near.map((k) => pos.get(k) as number), o, interner.surfaces);
    const keep = remaining.filter((k) => fits(candidate, pos.get(k) as number, o.fitRatio));
    if (keep.length < 2) {
      leftovers.push(seed);
      remaining = remaining.filter((k) => k !== seed);
      continue;
    }
    const kept = keep.map((k) => members[k] as Prepared);
    groups.push({ indices: keep, extracted: templateOf(kept, sampleOf(kept.length, o.maxSample), o, interner.surfaces) });
    const taken = new Set(keep);
    remaining = remaining.filter((k) => !taken.has(k));
  }
  leftovers.push(...remaining);
  leftovers.sort((a, b) => a - b);

  let splitBits = 0;
  for (const g of groups) splitBits += totalBits(g.extracted);
  for (const k of leftovers) splitBits += single.members[k]?.nullBits ?? 0;
  if (groups.length === 0 || splitBits >= totalBits(single)) return { groups: [{ indices: all, extracted: single }], leftovers: [] };
  groups.sort((a, b) => (a.indices[0] as number) - (b.indices[0] as number));
  return { groups, leftovers };
}
