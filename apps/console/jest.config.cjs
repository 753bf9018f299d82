// Angular unit tests: jest-preset-angular (CommonJS, jsdom, zoneless). Unlike the Node
// projects (root jest.preset.js), this suite must NOT run under --experimental-vm-modules.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const root = path.join(__dirname, '../..');

module.exports = {
  displayName: 'console',
  // Also writes tmp/test-results/console.json for the suite's closing line (tools/test.sh).
  reporters: require('../../tools/jest/reporters.cjs')('console'),
  rootDir: __dirname,
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@kotizo/(authorization|contracts|domain|rules-engine)$': path.join(root, 'libs/$1/src/index.ts'),
    // The libs import siblings as `./x.js` (nodenext); here they resolve to the .ts source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // .mjs everywhere, and @jsverse/utils (Transloco's helper) ships ESM in a .js file.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  coverageDirectory: path.join(root, 'coverage/apps/console'),
  clearMocks: true,
};
