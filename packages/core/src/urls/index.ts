// URLs: the one canonical form of a web address (crawler frontier and rechecks, hotline subjects and notices).
export * from './canonical.js';
