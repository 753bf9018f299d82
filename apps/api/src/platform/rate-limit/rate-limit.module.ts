import { type ExecutionContext, Module, SetMetadata } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { ResilientThrottlerStorage } from './resilient-throttler-storage.js';

const LOGIN_LIMITED = 'kotizo:login-limited';

/** Marks a route for the stricter sign-in limit (per address and e-mail). */
export const LoginRateLimited = () => SetMetadata(LOGIN_LIMITED, true);

function isLoginRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(LOGIN_LIMITED, context.getHandler()) === true;
}

/**
 * @nestjs/throttler: a general limit per client address on every route, and a
 * stricter one on sign-in keyed by address and e-mail, against password guessing.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        storage: new ResilientThrottlerStorage(env.REDIS_URL, `${env.REDIS_PREFIX}:throttle:`),
        errorMessage: 'Too many requests; wait a minute and try again.',
        throttlers: [
          { name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE },
          {
            name: 'login',
            ttl: 60_000,
            limit: env.LOGIN_RATE_LIMIT_PER_MINUTE,
            skipIf: (context) => !isLoginRoute(context),
            getTracker: (req: Record<string, unknown>) => {
              const body = req['body'] as { email?: unknown } | undefined;
              const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
              return `${String(req['ip'])}|${email}`;
            },
          },
        ],
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
