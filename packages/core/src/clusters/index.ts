// Template clustering: coarse MinHash-LSH clusters (incremental) and fine templates with slots (MDL).
export * from './types.js';
export { LshIndex, rebuildIndex, COARSE_DEFAULTS } from './lshIndex.js';
export { clusterAds } from './cluster.js';
export { extractTemplate, FINE_DEFAULTS } from './template.js';
export { fineGroups, type FineGroup, type FineSplit } from './split.js';
export { cleanTokens } from './clean.js';
export { shingleHashes, type ShingleOptions } from './shingles.js';
export { MinHasher, estimateJaccard } from './minhash.js';
export { candidateProbability, lshThreshold, chooseBands } from './lsh.js';
export { renderTemplate, fillTemplate, clusterLines, clusterSummary, type ClusterLine, type ClusterSummary } from './report.js';
export { tokenize, type Token } from './tokenize.js';
export { adSketch, sketchSimilarity, encodeSignature, decodeSignature, type AdSketch } from './sketch.js';
