import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnv } from './platform/config/env.schema.js';
import { preflight, runMain } from './platform/config/preflight.js';
import { WorkerModule } from './worker.module.js';

runMain(async () => {
  const env = loadEnv();
  await preflight(env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('worker ready');
});
