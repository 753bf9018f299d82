export * from './auth.js';
export * from './cooperatives.js';
export * from './fields.js';
export * from './problem.js';
export * from './users.js';
export * from './queries.js';
export * from './ledger.js';
export * from './members.js';
