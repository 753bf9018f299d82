import type { PenaltyPolicyResponse } from '@kotizo/contracts';
import { formFieldOf, penaltyRate, toPolicyForm, toPolicyRequest } from './penalty-policy-form';

const policy = (over: Partial<PenaltyPolicyResponse> = {}): PenaltyPolicyResponse => ({
  enabled: true,
  charge: { kind: 'fixed', amount: 1_500 },
  period: 'week',
  graceDays: 3,
  cap: { kind: 'rate', basisPoints: 1_250 },
  effectiveFrom: '2026-11-02',
  currency: 'XOF',
  ...over,
});

describe('penalty policy form', () => {
  it('shows amounts and rates the way the language writes them, and reads them back as sent', () => {
    const form = toPolicyForm(policy(), 'fr');
    expect(form).toEqual({
      enabled: true,
      charge: { kind: 'fixed', amount: '1\u202f500', rate: '' },
      period: 'week',
      graceDays: 3,
      cap: { kind: 'rate', amount: '', rate: '12,5' },
    });
    expect(toPolicyRequest(form, 'XOF')).toEqual({
      enabled: true,
      charge: { kind: 'fixed', amount: 1_500 },
      period: 'week',
      graceDays: 3,
      cap: { kind: 'rate', basisPoints: 1_250 },
    });
  });

  it('sends a rate in basis points, cents in minor units, and no cap when there is none', () => {
    const eur = policy({ charge: { kind: 'rate', basisPoints: 200 }, cap: { kind: 'amount', amount: 2_050 } });
    const form = toPolicyForm({ ...eur, currency: 'EUR' }, 'en');
    expect(form.charge.rate).toBe('2');
    expect(form.cap.amount).toBe('20.50');
    expect(toPolicyRequest({ ...form, cap: { ...form.cap, kind: 'none' } }, 'EUR')).toMatchObject({
      charge: { kind: 'rate', basisPoints: 200 },
      cap: null,
    });
  });

  it('has nothing to send while a value in use does not read; values not in use do not matter', () => {
    const form = toPolicyForm(policy(), 'fr');
    expect(toPolicyRequest({ ...form, charge: { ...form.charge, amount: '15,5' } }, 'XOF')).toBeNull();
    expect(toPolicyRequest({ ...form, cap: { ...form.cap, rate: '0' } }, 'XOF')).toBeNull();
    expect(toPolicyRequest({ ...form, charge: { ...form.charge, rate: 'nonsense' } }, 'XOF')).not.toBeNull();
  });

  it('takes a penalty rate above 0 and up to 100 %', () => {
    expect(penaltyRate('2,5 %')).toEqual({ ok: true, basisPoints: 250 });
    expect(penaltyRate('100')).toEqual({ ok: true, basisPoints: 10_000 });
    expect(penaltyRate('100,01')).toEqual({ ok: false, problem: 'tooHigh' });
    expect(penaltyRate('0')).toEqual({ ok: false, problem: 'zero' });
    expect(penaltyRate('2,555')).toEqual({ ok: false, problem: 'decimals' });
  });

  it('names the form field of each field the API refuses', () => {
    expect(['charge.basisPoints', 'cap.amount', 'graceDays'].map(formFieldOf)).toEqual([
      'charge.rate',
      'cap.amount',
      'graceDays',
    ]);
  });
});
