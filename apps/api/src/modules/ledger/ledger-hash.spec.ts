import { entryHash, GENESIS_HASH, type SealedEntry } from './ledger-hash.js';

const entry: SealedEntry = {
  seq: 1,
  id: '7f1c2b1e-0000-4000-8000-000000000001',
  kind: 'contribution',
  direction: 1,
  amount: 5000,
  currency: 'XOF',
  memberId: '7f1c2b1e-0000-4000-8000-0000000000aa',
  loanId: null,
  category: null,
  channel: 'cash',
  externalRef: null,
  memo: null,
  occurredOn: '2026-11-25',
  recordedBy: '7f1c2b1e-0000-4000-8000-0000000000bb',
  recordedAt: '2026-11-25T10:00:00.000Z',
  reversesId: null,
  reason: null,
};

describe('entryHash', () => {
  it('is a stable SHA-256 over the previous hash and the fields', () => {
    const h = entryHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...entry })).toBe(h);
  });

  it('changes when any field or the previous hash changes', () => {
    const h = entryHash(GENESIS_HASH, entry);
    expect(entryHash(GENESIS_HASH, { ...entry, amount: 5001 })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...entry, memo: '' })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...entry, occurredOn: '2026-11-26' })).not.toBe(h);
    expect(entryHash('1'.repeat(64), entry)).not.toBe(h);
  });
});
