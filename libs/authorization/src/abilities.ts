import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { CooperativeRole, FederationRole } from '@kotizo/domain';
import type { Action, SubjectName } from './vocabulary.js';

/** A record checked against conditions, e.g. `{ memberId }` for a member's own data. */
export type SubjectRecord = Record<string, unknown> & { __typename?: SubjectName };

export type AppAbility = MongoAbility<[Action, SubjectName | SubjectRecord], MongoQuery>;

/**
 * Who is acting, in the cooperative being looked at (if any). The API builds it
 * from the verified token plus the database; the console from `/me`.
 */
export interface Principal {
  userId: string;
  federationRole: FederationRole | null;
  /** Role in the current cooperative; null outside one or without a membership. */
  cooperativeRole: CooperativeRole | null;
  /** The member record linked to the user in the current cooperative, if any. */
  memberId?: string | null;
}

type Can = AbilityBuilder<AppAbility>['can'];

const cooperativeAbilities: Record<CooperativeRole, (can: Can, p: Principal) => void> = {
  admin: (can) => {
    can('read', 'Cooperative');
    can('manage', ['CooperativeUser', 'Settings', 'Member', 'Transaction', 'Loan']);
    can('manage', ['RuleSet', 'Case', 'Investigation', 'Report', 'Dashboard']);
    can('manage', ['Notification', 'Message', 'AuditLog']);
  },
  treasurer: (can) => {
    can('read', ['Cooperative', 'Settings', 'Member', 'CooperativeUser']);
    can(['read', 'create', 'approve'], ['Transaction', 'Loan']);
    can(['read', 'export'], ['Report', 'Dashboard']);
    can('read', 'Case');
    can('manage', ['Notification', 'Message']);
  },
  secretary: (can) => {
    can('read', ['Cooperative', 'Settings', 'CooperativeUser']);
    can(['read', 'create', 'update', 'suspend'], 'Member');
    can('read', ['Transaction', 'Loan', 'Dashboard']);
    can('manage', ['Notification', 'Message']);
  },
  auditor: (can) => {
    can('read', ['Cooperative', 'Settings', 'Member', 'Transaction', 'Loan', 'CooperativeUser']);
    can('manage', ['RuleSet', 'Case', 'Investigation']);
    can(['read', 'export'], ['Report', 'Dashboard', 'AuditLog']);
    can('manage', ['Notification', 'Message']);
  },
  member: (can, p) => {
    can('read', 'Cooperative');
    // A member sees only their own records; with no linked member record, nothing.
    if (p.memberId) {
      const own = { memberId: p.memberId };
      can('read', ['Member'], { id: p.memberId });
      can('read', ['Transaction', 'Loan'], own);
    }
    can('manage', 'Notification', { userId: p.userId });
    can(['read', 'create'], 'Message', { participantIds: { $in: [p.userId] } });
  },
};

export function defineAbilityFor(principal: Principal): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can } = builder;
  switch (principal.federationRole) {
    case 'federation_admin':
      can('manage', 'all');
      break;
    case 'federation_auditor':
      can('read', 'all');
      can('export', ['Report', 'Dashboard']);
      can('manage', ['Case', 'Investigation']);
      break;
    case null:
      break;
  }
  if (principal.cooperativeRole) {
    cooperativeAbilities[principal.cooperativeRole](can, principal);
  }
  return builder.build({ detectSubjectType: (s) => (s as SubjectRecord).__typename ?? 'all' });
}

/** Tags a plain record with its subject type so conditions apply to it. */
export function asSubject<T extends Record<string, unknown>>(
  type: SubjectName,
  record: T,
): T & { __typename: SubjectName } {
  return { ...record, __typename: type };
}

/**
 * True when some rule grants the action on every record of the subject (no
 * conditions). When false but `can(action, subject)` is true, the caller may
 * act only on records matching the rule's conditions (e.g. a member's own).
 */
export function hasUnconditionalAccess(ability: AppAbility, action: Action, subject: SubjectName): boolean {
  const rules = ability.rulesFor(action, subject);
  const granting = rules.filter((r) => !r.inverted);
  return granting.some((r) => !r.conditions) && !rules.some((r) => r.inverted && !r.conditions);
}
