import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Tables of the shared `federation` schema: the registry of tenants and who may enter them. */

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

export const User = defineEntity({
  name: 'User',
  schema: 'federation',
  tableName: 'users',
  properties: {
    id: p.uuid().primary(),
    email: p.string().unique(),
    name: p.string(),
    passwordHash: p.string().hidden(),
    federationRole: p.string().nullable(),
    mustChangePassword: p.boolean(),
    active: p.boolean(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type User = InferEntity<typeof User>;

export const Membership = defineEntity({
  name: 'Membership',
  schema: 'federation',
  tableName: 'memberships',
  properties: {
    id: p.uuid().primary(),
    user: () => p.manyToOne(User),
    cooperative: () => p.manyToOne(Cooperative),
    role: p.string(),
    active: p.boolean(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type Membership = InferEntity<typeof Membership>;

/** A signed-in device: one per login, revoked on sign-out or on refresh-token reuse. */
export const Session = defineEntity({
  name: 'Session',
  schema: 'federation',
  tableName: 'sessions',
  properties: {
    id: p.uuid().primary(),
    user: () => p.manyToOne(User),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revokedReason: p.string().nullable(),
  },
});
export type Session = InferEntity<typeof Session>;

export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  schema: 'federation',
  tableName: 'refresh_tokens',
  properties: {
    id: p.uuid().primary(),
    session: () => p.manyToOne(Session),
    tokenHash: p.string().unique(),
    createdAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
export type RefreshToken = InferEntity<typeof RefreshToken>;

export const AuditLogEntry = defineEntity({
  name: 'AuditLogEntry',
  schema: 'federation',
  tableName: 'audit_log',
  properties: {
    id: p.bigint().primary().autoincrement(),
    at: p.datetime(),
    actorUserId: p.uuid().nullable(),
    cooperativeId: p.uuid().nullable(),
    action: p.string(),
    target: p.string().nullable(),
    details: p.json<Record<string, unknown>>(),
    requestId: p.string().nullable(),
  },
});
export type AuditLogEntry = InferEntity<typeof AuditLogEntry>;

export const federationEntities = [Cooperative, User, Membership, Session, RefreshToken, AuditLogEntry];
