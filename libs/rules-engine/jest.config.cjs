module.exports = {
  displayName: 'rules-engine',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('rules-engine'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
