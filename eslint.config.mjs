import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * One flat config for the workspace. Boundaries: the domain depends on
 * nothing; contracts and authorization on the domain; the API and the
 * console on the libs, never on each other.
 */
export default tseslint.config(
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/coverage', '**/test-results', '**/playwright-report', '**/*.cjs', '**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:authorization', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'scope:console', notDependOnLibsWithTags: ['scope:api'] },
            { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:console'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:authorization'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The HTTP end-to-end suite boots the API in-process through the API's own
    // test harness (real HTTP on a random port); it is the one allowed reach-in.
    files: ['apps/api-e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Feature code reaches a cooperative's data only through TenantDatabase.
    files: ['apps/api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mikro-orm/postgresql', importNames: ['MikroORM'], message: 'Use TenantDatabase or FederationDatabase.' },
            { name: '@mikro-orm/core', importNames: ['MikroORM'], message: 'Use TenantDatabase or FederationDatabase.' },
          ],
        },
      ],
    },
  },
);
