import type { MemberResponse, TransactionResponse } from '@kotizo/contracts';
import { plainAmount, statementCsv } from './statement-csv';

const member = { id: 'm-1', number: 7, fullName: '=Awa "La Grande" Koné' } as MemberResponse;
const entry = (over: Partial<TransactionResponse>): TransactionResponse =>
  ({
    id: 't',
    seq: 1,
    kind: 'contribution',
    direction: 1,
    amount: 5000,
    currency: 'XOF',
    memberId: 'm-1',
    category: null,
    channel: 'cash',
    externalRef: null,
    memo: null,
    occurredOn: '2026-11-20',
    reversesId: null,
    reversedById: null,
    reason: null,
    ...over,
  }) as TransactionResponse;
const t = (key: string, params?: Record<string, string>) =>
  params ? `${key}(${Object.values(params).join(',')})` : key;

describe('statementCsv', () => {
  it('writes one line per entry, oldest first, in and out apart, formulas neutralised', () => {
    const csv = statementCsv(
      member,
      [
        entry({ seq: 9, kind: 'reversal', direction: -1, reversesId: 't', reason: 'Erreur; doublon' }),
        entry({ seq: 3, reversedById: 'r', memo: '@cotisation novembre', externalRef: 'MM-42' }),
      ],
      'fr',
      t,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(`"statement.csv.title(=Awa ""La Grande"" Koné,7)"`);
    expect(lines[1]).toBe(
      'statement.csv.date;statement.csv.number;statement.csv.kind;statement.csv.in;statement.csv.out;' +
        'statement.csv.currency;statement.csv.channel;statement.csv.reference;statement.csv.memo;statement.csv.reversal',
    );
    expect(lines[2]).toBe(
      "2026-11-20;3;ledger.kind.contribution;5000;;XOF;ledger.channel.cash;MM-42;'@cotisation novembre;statement.csv.reversed",
    );
    expect(lines[3]).toBe(
      '2026-11-20;9;ledger.kind.reversal;;5000;XOF;ledger.channel.cash;;"Erreur; doublon";statement.csv.reverses',
    );
    expect(lines[4]).toBe('');
  });
});

describe('plainAmount', () => {
  it('has no grouping, and the language’s decimal mark', () => {
    expect(plainAmount(1_500_000, 'XOF', 'fr')).toBe('1500000');
    expect(plainAmount(150_050, 'EUR', 'fr')).toBe('1500,50');
    expect(plainAmount(5, 'EUR', 'en')).toBe('0.05');
  });
});
