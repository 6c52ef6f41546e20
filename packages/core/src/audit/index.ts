export * from './canonicalJson.js';
export * from './chain.js';
