import pg from 'pg';
import { createPostgresCheckpointer, migrateCheckpointer } from '@kotizo/agent';

/** Any fixed number: the advisory lock that keeps two processes from setting up the checkpoints at once. */
const CHECKPOINT_SETUP_LOCK = 726_001;

/**
 * Creates or updates LangGraph's checkpoint tables (schema `agent`). Run by
 * the migrate command, and by each worker at start as a safety net; the
 * setup is not safe when two processes run it together, so it holds a
 * PostgreSQL advisory lock meanwhile.
 */
export async function setUpCheckpoints(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const saver = createPostgresCheckpointer({ connectionString });
  try {
    await client.query('select pg_advisory_lock($1)', [CHECKPOINT_SETUP_LOCK]);
    await migrateCheckpointer(saver);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [CHECKPOINT_SETUP_LOCK]).catch(() => undefined);
    await client.end();
    await saver.end();
  }
}
