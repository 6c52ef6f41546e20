export * from './access.js';
export * from './roles.js';
