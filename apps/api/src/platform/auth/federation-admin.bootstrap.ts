import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';
import { FederationDatabase } from '../database/federation-database.js';
import { AuditLog } from '../observability/audit-log.js';
import { PasswordHasher } from './password-hasher.js';

export type BootstrapOutcome = 'created' | 'exists' | 'not_configured';

/**
 * Creates the first federation admin from FEDERATION_ADMIN_EMAIL/PASSWORD when
 * no federation admin exists yet. Run by the `create-federation-admin` command
 * and by the start script; never by a request-serving process on its own.
 */
@Injectable()
export class FederationAdminBootstrap {
  private readonly logger = new Logger(FederationAdminBootstrap.name);

  constructor(
    private readonly db: FederationDatabase,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async run(
    input = {
      email: this.env.FEDERATION_ADMIN_EMAIL,
      password: this.env.FEDERATION_ADMIN_PASSWORD,
      name: this.env.FEDERATION_ADMIN_NAME,
    },
  ): Promise<BootstrapOutcome> {
    if (!input.email || !input.password) return 'not_configured';
    const email = input.email.trim().toLowerCase();
    return this.db.em().transactional(async (tx) => {
      // Serialise concurrent bootstraps (several processes starting together).
      await tx.execute(`select pg_advisory_xact_lock(hashtext('kotizo.federation-admin'))`);
      const [existing] = await tx.execute<{ id: string }[]>(
        `select id from federation.users where federation_role = 'federation_admin' limit 1`,
      );
      if (existing) return 'exists';
      const hash = await this.hasher.hash(input.password!);
      const [user] = await tx.execute<{ id: string }[]>(
        `insert into federation.users (email, name, password_hash, federation_role)
         values (?, ?, ?, 'federation_admin')
         on conflict (email) do update set federation_role = 'federation_admin', updated_at = now()
         returning id`,
        [email, input.name, hash],
      );
      await this.audit.record({ action: 'federation_admin.bootstrap', actorUserId: null, target: user!.id }, tx);
      this.logger.log({ email }, 'federation admin created');
      return 'created';
    });
  }
}
