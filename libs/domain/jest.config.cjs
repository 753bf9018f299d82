module.exports = {
  displayName: 'domain',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('domain'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
