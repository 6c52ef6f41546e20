export * from './access.js';
export * from './roles.js';
export * from './permissions.js';
