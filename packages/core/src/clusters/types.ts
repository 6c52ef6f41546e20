// Public shapes of template clustering. Everything here is plain data (JSON-serialisable except `Map`).

export interface Ad {
  id: string;
  text: string;
}

/** Coarse stage (MinHash-LSH) options. Defaults in brackets. */
export interface CoarseOptions {
  /** Words per shingle [3]; see lsh.ts for why not 5. */
  k?: number;
  /** Characters per shingle for short ads [4]. */
  charK?: number;
  /** Ads with fewer than k + shortExtra words use char shingles [3]. */
  shortExtra?: number;
  /** MinHash permutations [128]. */
  numPerm?: number;
  /** LSH bands [32]; bands × rows ≤ numPerm. */
  bands?: number;
  /** Rows per band [4]. */
  rows?: number;
  /** Estimated Jaccard a candidate pair needs to be joined [0.6]. */
  threshold?: number;
  /** Seed of the MinHash permutations [1]. Same seed ⇒ same signatures ⇒ same clusters. */
  seed?: number;
  /** Characters of an ad looked at [20,000]. */
  maxChars?: number;
  /** Words of an ad shingled [5,000]. */
  maxTokens?: number;
  /** Ads with fewer shingles are not indexed and stay alone: too little text to call a template [5]. */
  minShingles?: number;
  /** Bucket members examined per band on insert [512]; bounds the time of pathological inputs. */
  maxBucketScan?: number;
}

/** What `LshIndex.add` reports. */
export interface AddResult {
  /** The ad's cluster: the id of the cluster's first-added member (the ad's own id when alone). */
  clusterId: string;
  /** True when the ad joined no existing cluster (it is alone, for now). */
  isNew: boolean;
  /** Cluster ids that this ad bridged into `clusterId` and that no longer exist (rename them in storage). */
  merged: string[];
  /** False when the ad had too little text to index (it stays a singleton forever). */
  indexed: boolean;
}

/** A template: shared text interleaved with slots that vary between the ads. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'slot'; id: number; examples: string[] };

/** One slot's filler in one member; `start`/`end` are UTF-16 offsets into that member's original text. */
export interface SlotFill {
  slot: number;
  text: string;
  start: number;
  end: number;
}

/** How one member follows the template. */
export interface MemberFit {
  /** Fillers, one per slot the member has text in (empty slots are omitted). */
  fills: SlotFill[];
  /** Template words the member lacks or words it adds outside a slot (small edits). */
  edits: number;
  /** Bits to describe the member given the template (MDL). */
  bits: number;
  /** Bits to describe the member without a template. */
  nullBits: number;
  /** True when the member was longer than the fine stage's token cap and its tail was not aligned. */
  truncated: boolean;
}

/** How well a template describes its members. */
export interface TemplateQuality {
  members: number;
  /** Template bits + Σ member bits. */
  bits: number;
  /** Σ member bits without a template. */
  nullBits: number;
  /** bits / nullBits: below 1 the template compresses the cluster; lower is a tighter template. */
  ratio: number;
  /** Share of member words matched by template text (0..1). */
  coverage: number;
  textTokens: number;
  slots: number;
}

export interface ExtractedTemplate {
  template: TemplatePart[];
  /** Parallel to the input texts. */
  members: MemberFit[];
  quality: TemplateQuality;
}

/** Fine stage options. */
export interface FineOptions {
  /** Members used to induce the template (the rest are only aligned to it) [40]. */
  maxSample?: number;
  /** Tokens per member aligned [600]. */
  maxTokens?: number;
  /** A column is template text only when at least this share of members has its word [0.7]. */
  minTextShare?: number;
  /** Distinct examples kept per slot [5]. */
  maxExamples?: number;
  /** Split coarse clusters that one template does not describe well (MDL) [true]. */
  split?: boolean;
  /** A member fits a template when its bits are below this share of its null bits [0.6]. */
  fitRatio?: number;
  /** Most templates tried per coarse cluster when splitting [8]. */
  maxSplits?: number;
}

export interface ClusterOptions extends CoarseOptions, FineOptions {
  /** Smallest group reported as a cluster; smaller groups get a `null` assignment [2]. */
  minClusterSize?: number;
  /** Run the fine stage (templates) [true]; false returns coarse clusters with empty templates. */
  fine?: boolean;
}

export interface Cluster {
  /** Id of the cluster's first member in input order (stable across incremental additions, see LshIndex). */
  id: string;
  /** The coarse (LSH) cluster it came from; differs from `id` only when the fine stage split the coarse cluster. */
  coarseId: string;
  /** Member ad ids, in input order. */
  members: string[];
  template: TemplatePart[];
  /** Parallel to `members`. */
  fits: MemberFit[];
  quality: TemplateQuality;
}

export interface ClusterResult {
  clusters: Cluster[];
  /** Every input id → its cluster id, or null when it is in no cluster of at least `minClusterSize` ads. */
  assignments: Map<string, string | null>;
}
