import { dihedralVariantsOfHash, PDQ_MIN_QUALITY, type DihedralName } from '@centinela/core';
import type { Db } from '../db/database.js';

import { appendAudit } from './auditService.js';
import type { SignalType } from './bankFormats.js';
import { DbBankSource, type BankInfo, type BankSource } from './bankSource.js';
import { localBankChanges } from './bankVersion.js';
import { LoadedBank, type MatchHit } from './loadedBank.js';
import type { Actor, ServiceDeps } from './deps.js';
import { Problem } from './problem.js';

export const DEFAULT_THRESHOLD = 31;
export const MAX_THRESHOLD = 64;
/** Nearest matches kept per query: a degenerate bank must not turn one answer into megabytes. */
export const MAX_MATCHES_PER_QUERY = 100;
/**
 * From this threshold on, core's index compares the query with every entry (its probes stop paying
 * off past 2 bits per 16-bit substring). Such requests get a work budget instead of a fixed batch size.
 */
export const SCAN_FROM_THRESHOLD = 48;
/** About a second of scanning (core's scan measured at 10-120 ns per comparison, JIT-dependent). */
export const MAX_SCAN_COMPARISONS = 20_000_000;
/** Queries answered between yields to the event loop, so one big batch never starves other requests. */
const QUERIES_PER_SLICE = 64;

export interface MatchQuery {
  signalType: SignalType;
  /** Lower-case hex of the right length for the type. */
  hash: string;
  /** PDQ quality when known (from an image); a hash-only query without it is matched. */
  quality?: number | null | undefined;
  /** Exact dihedral PDQ hashes from the image; without them, `dihedral` derives variants from the bits. */
  variants?: Readonly<Partial<Record<DihedralName, string>>> | undefined;
}

export interface MatchOptions {
  threshold?: number | undefined;
  /** Also match the 8 rotations and flips of PDQ queries. */
  dihedral?: boolean | undefined;
  /** Bank names to match against; all enabled banks when absent. */
  banks?: readonly string[] | undefined;
}

export type { MatchHit };

export type QueryResult =
  | { status: 'matched' | 'no_match'; matches: MatchHit[]; truncated?: true; /** set when PDQ was skipped for low quality */ quality?: number; minQuality?: number }
  | { status: 'low_quality'; quality: number; minQuality: number; matches: [] };

export interface MatcherOptions {
  /** How often, at most, another process's changes are looked for (the version row). Default 1 s. */
  refreshIntervalMs?: number;
  now?: () => number;
  /** Load only these banks (by name), e.g. for a one-off CLI match; others are known but not loaded. */
  onlyBanks?: readonly string[];
}

export interface MatcherStats {
  banks: number;
  pdqEntries: number;
  exactEntries: number;
  version: number;
}

/**
 * Keeps every enabled bank in memory and answers queries against them. Before each match it checks
 * for changes: at once for changes made by this process, and through one cheap version read at most
 * once per interval for changes made by others. Only banks whose revision changed are reloaded.
 */
export class Matcher {
  private loaded = new Map<string, LoadedBank>();
  private known = new Map<string, BankInfo>();
  private version = Number.NaN;
  private seenLocal = -1;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly onlyBanks: ReadonlySet<string> | null;

  constructor(
    private readonly source: BankSource,
    opts: MatcherOptions = {},
  ) {
    this.interval = opts.refreshIntervalMs ?? 1000;
    this.now = opts.now ?? (() => performance.now());
    this.onlyBanks = opts.onlyBanks ? new Set(opts.onlyBanks) : null;
  }

  /** Forces a version check before the next match (e.g. when told another process changed banks). */
  invalidate(): void {
    this.lastCheck = Number.NEGATIVE_INFINITY;
  }

  stats(): MatcherStats {
    let pdqEntries = 0;
    let exactEntries = 0;
    for (const bank of this.loaded.values()) {
      pdqEntries += bank.pdq.size;
      exactEntries += bank.exact.size;
    }
    return { banks: this.loaded.size, pdqEntries, exactEntries, version: this.version };
  }

