import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Tables that exist once per cooperative schema (`coop_<slug>`). `schema: '*'`
 * means MikroORM refuses to query them until a schema is bound, which only
 * TenantDatabase does.
 */
export const Setting = defineEntity({
  name: 'Setting',
  schema: '*',
  tableName: 'settings',
  properties: {
    key: p.string().primary(),
    value: p.json<unknown>(),
    updatedAt: p.datetime(),
  },
});
export type Setting = InferEntity<typeof Setting>;

export const tenantEntities = [Setting];
