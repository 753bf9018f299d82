import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { defineAbilityFor } from '@kotizo/authorization';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { Forbidden } from '../errors/app-error.js';
import { TenantResolver } from '../tenancy/tenant-resolver.js';
import type { ActorContext, TenantRequestContext } from '../tenancy/tenant-context.js';
import { IS_PUBLIC, PERMISSION, type RequiredPermission } from './permission.decorators.js';

export interface KotizoRequest extends FastifyRequest {
  user?: AuthenticatedUser;
  actor?: ActorContext;
  tenantContext?: TenantRequestContext;
}

/**
 * Global guard after authentication: resolves the tenant of `/coops/:slug`
 * routes, builds the caller's CASL ability and checks the route's declared
 * permission. A route that declares none is refused (fail closed), and a
 * test walks every route to prove none was forgotten.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenants: TenantResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<RequiredPermission | 'authenticated'>(PERMISSION, targets);
    if (!permission)
      throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no permission`);

    const request = context.switchToHttp().getRequest<KotizoRequest>();
    const user = request.user;
    if (!user) throw new Error('AccessGuard ran without an authenticated user');
    const slug = (request.params as Record<string, string> | undefined)?.['slug'];
    const requestId = String(request.id ?? '') || null;

    if (slug !== undefined) {
      const { tenant, role, memberId } = await this.tenants.resolve(slug, user);
      const principal = { userId: user.userId, federationRole: user.federationRole, cooperativeRole: role, memberId };
      const ability = defineAbilityFor(principal);
      request.tenantContext = { principal, ability, sessionId: user.sessionId, requestId, tenant };
      request.actor = request.tenantContext;
      (request.raw as { tenant?: string }).tenant = tenant.slug;
    } else {
      const principal = { userId: user.userId, federationRole: user.federationRole, cooperativeRole: null };
      request.actor = { principal, ability: defineAbilityFor(principal), sessionId: user.sessionId, requestId };
    }
    if (permission !== 'authenticated' && !request.actor.ability.can(permission.action, permission.subject)) {
      throw new Forbidden('permission_denied', {
        params: { action: permission.action, subject: permission.subject },
      });
    }
    return true;
  }
}
