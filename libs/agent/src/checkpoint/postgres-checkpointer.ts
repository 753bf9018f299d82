import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';

export const DEFAULT_CHECKPOINT_SCHEMA = 'agent';

export type CheckpointerSource = { connectionString: string } | { pool: pg.Pool };

/**
 * Investigation and assistant state lives in PostgreSQL, in its own schema
 * (`agent` by default, next to `federation` and the `coop_*` schemas): a
 * run survives a worker restart and resumes on any worker. Thread ids carry
 * no tenant data; the state records its cooperative and the runner refuses
 * another cooperative's ports.
 */
export function createPostgresCheckpointer(
  source: CheckpointerSource,
  schema = DEFAULT_CHECKPOINT_SCHEMA,
): PostgresSaver {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`not a plain schema name: ${schema}`);
  return 'pool' in source
    ? new PostgresSaver(source.pool, undefined, { schema })
    : PostgresSaver.fromConnString(source.connectionString, { schema });
}

/**
 * Creates the schema and tables, or brings them up to date. A deliberate
 * step (the API's migrate command), not something done on boot: two
 * workers starting together would race on it.
 */
export async function migrateCheckpointer(saver: PostgresSaver): Promise<void> {
  await saver.setup();
}
