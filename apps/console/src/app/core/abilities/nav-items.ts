import type { AppAbility } from '@kotizo/authorization';

export interface NavItem {
  id: 'cooperatives' | 'home' | 'users';
  labelKey: string;
  icon: string;
  link: string[];
}

/**
 * The side navigation: federation pages for federation staff, and the pages of the current
 * cooperative that the user's role may read there.
 */
export function navItemsFor(
  federationAbility: AppAbility,
  ability: AppAbility,
  slug: string | null,
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
  if (slug && ability.can('read', 'Cooperative')) {
    items.push({ id: 'home', labelKey: 'nav.home', icon: 'home', link: ['/c', slug] });
  }
  if (slug && ability.can('read', 'CooperativeUser')) {
    items.push({ id: 'users', labelKey: 'nav.users', icon: 'group', link: ['/c', slug, 'users'] });
  }
  return items;
}
