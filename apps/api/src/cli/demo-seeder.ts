import { Inject, Injectable } from '@nestjs/common';
import { AuditRuns } from '../modules/audit/audit-runs.js';
import type { CreateCooperativeCommand } from '@kotizo/contracts';
import { type CooperativeRole, schemaNameForSlug } from '@kotizo/domain';
import { PasswordHasher } from '../platform/auth/password-hasher.js';
import { FederationAdminBootstrap } from '../platform/auth/federation-admin.bootstrap.js';
import { ENV } from '../platform/config/config.module.js';
import type { Env } from '../platform/config/env.schema.js';
import { FederationDatabase } from '../platform/database/federation-database.js';
import { TenantDatabase } from '../platform/database/tenant-database.js';
import { seedDemoBooks } from './demo-books.js';
import { CooperativesService } from '../modules/cooperatives/cooperatives.service.js';
import { UserAccounts } from '../modules/users/user-accounts.js';

export const DEMO_PASSWORD = 'Demo-kotizo-2026';

interface DemoCooperative {
  command: CreateCooperativeCommand;
  others: { name: string; email: string; role: CooperativeRole; memberNumber?: number }[];
}

const demo: DemoCooperative[] = [
  {
    command: {
      name: 'Tontine des femmes de Yopougon',
      slug: 'tontine-yopougon',
      country: 'CI',
      currency: 'XOF',
      timeZone: 'Africa/Abidjan',
      locale: 'fr',
      admin: { name: 'Awa Koné', email: 'awa@yopougon.demo' },
    },
    others: [
      { name: 'Mariam Traoré', email: 'mariam@demo.kotizo', role: 'treasurer' },
      { name: 'Kouassi Yao', email: 'kouassi@yopougon.demo', role: 'auditor' },
      // A member who signs in and sees only her own savings and loans (member no. 1).
      { name: 'Aminata Koné', email: 'aminata@yopougon.demo', role: 'member', memberNumber: 1 },
    ],
  },
  {
    command: {
      name: 'GIC Entraide de Bafoussam',
      slug: 'entraide-bafoussam',
      country: 'CM',
      currency: 'XAF',
      timeZone: 'Africa/Douala',
      locale: 'fr',
      admin: { name: 'Jean-Paul Fotso', email: 'jeanpaul@bafoussam.demo' },
    },
    // Mariam keeps the books of both groups: she switches between them.
    others: [{ name: 'Mariam Traoré', email: 'mariam@demo.kotizo', role: 'admin' }],
  },
];

export interface DemoLogin {
  who: string;
  email: string;
  password: string;
}

/** Demo data for the start command: idempotent, so it can run at every start. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly db: FederationDatabase,
    private readonly cooperatives: CooperativesService,
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly bootstrap: FederationAdminBootstrap,
    private readonly tenants: TenantDatabase,
    @Inject(ENV) private readonly env: Env,
    private readonly audits: AuditRuns,
  ) {}

  async seed(): Promise<DemoLogin[]> {
    await this.bootstrap.run();
    const [admin] = await this.db
      .em()
      .execute<{ id: string }[]>(`select id from federation.users where federation_role = 'federation_admin' limit 1`);
    if (!admin) throw new Error('Set FEDERATION_ADMIN_EMAIL and FEDERATION_ADMIN_PASSWORD to seed the demo');
    const actor = {
      principal: { userId: admin.id, federationRole: 'federation_admin' as const, cooperativeRole: null },
    };
    const books = [
      { slug: 'tontine-yopougon', seed: 7, members: 18, monthlyContribution: 5_000 },
      { slug: 'entraide-bafoussam', seed: 11, members: 12, monthlyContribution: 10_000 },
    ];
    const logins: DemoLogin[] = [
      {
        who: 'federation admin',
        email: this.env.FEDERATION_ADMIN_EMAIL!,
        password: this.env.FEDERATION_ADMIN_PASSWORD!,
      },
    ];
    for (const coop of demo) {
      const { body } = await this.cooperatives.create({ ...actor, requestId: null }, coop.command);
      await this.setPassword(coop.command.admin.email);
      const plan = books.find((b) => b.slug === coop.command.slug)!;
      const tenant = {
        cooperativeId: body.id,
        slug: body.slug,
        schema: schemaNameForSlug(body.slug),
        currency: body.currency,
        timeZone: body.timeZone,
        locale: body.locale,
      };
      const seeded = await this.tenants.transactional(tenant, (tx) =>
        seedDemoBooks(tx, { ...plan, currency: body.currency, recordedBy: admin.id, today: new Date() }),
      );
      // The books were written directly, so the rules judge them now: the demo opens with cases to work.
      if (seeded) await this.audits.runNow(tenant, 'full', admin.id);
      logins.push({ who: `admin, ${coop.command.name}`, email: coop.command.admin.email, password: DEMO_PASSWORD });
      for (const person of coop.others) {
        await this.db.em().transactional(async (tx) => {
          const account = await this.accounts.ensure(tx, { ...person, password: DEMO_PASSWORD });
          await tx.execute(
            `insert into federation.memberships (user_id, cooperative_id, role) values (?, ?, ?)
             on conflict (user_id, cooperative_id) do nothing`,
            [account.id, body.id, person.role],
          );
          if (person.memberNumber !== undefined) {
            await tx.execute(
              `update "${schemaNameForSlug(body.slug)}".members set user_id = ? where number = ? and user_id is null`,
              [account.id, person.memberNumber],
            );
          }
        });
        await this.setPassword(person.email);
        const known = logins.find((l) => l.email === person.email);
        if (known) known.who += ` + ${person.role}, ${coop.command.name}`;
        else logins.push({ who: `${person.role}, ${coop.command.name}`, email: person.email, password: DEMO_PASSWORD });
      }
    }
    return logins;
  }

  private async setPassword(email: string): Promise<void> {
    const hash = await this.hasher.hash(DEMO_PASSWORD);
    await this.db
      .em()
      .execute('update federation.users set password_hash = ?, must_change_password = false where email = ?', [
        hash,
        email,
      ]);
  }
}
