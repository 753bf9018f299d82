export * from './abilities.js';
export * from './vocabulary.js';
