module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('api'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Each integration file makes its own database; two at a time suit a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
