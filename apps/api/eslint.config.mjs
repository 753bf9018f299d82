import baseConfig from '../../eslint.config.mjs';

const noRawOrm = { message: 'Feature code reaches data through TenantDatabase or FederationDatabase.' };

export default [
  ...baseConfig,
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mikro-orm/postgresql', importNames: ['MikroORM'], ...noRawOrm },
            { name: '@mikro-orm/core', importNames: ['MikroORM'], ...noRawOrm },
          ],
        },
      ],
    },
  },
];
