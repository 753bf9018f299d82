import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';

interface QueryExecutor {
  executeQuery(query: CompiledQuery): Promise<unknown>;
}

/**
 * Inserts many rows in one statement with one array parameter per column
 * (`insert ... select * from unnest($1::type[], ...)`), bound by the server.
 * MikroORM's `execute()` inlines every parameter into the SQL text, which is
 * fine for ordinary queries but slow for thousands of rows; this goes through
 * the transaction's own Kysely executor (the one MikroORM uses underneath).
 */
export async function bulkInsert(
  tx: EntityManager,
  table: string,
  columns: readonly { name: string; type: string }[],
  values: readonly unknown[][],
): Promise<void> {
  if (values[0]?.length === 0) return;
  const executor = tx.getTransactionContext<QueryExecutor>();
  if (!executor) throw new Error('bulkInsert needs a transaction');
  const casts = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `insert into ${table} (${columns.map((c) => c.name).join(', ')}) select * from unnest(${casts})`;
  await executor.executeQuery(CompiledQuery.raw(sql, values as unknown[]));
}
