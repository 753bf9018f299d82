import { requestFingerprint } from './idempotent-writes.js';

describe('requestFingerprint', () => {
  it('is the same for the same body whatever the order of its keys', () => {
    expect(requestFingerprint('x', { a: 1, b: { c: 2, d: [1, 2] } })).toBe(
      requestFingerprint('x', { b: { d: [1, 2], c: 2 }, a: 1 }),
    );
  });

  it('differs with the operation, a value, or the order of a list', () => {
    const base = requestFingerprint('transaction.record', { amount: 100, memo: 'a' });
    expect(requestFingerprint('loan.repay', { amount: 100, memo: 'a' })).not.toBe(base);
    expect(requestFingerprint('transaction.record', { amount: 101, memo: 'a' })).not.toBe(base);
    expect(requestFingerprint('x', { ids: [1, 2] })).not.toBe(requestFingerprint('x', { ids: [2, 1] }));
  });

  it('ignores fields left undefined, as JSON does', () => {
    expect(requestFingerprint('x', { a: 1, b: undefined })).toBe(requestFingerprint('x', { a: 1 }));
  });
});
