// Public surface of @centinela/core. Each capability lives in its own folder and is re-exported here.
export * from './audit/index.js';
export * from './auth/index.js';
export * from './cases/index.js';
export * from './clusters/index.js';
export * from './entities/index.js';
export * from './hotline/index.js';
export * from './media/index.js';
export * from './networks/index.js';
export * from './risk/index.js';
export * from './stats/index.js';
export * from './text/index.js';
export * from './urls/index.js';
