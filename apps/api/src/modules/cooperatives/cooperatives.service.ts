import { Injectable, Logger } from '@nestjs/common';
import type {
  CooperativeResponse,
  CreateCooperativeCommand,
  CreateCooperativeResponse,
  Page,
  UpdateCooperativeStatusRequest,
} from '@kotizo/contracts';
import { schemaNameForSlug } from '@kotizo/domain';
import { FederationDatabase } from '../../platform/database/federation-database.js';
import { isoTimestamp } from '../../platform/database/timestamps.js';
import { MigrationService } from '../../platform/database/migration.service.js';
import { Conflict, NotFound, fieldError } from '../../platform/errors/app-error.js';
import { AuditLog } from '../../platform/observability/audit-log.js';
import type { ActorContext, TenantRequestContext } from '../../platform/tenancy/tenant-context.js';
import { UserAccounts } from '../users/user-accounts.js';
import { toCooperativeResponse } from './cooperative.mapper.js';
import { CooperativesRepository } from './cooperatives.repository.js';
import { defaultSettings } from './default-settings.js';
import { ActiveRulesProvider } from '../audit/active-rules.js';

export interface ListCooperativesQuery {
  q?: string;
  status?: string;
  limit: number;
  offset: number;
}

const UNIQUE_VIOLATION = '23505';

/** Who provisions: a signed-in federation admin, or the demo seeder. */
export type ProvisioningActor = Pick<ActorContext, 'principal' | 'requestId'>;

@Injectable()
export class CooperativesService {
  private readonly logger = new Logger(CooperativesService.name);

  constructor(
    private readonly db: FederationDatabase,
    private readonly migrations: MigrationService,
    private readonly repository: CooperativesRepository,
    private readonly accounts: UserAccounts,
    private readonly audit: AuditLog,
    private readonly rules: ActiveRulesProvider,
  ) {}

  async list(actor: ActorContext, query: ListCooperativesQuery): Promise<Page<CooperativeResponse>> {
    const memberUserId = actor.principal.federationRole ? undefined : actor.principal.userId;
    const { items, total } = await this.repository.list({ ...query, memberUserId });
    return { items: items.map(toCooperativeResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(context: TenantRequestContext): Promise<CooperativeResponse> {
    const cooperative = await this.repository.findBySlug(context.tenant.slug);
    if (!cooperative) throw new NotFound('cooperative');
    return toCooperativeResponse(cooperative);
  }

  /**
   * Provisions a cooperative in one transaction: registry row, schema and its
   * migrations, default settings, first admin and the audit entry. PostgreSQL
   * DDL is transactional, so a failure at any step leaves nothing behind.
   * Repeating the same call (a retry after a lost response) answers with the
   * cooperative already made instead of a conflict.
   */
  async create(
    actor: ProvisioningActor,
    command: CreateCooperativeCommand,
  ): Promise<{ created: boolean; body: CreateCooperativeResponse }> {
    try {
      const body = await this.provision(actor, command);
      return { created: true, body };
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return { created: false, body: await this.replayOrConflict(command) };
    }
  }

  private async provision(
    actor: ProvisioningActor,
    command: CreateCooperativeCommand,
  ): Promise<CreateCooperativeResponse> {
    const schema = schemaNameForSlug(command.slug);
    return this.db.em().transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string; created_at: string }[]>(
        `insert into federation.cooperatives
           (slug, name, country, currency, time_zone, locale, status, schema_name, provisioned_at)
         values (?, ?, ?, ?, ?, ?, 'active', ?, now())
         returning id, created_at`,
        [command.slug, command.name, command.country, command.currency, command.timeZone, command.locale, schema],
      );
      const cooperativeId = row!.id;
      await this.migrations.createTenantSchema(tx, schema);
      for (const [key, value] of Object.entries(defaultSettings(command))) {
        await tx.execute(`insert into "${schema}".settings (key, value) values (?, ?)`, [key, JSON.stringify(value)]);
      }
      // The default audit rules, as version 1 of the cooperative's own rule set.
      await tx.execute(`set local search_path to "${schema}"`);
      await this.rules.install(tx);
      await tx.execute('set local search_path to default');
      const admin = await this.accounts.ensure(tx, command.admin);
      await this.accounts.addMembership(tx, admin.id, cooperativeId, 'admin');
      await this.audit.record(
        {
          action: 'cooperative.create',
          actorUserId: actor.principal.userId,
          cooperativeId,
          target: command.slug,
          details: { name: command.name, adminEmail: admin.email },
          requestId: actor.requestId,
        },
        tx,
      );
      this.logger.log({ cooperative: command.slug, schema }, 'cooperative provisioned');
      return {
        id: cooperativeId,
        slug: command.slug,
        name: command.name,
        country: command.country,
        currency: command.currency,
        timeZone: command.timeZone,
        locale: command.locale,
        status: 'active',
        createdAt: isoTimestamp(row!.created_at),
        admin: { id: admin.id, email: admin.email, name: admin.name, temporaryPassword: admin.temporaryPassword },
      };
    });
  }

  private async replayOrConflict(command: CreateCooperativeCommand): Promise<CreateCooperativeResponse> {
    const existing = await this.repository.findBySlug(command.slug);
    const conflict = new Conflict('slug_taken', {
      params: { slug: command.slug },
      errors: [fieldError('slug', 'slug_taken')],
    });
    if (!existing) throw conflict;
    const admins = await this.repository.adminEmails(existing.id);
    const same =
      existing.name === command.name &&
      existing.country.trim() === command.country &&
      existing.currency.trim() === command.currency &&
      admins.includes(command.admin.email);
    if (!same) throw conflict;
    const em = this.db.em();
    const [admin] = await em.execute<{ id: string; name: string }[]>(
      'select id, name from federation.users where email = ?',
      [command.admin.email],
    );
    return {
      ...toCooperativeResponse(existing),
      admin: { id: admin!.id, email: command.admin.email, name: admin!.name, temporaryPassword: null },
    };
  }

  async setStatus(
    context: TenantRequestContext,
    request: UpdateCooperativeStatusRequest,
  ): Promise<CooperativeResponse> {
    const em = this.db.em();
    return em.transactional(async (tx) => {
      const cooperative = await this.repository.findBySlug(context.tenant.slug, tx);
      if (!cooperative) throw new NotFound('cooperative');
      if (cooperative.status !== request.status) {
        cooperative.status = request.status;
        cooperative.statusReason = request.reason ?? null;
        cooperative.updatedAt = new Date();
        await this.audit.record(
          {
            action: request.status === 'suspended' ? 'cooperative.suspend' : 'cooperative.reactivate',
            actorUserId: context.principal.userId,
            cooperativeId: cooperative.id,
            target: cooperative.slug,
            details: { reason: request.reason ?? null },
            requestId: context.requestId,
          },
          tx,
        );
      }
      await tx.flush();
      return toCooperativeResponse(cooperative);
    });
  }
}
