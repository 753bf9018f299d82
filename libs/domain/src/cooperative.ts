export const COOPERATIVE_STATUSES = ['provisioning', 'active', 'suspended'] as const;
export type CooperativeStatus = (typeof COOPERATIVE_STATUSES)[number];

/**
 * A slug names the cooperative in URLs and in its PostgreSQL schema (`coop_<slug>`),
 * so it is kept to what is safe in both: lowercase ASCII letters, digits and single
 * hyphens, starting with a letter. PostgreSQL truncates identifiers at 63 bytes;
 * 40 leaves room for the `coop_` prefix.
 */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 40;

/** Words that would collide with routes, schemas or operator vocabulary. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'app',
  'auth',
  'coop',
  'coops',
  'default',
  'docs',
  'federation',
  'health',
  'information-schema',
  'login',
  'logout',
  'me',
  'new',
  'null',
  'pg-catalog',
  'pg-toast',
  'public',
  'root',
  'system',
  'undefined',
]);

export type SlugProblem = 'too_short' | 'too_long' | 'pattern' | 'reserved';

export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN_LENGTH) return 'too_short';
  if (slug.length > SLUG_MAX_LENGTH) return 'too_long';
  if (!SLUG_PATTERN.test(slug)) return 'pattern';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return null;
}

/** The PostgreSQL schema that holds one cooperative's books. */
export function schemaNameForSlug(slug: string): string {
  const problem = slugProblem(slug);
  if (problem) throw new Error(`Invalid cooperative slug "${slug}": ${problem}`);
  return `coop_${slug.replaceAll('-', '_')}`;
}
