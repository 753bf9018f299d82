import { Injectable } from '@nestjs/common';
import { tenantMigrations } from '../../migrations/index.js';
import { ServiceHarness } from '../../testing/service-harness.js';
import { UserAccounts } from '../users/user-accounts.js';

/** The real accounts service, with a switch that fails the step after the schema is made. */
@Injectable()
class FailingAccounts extends UserAccounts {
  failNext = false;

  override addMembership(...args: Parameters<UserAccounts['addMembership']>) {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('connection lost halfway'));
    }
    return super.addMembership(...args);
  }
}

describe('provisioning (PostgreSQL)', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await ServiceHarness.start('provisioning', (b) =>
      b.overrideProvider(UserAccounts).useClass(FailingAccounts),
    );
  });
  afterAll(async () => {
    await harness.stop();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await harness.query<{ n: string }>(sql, params))[0]!.n);

  it('makes the schema, its migrations, the settings, the admin and the audit entry', async () => {
    const coop = await harness.provision('sikasso', { currency: 'XOF', timeZone: 'Africa/Bamako', country: 'ML' });
    expect(await count(`select count(*) as n from pg_namespace where nspname = 'coop_sikasso'`)).toBe(1);
    expect(await count('select count(*) as n from coop_sikasso.mikro_orm_migrations')).toBe(tenantMigrations.length);
    const settings = await harness.query<{ key: string; value: unknown }>(
      'select key, value from coop_sikasso.settings order by key',
    );
    expect(settings).toContainEqual({ key: 'general.timeZone', value: 'Africa/Bamako' });
    expect(settings).toContainEqual({ key: 'loans.makerChecker', value: true });
    expect(
      await count(`select count(*) as n from federation.memberships where cooperative_id = ? and role = 'admin'`, [
        coop.id,
      ]),
    ).toBe(1);
    expect(
      await count(
        `select count(*) as n from federation.audit_log where action = 'cooperative.create' and cooperative_id = ?`,
        [coop.id],
      ),
    ).toBe(1);
  });

  it('leaves nothing behind when a step fails halfway, and succeeds when called again', async () => {
    (harness.app.get(UserAccounts) as FailingAccounts).failNext = true;
    await expect(harness.provision('kayes')).rejects.toThrow('connection lost halfway');
    expect(await count(`select count(*) as n from pg_namespace where nspname = 'coop_kayes'`)).toBe(0);
    expect(await count(`select count(*) as n from federation.cooperatives where slug = 'kayes'`)).toBe(0);
    expect(await count(`select count(*) as n from federation.users where email = 'admin@kayes.test'`)).toBe(0);
    expect(await count(`select count(*) as n from federation.audit_log where target = 'kayes'`)).toBe(0);

    const again = await harness.provision('kayes');
    expect(again.status).toBe('active');
    expect(await count('select count(*) as n from coop_kayes.settings')).toBeGreaterThan(0);
  });
});
