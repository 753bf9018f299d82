module.exports = {
  displayName: 'contracts',
  preset: '../../jest.preset.js',
  reporters: require('../../tools/jest/reporters.cjs')('contracts'),
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
