// Worker thread running json-rules-engine for the differential test, outside
// Jest's VM context, where it runs 2-3 times slower. Jest is absent here, so
// the library's TypeScript is compiled on load with SWC (as Jest does) and
// its `.js` import specifiers are mapped to the `.ts` files.
const { registerHooks } = require('node:module');
const { readFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const { transformSync } = require('@swc/core');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return nextResolve(specifier.slice(0, -3) + '.ts', context);
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.endsWith('.ts')) return nextLoad(url, context);
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
      module: { type: 'es6' },
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});

import('./reference-runner.ts').catch((error) => {
  console.error(error);
  process.exit(1);
});
