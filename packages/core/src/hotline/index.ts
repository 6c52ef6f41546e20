export * from './canonicalReportUrl.js';
export * from './percentile.js';
export * from './priority.js';
export * from './status.js';
