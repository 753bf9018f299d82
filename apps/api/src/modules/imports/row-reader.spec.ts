import { importMapping, type ImportMapping } from '@kotizo/contracts';
import { isRejected, type MemberIndex, phoneKey, RowReader } from './row-reader.js';

const members: MemberIndex = {
  byNumber: new Map([['12', { id: 'm12', status: 'active' }]]),
  byPhone: new Map([[phoneKey('+2250707070707'), { id: 'm7', status: 'active' }]]),
};

function reader(mapping: ImportMapping, headers: string[], digits = 0) {
  return new RowReader(headers, importMapping.parse(mapping), members, digits, '2026-11-25');
}

const template = reader(
  {
    columns: {
      date: 'date',
      amount: 'amount',
      kind: 'kind',
      memberNumber: 'member',
      channel: 'channel',
      reference: 'ref',
    },
  },
  ['date', 'member', 'kind', 'amount', 'channel', 'ref'],
);

describe('RowReader', () => {
  it('reads French words for kinds and channels, and amounts as people write them', () => {
    expect(template.read(2, ['2026-11-20', '12', 'Cotisation', '5 000', 'Espèces', 'R-1'])).toEqual({
      line: 2,
      occurredOn: '2026-11-20',
      amount: 5000,
      kind: 'contribution',
      memberId: 'm12',
      channel: 'cash',
      reference: 'R-1',
      memo: null,
      category: null,
    });
    const penalty = template.read(3, ['2026-11-20', '#12', 'pénalité', '500', 'Orange Money', '']);
    expect(penalty).toMatchObject({ kind: 'penalty', channel: 'mobile_money', memberId: 'm12', reference: null });
  });

  it('names every bad field of a row', () => {
    const row = template.read(4, ['2026-13-01', '99', 'gift', '-5', 'pigeon', 'R-4']);
    expect(isRejected(row) && row.errors).toEqual([
      { field: 'date', code: 'not_a_date_as', params: { format: 'YYYY-MM-DD' } },
      { field: 'amount', code: 'not_a_positive_amount' },
      { field: 'kind', code: 'not_an_import_kind', params: { value: 'gift' } },
      { field: 'channel', code: 'not_an_import_channel', params: { value: 'pigeon' } },
      { field: 'memberNumber', code: 'no_member_number', params: { number: '99' } },
    ]);
  });

  it('refuses a future date and a contribution without a member', () => {
    const future = template.read(5, ['2026-11-26', '12', 'contribution', '100', 'cash', '']);
    expect(isRejected(future) && future.errors).toEqual([{ field: 'date', code: 'in_future' }]);
    const nobody = template.read(6, ['2026-11-20', '', 'contribution', '100', 'cash', '']);
    expect(isRejected(nobody) && nobody.errors).toEqual([
      { field: 'member', code: 'needs_member', params: { kind: 'contribution' } },
    ]);
  });

  it('reads a mobile-money statement by phone, day-first dates and defaults', () => {
    const statement = reader(
      {
        columns: { date: 'Date', phone: 'Numéro', amount: 'Montant' },
        defaults: { kind: 'contribution', channel: 'mobile_money' },
        dateFormat: 'DD/MM/YYYY',
      },
      ['Date', 'Numéro', 'Montant'],
    );
    for (const phone of ['0707070707', '+225 07 07 07 07 07', '002250707070707']) {
      expect(statement.read(2, ['5/11/2026', phone, '2500'])).toMatchObject({
        occurredOn: '2026-11-05',
        memberId: 'm7',
        amount: 2500,
      });
    }
    const unknown = statement.read(3, ['05/11/2026', '0102030405', '2500']);
    expect(isRejected(unknown) && unknown.errors[0]).toEqual({
      field: 'phone',
      code: 'no_member_with_phone',
      params: { phone: '0102030405' },
    });
  });

  it('gives expenses a category, "other" unless the file or the defaults say', () => {
    const expenses = reader(
      { columns: { date: 'd', amount: 'a', category: 'c' }, defaults: { kind: 'expense', channel: 'cash' } },
      ['d', 'a', 'c'],
      2,
    );
    expect(expenses.read(2, ['2026-11-01', '1 500,50', ''])).toMatchObject({ category: 'other', amount: 150050 });
    expect(expenses.read(3, ['2026-11-01', '10', 'rent'])).toMatchObject({ category: 'rent' });
    const bad = expenses.read(4, ['2026-11-01', '10', 'party']);
    expect(isRejected(bad) && bad.errors).toEqual([
      { field: 'category', code: 'not_an_expense_category', params: { value: 'party' } },
    ]);
  });

  it('refuses a reference or a memo longer than a movement keeps', () => {
    const long = reader(
      { columns: { date: 'd', amount: 'a', reference: 'r', memo: 'm' }, defaults: { kind: 'income', channel: 'cash' } },
      ['d', 'a', 'r', 'm'],
    );
    const row = long.read(2, ['2026-11-01', '10', 'R'.repeat(81), 'm'.repeat(501)]);
    expect(isRejected(row) && row.errors).toEqual([
      { field: 'reference', code: 'too_long', params: { max: 80 } },
      { field: 'memo', code: 'too_long', params: { max: 500 } },
    ]);
  });

  it('lists mapped columns that the file does not have', () => {
    const missing = reader(
      { columns: { date: 'Date', amount: 'Amount' }, defaults: { kind: 'income', channel: 'bank' } },
      ['Date'],
    );
    expect(missing.missingColumns()).toEqual(['amount']);
  });
});
