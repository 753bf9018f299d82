import type { EntityManager } from '@mikro-orm/postgresql';
import type { PenaltyPolicyRequest } from '@kotizo/contracts';
import { DEFAULT_PENALTY_POLICY, PenaltyPolicySettings } from './penalty-policy-settings.js';

/** The settings table reduced to the one row this reads and writes. */
function fakeSettings(stored?: unknown): EntityManager {
  let value = stored;
  const execute = (sql: string, params: unknown[] = []) => {
    if (sql.startsWith('select')) return Promise.resolve(value === undefined ? [] : [{ value }]);
    value = JSON.parse(params[1] as string);
    return Promise.resolve([]);
  };
  return { execute } as unknown as EntityManager;
}

const terms: PenaltyPolicyRequest = {
  enabled: true,
  charge: { kind: 'fixed', amount: 500 },
  period: 'week',
  graceDays: 3,
  cap: null,
};

describe('PenaltyPolicySettings', () => {
  const settings = new PenaltyPolicySettings();

  it('is off when never set, or when what is stored does not read', async () => {
    expect(await settings.read(fakeSettings())).toEqual(DEFAULT_PENALTY_POLICY);
    expect(await settings.read(fakeSettings({ enabled: true, charge: 'lots' }))).toEqual(DEFAULT_PENALTY_POLICY);
  });

  it('dates new terms from the day they are saved, and keeps the date of terms saved unchanged', async () => {
    const em = fakeSettings();
    expect((await settings.save(em, terms, '2026-12-01')).effectiveFrom).toBe('2026-12-01');
    // The same terms, keys in another order: still in force since the 1st.
    const same = { cap: null, graceDays: 3, period: 'week', charge: { amount: 500, kind: 'fixed' }, enabled: true };
    expect((await settings.save(em, same as PenaltyPolicyRequest, '2026-12-05')).effectiveFrom).toBe('2026-12-01');
    expect((await settings.save(em, { ...terms, graceDays: 5 }, '2026-12-07')).effectiveFrom).toBe('2026-12-07');
    expect(await settings.read(em)).toEqual({ ...terms, graceDays: 5, effectiveFrom: '2026-12-07' });
  });

  it('has no date while off, and a new one when turned on again', async () => {
    const em = fakeSettings();
    await settings.save(em, terms, '2026-12-01');
    expect((await settings.save(em, { ...terms, enabled: false }, '2026-12-03')).effectiveFrom).toBeNull();
    expect((await settings.save(em, terms, '2026-12-09')).effectiveFrom).toBe('2026-12-09');
  });
});
