module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('api-e2e'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
