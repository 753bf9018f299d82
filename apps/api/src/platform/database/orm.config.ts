import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { federationEntities } from './federation.entities.js';

export interface DatabaseSettings {
  url: string;
  poolMax: number;
}

export function ormConfig(settings: DatabaseSettings): Options {
  return defineConfig({
    clientUrl: settings.url,
    entities: federationEntities,
    extensions: [Migrator],
    pool: { min: 0, max: settings.poolMax },
    // Every query runs in an explicit fork: no hidden global identity map.
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
  });
}
