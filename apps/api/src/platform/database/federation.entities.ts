import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The registry of cooperatives in the shared `federation` schema, as an entity.
 * The other federation tables (users, memberships, sessions, refresh tokens,
 * audit log) are reached with plain SQL from their one repository or service.
 */

export const Cooperative = defineEntity({
  name: 'Cooperative',
  schema: 'federation',
  tableName: 'cooperatives',
  properties: {
    id: p.uuid().primary(),
    slug: p.string().unique(),
    name: p.string(),
    country: p.string(),
    currency: p.string(),
    timeZone: p.string(),
    locale: p.string(),
    status: p.string(),
    schemaName: p.string().unique(),
    statusReason: p.string().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    provisionedAt: p.datetime().nullable(),
  },
});
export type Cooperative = InferEntity<typeof Cooperative>;

export const federationEntities = [Cooperative];
