module.exports = {
  displayName: 'agent',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('agent'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
