import { type Action, type AppAbility, type SubjectName, hasUnconditionalAccess } from '@kotizo/authorization';

export type NavItemId =
  'cooperatives' | 'home' | 'members' | 'record' | 'journal' | 'loans' | 'cases' | 'rules' | 'users' | 'account';

export interface NavItem {
  id: NavItemId;
  labelKey: string;
  icon: string;
  link: string[];
}

/** The pages of a cooperative, in menu order, with the right each one needs. */
const COOPERATIVE_PAGES: readonly {
  id: NavItemId;
  section: string;
  icon: string;
  action: Action;
  subject: SubjectName;
}[] = [
  { id: 'home', section: '', icon: 'home', action: 'read', subject: 'Cooperative' },
  { id: 'members', section: 'members', icon: 'person', action: 'read', subject: 'Member' },
  { id: 'record', section: 'record', icon: 'payments', action: 'create', subject: 'Transaction' },
  { id: 'journal', section: 'journal', icon: 'list', action: 'read', subject: 'Transaction' },
  { id: 'loans', section: 'loans', icon: 'bank', action: 'read', subject: 'Loan' },
  { id: 'cases', section: 'cases', icon: 'folder', action: 'read', subject: 'Case' },
  { id: 'rules', section: 'rules', icon: 'tune', action: 'read', subject: 'RuleSet' },
  { id: 'users', section: 'users', icon: 'group', action: 'read', subject: 'CooperativeUser' },
];

/** Whether `ability` opens the cooperative page `section` (e.g. `journal`); unknown pages: no. */
export function canOpenSection(ability: AppAbility, section: string): boolean {
  const page = COOPERATIVE_PAGES.find((p) => p.section === section);
  return page ? ability.can(page.action, page.subject) : false;
}

/**
 * The side navigation: federation pages for federation staff, the pages of the current
 * cooperative that the user's role may use there and, for a member's own account
 * (`ownMemberId`), their member page. Pages the role opens only for its own records (a member's
 * list of members, say) are left to that page.
 */
export function navItemsFor(
  federationAbility: AppAbility,
  ability: AppAbility,
  slug: string | null,
  ownMemberId: string | null = null,
): NavItem[] {
  const items: NavItem[] = [];
  if (federationAbility.can('read', 'Cooperative')) {
    items.push({
      id: 'cooperatives',
      labelKey: 'nav.cooperatives',
      icon: 'domain',
      link: ['/federation', 'cooperatives'],
    });
  }
  if (!slug) return items;
  for (const page of COOPERATIVE_PAGES) {
    if (!ability.can(page.action, page.subject)) continue;
    if (page.section && ownMemberId && !hasUnconditionalAccess(ability, page.action, page.subject)) continue;
    items.push({
      id: page.id,
      labelKey: `nav.${page.id}`,
      icon: page.icon,
      link: page.section ? ['/c', slug, page.section] : ['/c', slug],
    });
  }
  if (ownMemberId && ability.can('read', 'Member')) {
    items.push({ id: 'account', labelKey: 'nav.account', icon: 'account', link: ['/c', slug, 'members', ownMemberId] });
  }
  return items;
}
