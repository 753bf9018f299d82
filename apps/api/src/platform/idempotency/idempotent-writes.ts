import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { TenantDatabase } from '../database/tenant-database.js';
import { AppError, Conflict } from '../errors/app-error.js';
import type { TenantContext } from '../tenancy/tenant-context.js';

export interface WriteResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

interface StoredReply {
  request_hash: string;
  status: number;
  body: unknown;
}

/** Canonical JSON (sorted keys) so that the same body always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestFingerprint(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * Runs a tenant write in one transaction, at most once per Idempotency-Key.
 * The key's stored reply is written in the same transaction as the write, so
 * a crash leaves either both or neither; a transaction-scoped advisory lock
 * on the key makes a concurrent retry answer 409 instead of waiting or writing
 * twice. Same key, other body: 422.
 */
@Injectable()
export class IdempotentWrites {
  constructor(private readonly db: TenantDatabase) {}

  async run<T>(
    tenant: TenantContext,
    key: string | null,
    fingerprint: string,
    work: (tx: EntityManager) => Promise<T>,
    status = 201,
  ): Promise<WriteResult<T>> {
    if (!key) {
      const body = await this.db.transactional(tenant, work);
      return { status, body, replayed: false };
    }
    return this.db.transactional(tenant, async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as locked',
        [`${tenant.schema}:idempotency:${key}`],
      );
      if (!lock?.locked) {
        throw new Conflict('idempotency_in_flight');
      }
      const [prior] = await tx.execute<StoredReply[]>(
        'select request_hash, status, body from idempotency_keys where key = ?',
        [key],
      );
      if (prior) {
        if (prior.request_hash !== fingerprint) {
          throw new AppError(422, 'idempotency_key_reused');
        }
        return { status: prior.status, body: prior.body as T, replayed: true };
      }
      const body = await work(tx);
      await tx.execute('insert into idempotency_keys (key, request_hash, status, body) values (?, ?, ?, ?)', [
        key,
        fingerprint,
        status,
        JSON.stringify(body),
      ]);
      return { status, body, replayed: false };
    });
  }
}
