export * from './canonicalUrl.js';
export * from './percentile.js';
export * from './priority.js';
export * from './status.js';
