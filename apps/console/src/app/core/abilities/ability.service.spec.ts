import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@kotizo/contracts';
import { aMembership, aUser } from '../../testing/builders';
import { Session } from '../auth/session';
import { AbilityService } from './ability.service';
import { CurrentCooperative } from './current-cooperative';
import { canOpenSection, navItemsFor } from './nav-items';

describe('AbilityService', () => {
  const me = signal<MeResponse | null>(null);
  const slug = signal<string | null>(null);
  let abilities: AbilityService;

  beforeEach(() => {
    me.set(null);
    slug.set(null);
    TestBed.configureTestingModule({
      providers: [
        { provide: Session, useValue: { me } },
        { provide: CurrentCooperative, useValue: { slug } },
      ],
    });
    abilities = TestBed.inject(AbilityService);
  });

  const everyPage = [
    'home',
    'members',
    'record',
    'imports',
    'journal',
    'loans',
    'cases',
    'rules',
    'assistant',
    'users',
    'settings',
    'messages',
  ];
  const navIds = () =>
    navItemsFor(abilities.federationAbility(), abilities.ability(), slug(), abilities.ownMemberId()).map(
      (item) => item.id,
    );

  it('grants nothing before /me is known', () => {
    slug.set('femmes-bouake');
    expect(abilities.can('read', 'Cooperative')).toBe(false);
    expect(navIds()).toEqual([]);
  });

  it('shows the federation pages to a federation admin, and every page of any cooperative', () => {
    me.set(aUser({ federationRole: 'federation_admin' }));
    expect(navIds()).toEqual(['cooperatives']);
    expect(abilities.can('create', 'Cooperative')).toBe(true);

    slug.set('any-coop');
    expect(navIds()).toEqual(['cooperatives', ...everyPage]);
    expect(abilities.can('update', 'CooperativeUser')).toBe(true);
  });

  it('lets a federation auditor read but not create or suspend cooperatives', () => {
    me.set(aUser({ federationRole: 'federation_auditor' }));
    expect(navIds()).toEqual(['cooperatives']);
    expect(abilities.can('read', 'Cooperative')).toBe(true);
    expect(abilities.can('create', 'Cooperative')).toBe(false);
    expect(abilities.can('suspend', 'Cooperative')).toBe(false);
  });

  it('keeps a cooperative admin out of the federation pages, in their cooperative only', () => {
    me.set(aUser({ memberships: [aMembership({ slug: 'femmes-bouake', role: 'admin' })] }));
    expect(navIds()).toEqual([]);
    expect(abilities.federationAbility().can('read', 'Cooperative')).toBe(false);

    slug.set('femmes-bouake');
    expect(navIds()).toEqual(everyPage);
    expect(abilities.can('create', 'CooperativeUser')).toBe(true);

    slug.set('someone-else');
    expect(navIds()).toEqual([]);
    expect(abilities.can('read', 'Cooperative')).toBe(false);
  });

  it('offers a member account its own member page and its messages, not the lists it sees only in part', () => {
    me.set(aUser({ memberships: [aMembership({ slug: 'femmes-bouake', role: 'member', memberId: 'm-1' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual(['home', 'messages', 'account']);
    const account = navItemsFor(abilities.federationAbility(), abilities.ability(), slug(), abilities.ownMemberId());
    expect(account.find((item) => item.id === 'account')?.link).toEqual(['/c', 'femmes-bouake', 'members', 'm-1']);
    expect(abilities.can('read', 'Member')).toBe(true);

    slug.set('someone-else');
    expect(abilities.ownMemberId()).toBeNull();
  });

  it('gives no account item to staff or to a member with no linked record', () => {
    me.set(aUser({ memberships: [aMembership({ slug: 'femmes-bouake', role: 'member', memberId: null })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual(['home', 'messages']);
    me.set(aUser({ memberships: [aMembership({ slug: 'femmes-bouake', role: 'treasurer' })] }));
    expect(navIds()).not.toContain('account');
  });

  it('follows the role of the selected cooperative when the user belongs to two', () => {
    me.set(
      aUser({
        memberships: [
          aMembership({ cooperativeId: 'a', slug: 'coop-a', role: 'admin' }),
          aMembership({ cooperativeId: 'b', slug: 'coop-b', role: 'member' }),
        ],
      }),
    );
    slug.set('coop-a');
    expect(navIds()).toEqual(everyPage);
    slug.set('coop-b');
    expect(navIds()).toEqual(['home', 'messages']);
    expect(abilities.can('read', 'CooperativeUser')).toBe(false);
  });

  it('shows users read-only to a treasurer, who records money and requests loans', () => {
    me.set(aUser({ memberships: [aMembership({ role: 'treasurer' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual(everyPage.filter((page) => page !== 'rules'));
    expect(abilities.can('create', 'Transaction')).toBe(true);
    expect(abilities.can('update', 'Member')).toBe(false);
    expect(abilities.can('read', 'CooperativeUser')).toBe(true);
    expect(abilities.can('create', 'CooperativeUser')).toBe(false);
  });

  it('lets a secretary keep the members but not record money', () => {
    me.set(aUser({ memberships: [aMembership({ role: 'secretary' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual(['home', 'members', 'journal', 'loans', 'assistant', 'users', 'settings', 'messages']);
    expect(abilities.can('suspend', 'Member')).toBe(true);
    expect(abilities.can('approve', 'Loan')).toBe(false);
  });

  it('lets an auditor read the books and verify the ledger, not write to them', () => {
    me.set(aUser({ memberships: [aMembership({ role: 'auditor' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual([
      'home',
      'members',
      'journal',
      'loans',
      'cases',
      'rules',
      'assistant',
      'users',
      'settings',
      'messages',
    ]);
    expect(abilities.can('read', 'AuditLog')).toBe(true);
    expect(abilities.can('create', 'Transaction')).toBe(false);
  });

  it('shows the cases to those who read them, and the audit rules only to those who keep them', () => {
    me.set(aUser({ memberships: [aMembership({ role: 'treasurer' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toContain('cases');
    expect(navIds()).not.toContain('rules');
    expect(abilities.can('update', 'Case')).toBe(false);

    me.set(aUser({ memberships: [aMembership({ role: 'auditor' })] }));
    expect(navIds()).toEqual(expect.arrayContaining(['cases', 'rules']));
    expect(abilities.can('update', 'Case')).toBe(true);
    expect(abilities.can('approve', 'RuleSet')).toBe(true);

    me.set(aUser({ memberships: [aMembership({ role: 'secretary' })] }));
    expect(navIds()).not.toContain('cases');
    expect(canOpenSection(abilities.abilityIn('femmes-bouake'), 'rules')).toBe(false);
  });

  it('offers the assistant to those who read the journal or the reports, not in the menu of a member', () => {
    me.set(aUser({ memberships: [aMembership({ role: 'secretary' })] }));
    slug.set('femmes-bouake');
    expect(abilities.can('read', 'Report')).toBe(false);
    expect(navIds()).toContain('assistant');

    me.set(aUser({ memberships: [aMembership({ role: 'member', memberId: 'm-1' })] }));
    expect(navIds()).not.toContain('assistant');
    // Opened from one of their movements, it answers about their own records only.
    expect(canOpenSection(abilities.abilityIn('femmes-bouake'), 'assistant')).toBe(true);

    me.set(aUser({ memberships: [aMembership({ role: 'member', memberId: null })] }));
    expect(canOpenSection(abilities.abilityIn('femmes-bouake'), 'assistant')).toBe(false);
  });

  it('keeps the page when switching cooperatives only if the role there may open it', () => {
    me.set(
      aUser({
        memberships: [aMembership({ slug: 'a', role: 'treasurer' }), aMembership({ slug: 'b', role: 'secretary' })],
      }),
    );
    expect(canOpenSection(abilities.abilityIn('a'), 'record')).toBe(true);
    expect(canOpenSection(abilities.abilityIn('b'), 'record')).toBe(false);
    expect(canOpenSection(abilities.abilityIn('b'), 'journal')).toBe(true);
    expect(canOpenSection(abilities.abilityIn('b'), 'unknown')).toBe(false);
  });

  it('ignores roles it does not know instead of granting anything', () => {
    me.set(aUser({ federationRole: 'superuser', memberships: [aMembership({ role: 'owner' })] }));
    slug.set('femmes-bouake');
    expect(navIds()).toEqual([]);
  });

  it('answers guards for a cooperative before the URL has changed', () => {
    me.set(aUser({ memberships: [aMembership({ slug: 'coop-a', role: 'secretary' })] }));
    expect(abilities.abilityIn('coop-a').can('read', 'CooperativeUser')).toBe(true);
    expect(abilities.abilityIn('coop-b').can('read', 'Cooperative')).toBe(false);
    expect(abilities.abilityIn(null).can('read', 'Cooperative')).toBe(false);
  });
});
