import { type Action, type AppAbility, type SubjectName, hasUnconditionalAccess } from '@kotizo/authorization';

export type NavItemId =
  | 'cooperatives'
  | 'home'
  | 'members'
  | 'record'
  | 'imports'
  | 'journal'
  | 'loans'
  | 'cases'
  | 'rules'
  | 'assistant'
  | 'users'
  | 'settings'
  | 'messages'
  | 'account';

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
  /** A second right that opens the page as well (the assistant: reports, or the journal). */
  or?: readonly [Action, SubjectName];
  /** Shown to a member too, though limited to their own records (their own message threads). */
  personal?: boolean;
}[] = [
  { id: 'home', section: '', icon: 'home', action: 'read', subject: 'Cooperative' },
  { id: 'members', section: 'members', icon: 'person', action: 'read', subject: 'Member' },
  { id: 'record', section: 'record', icon: 'payments', action: 'create', subject: 'Transaction' },
  { id: 'imports', section: 'imports', icon: 'upload', action: 'create', subject: 'Transaction' },
  { id: 'journal', section: 'journal', icon: 'list', action: 'read', subject: 'Transaction' },
  { id: 'loans', section: 'loans', icon: 'bank', action: 'read', subject: 'Loan' },
  { id: 'cases', section: 'cases', icon: 'folder', action: 'read', subject: 'Case' },
  { id: 'rules', section: 'rules', icon: 'tune', action: 'read', subject: 'RuleSet' },
  {
    id: 'assistant',
    section: 'assistant',
    icon: 'assistant',
    action: 'read',
    subject: 'Report',
    or: ['read', 'Transaction'],
  },
  { id: 'users', section: 'users', icon: 'group', action: 'read', subject: 'CooperativeUser' },
  { id: 'settings', section: 'settings', icon: 'settings', action: 'read', subject: 'Settings' },
  { id: 'messages', section: 'messages', icon: 'forum', action: 'read', subject: 'Message', personal: true },
];

type CooperativePage = (typeof COOPERATIVE_PAGES)[number];

const rightsOf = (page: CooperativePage) => [[page.action, page.subject] as const, ...(page.or ? [page.or] : [])];

const opens = (ability: AppAbility, page: CooperativePage) =>
  rightsOf(page).some(([action, subject]) => ability.can(action, subject));

const opensFully = (ability: AppAbility, page: CooperativePage) =>
  rightsOf(page).some(([action, subject]) => hasUnconditionalAccess(ability, action, subject));

/** Whether `ability` opens the cooperative page `section` (e.g. `journal`); unknown pages: no. */
export function canOpenSection(ability: AppAbility, section: string): boolean {
  const page = COOPERATIVE_PAGES.find((p) => p.section === section);
  return page ? opens(ability, page) : false;
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
    if (!opens(ability, page)) continue;
    if (page.section && ownMemberId && !opensFully(ability, page) && !page.personal) continue;
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
