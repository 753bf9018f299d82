import { RESERVED_SLUGS, SLUG_MAX_LENGTH } from '@kotizo/domain';

/**
 * A URL/schema-safe slug from a cooperative's name: "Coopérative des Femmes de Bouaké" becomes
 * "cooperative-des-femmes-de-bouake". Accents are dropped, anything else becomes a hyphen, the
 * slug must start with a letter and fit SLUG_MAX_LENGTH without ending on a hyphen. Reserved
 * words get a "-coop" suffix. The user can still edit it; the server has the last word.
 */
export function suggestSlug(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  slug = cut(slug, SLUG_MAX_LENGTH);
  if (RESERVED_SLUGS.has(slug)) slug = cut(`${slug}-coop`, SLUG_MAX_LENGTH);
  return slug;
}

function cut(slug: string, max: number): string {
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-+$/, '');
}
