module.exports = {
  displayName: 'authorization',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('authorization'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