  async ensureFresh(): Promise<void> {
    for (;;) {
      if (this.refreshing) {
        await this.refreshing;
        continue;
      }
      if (this.seenLocal === localBankChanges() && this.now() - this.lastCheck < this.interval) return;
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = null;
      });
    }
  }

  private async refresh(): Promise<void> {
    this.seenLocal = localBankChanges();
    this.lastCheck = this.now();
    const version = await this.source.version();
    if (version === this.version) return;
    const infos = await this.source.banks();
    const next = new Map<string, LoadedBank>();
    for (const info of infos) {
      if (!info.enabled || (this.onlyBanks && !this.onlyBanks.has(info.name))) continue;
      const current = this.loaded.get(info.id);
      if (current && current.revision === info.revision) {
        current.name = info.name; // a rename needs no reload
        next.set(info.id, current);
      } else {
        next.set(info.id, await LoadedBank.load(info, this.source));
      }
    }
    this.loaded = next;
    this.known = new Map(infos.map((i) => [i.name, i]));
    this.version = version;
  }

  /** The banks a request names, refusing unknown and disabled ones by name. */
  private selectBanks(names: readonly string[] | undefined): LoadedBank[] {
    if (!names || names.length === 0) return [...this.loaded.values()];
    return [...new Set(names)].map((name) => {
      const info = this.known.get(name);
      if (!info) throw new Problem(404, 'bank.not_found', `there is no bank named "${name}"`);
      const bank = this.loaded.get(info.id);
      if (!info.enabled) throw new Problem(409, 'bank.disabled', `the bank "${name}" is disabled`);
      if (!bank) throw new Problem(400, 'bank.not_loaded', `the bank "${name}" is not loaded by this matcher`);
      return bank;
    });
  }

  async match(queries: readonly MatchQuery[], opts: MatchOptions = {}): Promise<QueryResult[]> {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_THRESHOLD) {
      throw new Problem(400, 'match.invalid_threshold', `the threshold is a whole number from 0 to ${MAX_THRESHOLD}`);
    }
    await this.ensureFresh();
    // A snapshot: a refresh during the yields below does not change the banks of this request.
    const banks = this.selectBanks(opts.banks);
    const dihedral = opts.dihedral === true;
    if (threshold >= SCAN_FROM_THRESHOLD) {
      const entries = banks.reduce((n, b) => n + b.pdq.size, 0);
      const pdqQueries = queries.filter((q) => q.signalType === 'pdq').length * (dihedral ? 8 : 1);
      if (entries * pdqQueries > MAX_SCAN_COMPARISONS) {
        throw new Problem(422, 'match.too_costly', `at threshold ${threshold} every hash is compared with every entry; send fewer hashes per request or use a threshold under ${SCAN_FROM_THRESHOLD}`);
      }
    }
    const results: QueryResult[] = [];
    for (let start = 0; start < queries.length; start += QUERIES_PER_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const q of queries.slice(start, start + QUERIES_PER_SLICE)) results.push(this.matchOne(q, banks, threshold, dihedral));
    }
    return results;
  }

  private matchOne(q: MatchQuery, banks: LoadedBank[], threshold: number, dihedral: boolean): QueryResult {
    if (q.signalType !== 'pdq') {
      const key = `${q.signalType}:${q.hash}`;
      const matches: MatchHit[] = [];
      for (const bank of banks) {
        const slot = bank.exact.get(key);
        if (slot !== undefined) matches.push(bank.hit(slot, q.signalType, 0));
      }
      return { status: matches.length > 0 ? 'matched' : 'no_match', matches };
    }
    if (q.quality !== undefined && q.quality !== null && q.quality < PDQ_MIN_QUALITY) {
      return { status: 'low_quality', quality: q.quality, minQuality: PDQ_MIN_QUALITY, matches: [] };
    }
    const variants: [string, DihedralName][] = [[q.hash, 'original']];
    if (dihedral) {
      for (const [name, hash] of Object.entries(q.variants ?? dihedralVariantsOfHash(q.hash)) as [DihedralName, string][]) {
        if (name !== 'original' && !variants.some(([h]) => h === hash)) variants.push([hash, name]);
      }
    }
    const matches: MatchHit[] = [];
    for (const bank of banks) {
      if (bank.pdq.size === 0) continue;
      // A bank entry is reported once, at the nearest variant that reached it.
      const best = new Map<number, { distance: number; variant: DihedralName }>();
      for (const [hash, variant] of variants) {
        for (const m of bank.pdq.query(hash, threshold)) {
          const previous = best.get(m.value);
          if (!previous || m.distance < previous.distance) best.set(m.value, { distance: m.distance, variant });
        }
      }
      for (const [slot, { distance, variant }] of best) matches.push(bank.hit(slot, 'pdq', distance, variant));
    }
    matches.sort((a, b) => a.distance - b.distance);
    if (matches.length > MAX_MATCHES_PER_QUERY) {
      return { status: 'matched', matches: matches.slice(0, MAX_MATCHES_PER_QUERY), truncated: true };
    }
    return { status: matches.length > 0 ? 'matched' : 'no_match', matches };
  }
}

