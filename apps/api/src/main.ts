import 'reflect-metadata';
import { createApi } from './app.factory.js';
import { loadEnv } from './platform/config/env.schema.js';
import { preflight, runMain } from './platform/config/preflight.js';

runMain(async () => {
  const env = loadEnv();
  await preflight(env);
  const app = await createApi(env);
  await app.listen({ port: env.PORT, host: env.HOST });
});
