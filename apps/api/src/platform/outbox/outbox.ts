import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from './domain-events.js';

/**
 * Records a domain event in the cooperative's outbox, inside the caller's
 * transaction: it commits (or rolls back) with the change it describes, costs
 * one small insert, and never waits on Redis or a socket. A statement trigger
 * NOTIFYs the relay at commit; the worker turns the row into notifications.
 *
 * A plain function rather than a provider: it holds no state, and the
 * repositories that call it are built by several modules (API, worker, CLI).
 */
export async function writeOutbox(tx: EntityManager, ...events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values = events.map(() => '(?, ?::jsonb)').join(', ');
  const params = events.flatMap(({ type, ...payload }) => [type, JSON.stringify(payload)]);
  await tx.execute(`insert into outbox (event, payload) values ${values}`, params);
}
