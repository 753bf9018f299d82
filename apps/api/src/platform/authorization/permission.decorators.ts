import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { Action, SubjectName } from '@kotizo/authorization';

export const IS_PUBLIC = 'kotizo:public';
export const PERMISSION = 'kotizo:permission';

export interface RequiredPermission {
  action: Action;
  subject: SubjectName;
}

/** The route needs no signed-in user (sign-in, refresh, health). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true));

/**
 * The route needs this permission. Under `/coops/:slug/...` it is checked with
 * the caller's role in that cooperative; elsewhere with the federation role.
 */
export const Can = (action: Action, subject: SubjectName) =>
  SetMetadata(PERMISSION, { action, subject } satisfies RequiredPermission);

/** Signed in is enough (own profile, own sessions). */
export const Authenticated = () => SetMetadata(PERMISSION, 'authenticated');
