import { Global, Module, type DynamicModule } from '@nestjs/common';
import { type Env, loadEnv } from './env.schema.js';

export const ENV = Symbol('ENV');

/** Configuration is read once at boot and injected as a frozen object. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env = loadEnv()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: ENV, useValue: Object.freeze({ ...env }) }],
      exports: [ENV],
    };
  }
}
