import { penaltyPolicyRequest } from './loans.js';

describe('penaltyPolicyRequest', () => {
  const policy = {
    enabled: true,
    charge: { kind: 'rate', basisPoints: 200 },
    period: 'month',
    graceDays: 7,
    cap: { kind: 'amount', amount: 5_000 },
  };

  it('takes a fixed amount or a rate per period, with a cap or none', () => {
    expect(penaltyPolicyRequest.parse(policy)).toEqual(policy);
    const fixed = { ...policy, charge: { kind: 'fixed', amount: 500 }, cap: null };
    expect(penaltyPolicyRequest.parse(fixed)).toEqual(fixed);
  });

  it('names each bad field by its path', () => {
    const result = penaltyPolicyRequest.safeParse({
      enabled: 'yes',
      charge: { kind: 'rate', basisPoints: 0 },
      period: 'year',
      graceDays: -1,
      cap: { kind: 'amount', amount: 1.5 },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'enabled',
      'charge.basisPoints',
      'period',
      'graceDays',
      'cap.amount',
    ]);
  });

  it('refuses an unknown kind, a field of the other kind and a rate above 100 %', () => {
    expect(penaltyPolicyRequest.safeParse({ ...policy, charge: { kind: 'percent', basisPoints: 1 } }).success).toBe(
      false,
    );
    expect(
      penaltyPolicyRequest.safeParse({ ...policy, charge: { kind: 'fixed', amount: 5, basisPoints: 2 } }).success,
    ).toBe(false);
    expect(penaltyPolicyRequest.safeParse({ ...policy, cap: { kind: 'rate', basisPoints: 10_001 } }).success).toBe(
      false,
    );
    expect(penaltyPolicyRequest.safeParse({ ...policy, graceDays: '3' }).success).toBe(false);
  });
});
