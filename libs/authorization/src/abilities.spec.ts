import { asSubject, defineAbilityFor, hasUnconditionalAccess, type Principal } from './abilities.js';
import type { Action, SubjectName } from './vocabulary.js';

const user = (p: Partial<Principal>): Principal => ({
  userId: 'u1',
  federationRole: null,
  cooperativeRole: null,
  ...p,
});

describe('role abilities', () => {
  const cases: [string, Principal, Action, SubjectName, boolean][] = [
    [
      'federation admin creates cooperatives',
      user({ federationRole: 'federation_admin' }),
      'create',
      'Cooperative',
      true,
    ],
    [
      'federation auditor cannot create cooperatives',
      user({ federationRole: 'federation_auditor' }),
      'create',
      'Cooperative',
      false,
    ],
    [
      'federation auditor reads any ledger',
      user({ federationRole: 'federation_auditor' }),
      'read',
      'Transaction',
      true,
    ],
    ['federation auditor works cases', user({ federationRole: 'federation_auditor' }), 'update', 'Case', true],
    ['admin manages users', user({ cooperativeRole: 'admin' }), 'update', 'CooperativeUser', true],
    ['admin cannot suspend the cooperative', user({ cooperativeRole: 'admin' }), 'suspend', 'Cooperative', false],
    ['treasurer records transactions', user({ cooperativeRole: 'treasurer' }), 'create', 'Transaction', true],
    ['treasurer cannot edit rules', user({ cooperativeRole: 'treasurer' }), 'update', 'RuleSet', false],
    ['treasurer cannot add users', user({ cooperativeRole: 'treasurer' }), 'create', 'CooperativeUser', false],
    ['secretary suspends members', user({ cooperativeRole: 'secretary' }), 'suspend', 'Member', true],
    ['secretary cannot record money', user({ cooperativeRole: 'secretary' }), 'create', 'Transaction', false],
    ['auditor edits rules', user({ cooperativeRole: 'auditor' }), 'update', 'RuleSet', true],
    ['auditor cannot record money', user({ cooperativeRole: 'auditor' }), 'create', 'Transaction', false],
    ['member cannot list users', user({ cooperativeRole: 'member' }), 'read', 'CooperativeUser', false],
    ['nobody without a role reads a cooperative', user({}), 'read', 'Cooperative', false],
  ];

  it.each(cases)('%s', (_, principal, action, subject, expected) => {
    expect(defineAbilityFor(principal).can(action, subject)).toBe(expected);
  });

  it('lets a member see only their own records', () => {
    const ability = defineAbilityFor(user({ cooperativeRole: 'member', memberId: 'm1' }));
    expect(ability.can('read', asSubject('Transaction', { memberId: 'm1' }))).toBe(true);
    expect(ability.can('read', asSubject('Transaction', { memberId: 'm2' }))).toBe(false);
    expect(ability.can('read', asSubject('Member', { id: 'm1' }))).toBe(true);
    expect(ability.can('read', asSubject('Member', { id: 'm2' }))).toBe(false);
  });

  it('lets a member read and write only the message threads they take part in, and only their notifications', () => {
    const ability = defineAbilityFor(user({ cooperativeRole: 'member', memberId: 'm1' }));
    expect(ability.can('create', 'Message')).toBe(true);
    expect(ability.can('read', asSubject('Message', { participantIds: ['u1', 'u2'] }))).toBe(true);
    expect(ability.can('read', asSubject('Message', { participantIds: ['u2', 'u3'] }))).toBe(false);
    expect(ability.can('update', 'Message')).toBe(false);
    expect(hasUnconditionalAccess(ability, 'read', 'Message')).toBe(false);
    expect(ability.can('read', asSubject('Notification', { userId: 'u1' }))).toBe(true);
    expect(ability.can('read', asSubject('Notification', { userId: 'u2' }))).toBe(false);
  });

  it('lets every office role use the messages', () => {
    for (const cooperativeRole of ['admin', 'treasurer', 'secretary', 'auditor'] as const) {
      const ability = defineAbilityFor(user({ cooperativeRole }));
      expect(hasUnconditionalAccess(ability, 'read', 'Message')).toBe(true);
      expect(ability.can('create', 'Message')).toBe(true);
    }
  });

  it('gives a member with no linked record nothing of the ledger', () => {
    const ability = defineAbilityFor(user({ cooperativeRole: 'member' }));
    expect(ability.can('read', asSubject('Transaction', { memberId: 'm1' }))).toBe(false);
  });
});

describe('hasUnconditionalAccess', () => {
  it('tells record-limited access from full access', () => {
    const member = defineAbilityFor(user({ cooperativeRole: 'member', memberId: 'm1' }));
    expect(member.can('read', 'Member')).toBe(true);
    expect(hasUnconditionalAccess(member, 'read', 'Member')).toBe(false);
    expect(hasUnconditionalAccess(defineAbilityFor(user({ cooperativeRole: 'secretary' })), 'read', 'Member')).toBe(
      true,
    );
    expect(
      hasUnconditionalAccess(defineAbilityFor(user({ federationRole: 'federation_admin' })), 'read', 'Member'),
    ).toBe(true);
  });
});
