// Shared Jest settings for the framework-free and NestJS projects.
// TypeScript is compiled by SWC to CommonJS; ESM-only packages (NestJS 12,
// MikroORM 7) are then loaded through Node's require(esm), which Jest enables
// under --experimental-vm-modules (set per project in its test target).
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@kotizo/(agent|authorization|contracts|domain|rules-engine)$': path.join(root, 'libs/$1/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  clearMocks: true,
};
