export * from './cooperative.js';
export * from './locale.js';
export * from './money.js';
export * from './roles.js';
export * from './ledger/index.js';
export * from './amount-text.js';
