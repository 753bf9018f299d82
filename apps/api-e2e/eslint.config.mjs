import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // This suite boots the API in-process through the API's own test harness
    // (real HTTP on a random port): the one allowed reach into an app.
    files: ['**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
