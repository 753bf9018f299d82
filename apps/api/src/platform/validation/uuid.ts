const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before any query: a malformed one is as unknown as a foreign one (404). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
