import { uuid7 } from './uuid7.js';

describe('uuid7', () => {
  it('is a version 7, variant 1 UUID that starts with the time', () => {
    const id = uuid7(0x0190_1234_5678);
    expect(id).toMatch(/^01901234-5678-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by time', () => {
    const ids = [uuid7(1_000), uuid7(2_000), uuid7(3_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuid7(5)))).toHaveProperty('size', 1000);
  });
});
