import type { Principal } from '@kotizo/authorization';
import type { AppAbility } from '@kotizo/authorization';

/**
 * The cooperative a piece of work runs for. HTTP requests, queue jobs and
 * socket connections all build one and hand it, first, to every service call.
 */
export interface TenantContext {
  readonly cooperativeId: string;
  readonly slug: string;
  readonly schema: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly locale: string;
}

/** Who acts, with what rights, in which cooperative (if any) and for which request. */
export interface ActorContext {
  readonly principal: Principal;
  readonly ability: AppAbility;
  readonly sessionId: string;
  readonly requestId: string | null;
}

export interface TenantRequestContext extends ActorContext {
  readonly tenant: TenantContext;
}

/** What a queued job carries so its processor can rebuild the tenant context. */
export interface TenantJobData {
  readonly tenant: { readonly cooperativeId: string; readonly slug: string };
}
