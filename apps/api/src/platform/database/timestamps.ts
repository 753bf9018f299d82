/**
 * MikroORM's raw `execute()` returns PostgreSQL timestamps as text (it turns
 * the driver's date parsing off); this gives them back as ISO 8601 strings.
 */
export function isoTimestamp(value: string | Date): string {
  return new Date(value).toISOString();
}