const matchers = new WeakMap<Db, Matcher>();

/** The process's matcher for a database, created on first use and kept warm between requests. */
export function matcherFor(deps: ServiceDeps): Matcher {
  let matcher = matchers.get(deps.db);
  if (!matcher) matchers.set(deps.db, (matcher = new Matcher(new DbBankSource(deps.db))));
  return matcher;
}

/** Replaces the matcher used for a database (benchmarks load banks from memory this way). */
export function useMatcher(deps: ServiceDeps, matcher: Matcher): void {
  matchers.set(deps.db, matcher);
}

/** What an uploaded or local image contributes to a match: its PDQ (with quality) and exact hashes. */
export interface ImageHashes {
  pdq: string;
  quality: number;
  md5: string;
  sha256: string;
  dihedral?: Readonly<Record<DihedralName, string>> | undefined;
}

/** Matches images by PDQ and by their exact hashes at once; one result per image. */
export async function matchImages(matcher: Matcher, images: readonly ImageHashes[], opts: MatchOptions = {}): Promise<QueryResult[]> {
  const queries = images.flatMap((img): MatchQuery[] => [
    { signalType: 'pdq', hash: img.pdq, quality: img.quality, variants: img.dihedral },
    { signalType: 'md5', hash: img.md5 },
    { signalType: 'sha256', hash: img.sha256 },
  ]);
  const results = await matcher.match(queries, opts);
  return images.map((_, i) => {
    const [pdq, md5, sha256] = [results[i * 3]!, results[i * 3 + 1]!, results[i * 3 + 2]!];
    const matches = [...md5.matches, ...sha256.matches, ...pdq.matches];
    if (matches.length > 0) {
      // An exact match still says when the perceptual hash was too weak to be used.
      const lowQuality = pdq.status === 'low_quality' ? { quality: pdq.quality, minQuality: pdq.minQuality } : {};
      return { status: 'matched', matches, ...lowQuality, ...('truncated' in pdq && pdq.truncated ? { truncated: true as const } : {}) };
    }
    return pdq.status === 'low_quality' ? pdq : { status: 'no_match', matches: [] };
  });
}

/** Records a match request as counts only: never the hashes, which may describe abuse material. */
export async function auditMatch(
  deps: ServiceDeps,
  actor: Actor,
  via: 'hashes' | 'files',
  results: readonly QueryResult[],
  opts: MatchOptions,
): Promise<void> {
  await appendAudit(deps, actor, {
    action: 'media.match',
    details: {
      via,
      queries: results.length,
      matched: results.filter((r) => r.status === 'matched').length,
      lowQuality: results.filter((r) => r.status === 'low_quality').length,
      matches: results.reduce((n, r) => n + r.matches.length, 0),
      banks: opts.banks?.length ?? 'all',
      dihedral: opts.dihedral === true,
    },
  });
}
