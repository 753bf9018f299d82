import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { KotizoRequest } from '../authorization/access.guard.js';
import type { ActorContext, TenantRequestContext } from './tenant-context.js';

/** The caller, as checked by AccessGuard. Throws if used on a public route. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): ActorContext => {
  const actor = ctx.switchToHttp().getRequest<KotizoRequest>().actor;
  if (!actor) throw new Error('@Actor() used on a route without an authenticated caller');
  return actor;
});

/** The cooperative of a `/coops/:slug/...` route with the caller in it. Fails loudly elsewhere. */
export const Tenant = createParamDecorator((_: unknown, ctx: ExecutionContext): TenantRequestContext => {
  const context = ctx.switchToHttp().getRequest<KotizoRequest>().tenantContext;
  if (!context) throw new Error('@Tenant() used on a route without a :slug parameter');
  return context;
});
