// Media capability: PDQ perceptual hashing, 256-bit hash helpers, the Hamming-space index.
export * from './dihedralHash.js';
export * from './errors.js';
export * from './hash256.js';
export * from './hashIndex.js';
export * from './netpbm.js';
export * from './pdq.js';
export * from './pdqMatch.js';
export type { PixelImage } from './pixels.js';
export { assertPixelImage } from './pixels.js';
