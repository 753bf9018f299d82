import { passwordField } from '@kotizo/contracts';
import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  it('makes temporary passwords that are readable, varied and meet the password rule', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = PasswordHasher.temporaryPassword();
      expect(password).toMatch(/^[a-z2-9]{3}(-[a-z2-9]{3}){3}$/);
      expect(passwordField.safeParse(password).success).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it('hashes with argon2id and verifies', async () => {
    const hasher = new PasswordHasher({ ARGON2_MEMORY_KIB: 1024 } as never);
    const hash = await hasher.hash('Correct-horse-1');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await hasher.verify(hash, 'Correct-horse-1')).toBe(true);
    expect(await hasher.verify(hash, 'Correct-horse-2')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
  });
});
