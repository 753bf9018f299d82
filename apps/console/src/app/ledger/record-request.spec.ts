import type { MemberResponse } from '@kotizo/contracts';
import { type RecordFormValue, recordRequest } from './record-request';

const awa = { id: '6f1c2b0e-8d1a-4c55-9a57-3d7f0c1e2a10', fullName: 'Awa Koné' } as MemberResponse;
const form = (over: Partial<RecordFormValue> = {}): RecordFormValue => ({
  member: awa,
  amount: '5 000',
  category: '',
  direction: 'in',
  channel: 'cash',
  occurredOn: '2026-11-25',
  externalRef: '',
  memo: '',
  ...over,
});

describe('recordRequest', () => {
  it('sends a contribution in minor units, without empty or default fields', () => {
    expect(recordRequest('contribution', form(), 'XOF', '2026-11-25')).toEqual({
      kind: 'contribution',
      memberId: awa.id,
      amount: 5000,
      channel: 'cash',
    });
    expect(
      recordRequest(
        'penalty',
        form({ occurredOn: '2026-11-20', externalRef: ' MM-1 ', channel: 'mobile_money' }),
        'XOF',
        '2026-11-25',
      ),
    ).toEqual({
      kind: 'penalty',
      memberId: awa.id,
      amount: 5000,
      channel: 'mobile_money',
      externalRef: 'MM-1',
      occurredOn: '2026-11-20',
    });
  });

  it('gives each kind only the fields it takes', () => {
    expect(recordRequest('expense', form({ category: 'transport', amount: '1 500,50' }), 'EUR', '2026-11-25')).toEqual({
      kind: 'expense',
      category: 'transport',
      amount: 150_050,
      channel: 'cash',
    });
    expect(recordRequest('income', form(), 'XOF', '2026-11-25')).toEqual({
      kind: 'income',
      amount: 5000,
      channel: 'cash',
    });
    expect(
      recordRequest(
        'adjustment',
        form({ member: null, direction: 'out', memo: 'Écart de caisse' }),
        'XOF',
        '2026-11-25',
      ),
    ).toEqual({
      kind: 'adjustment',
      direction: 'out',
      amount: 5000,
      channel: 'cash',
      memo: 'Écart de caisse',
    });
  });

  it('is null when the kind misses what it needs, or the amount does not parse', () => {
    expect(recordRequest('contribution', form({ member: null }), 'XOF', '2026-11-25')).toBeNull();
    expect(recordRequest('expense', form(), 'XOF', '2026-11-25')).toBeNull();
    expect(recordRequest('adjustment', form({ memo: '  ' }), 'XOF', '2026-11-25')).toBeNull();
    expect(recordRequest('income', form({ amount: '15,5' }), 'XOF', '2026-11-25')).toBeNull();
  });
});
