import { Inject, Injectable } from '@nestjs/common';
import { argon2id, hash, verify, type HashOptions } from 'argon2';
import { randomBytes } from 'node:crypto';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). */
@Injectable()
export class PasswordHasher {
  private readonly options: HashOptions & { raw?: false };
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(ENV) env: Env) {
    this.options = { type: argon2id, memoryCost: env.ARGON2_MEMORY_KIB, timeCost: 2, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }

  /** Spends the same time as a real check, so unknown e-mails are not revealed by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-1');
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** A temporary password that is easy to read out loud and type on a phone. */
  static temporaryPassword(): string {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
    // Four groups of three, with at least one digit so it meets the password rule.
    chars[11] = String(2 + (bytes[11]! % 8));
    return [0, 3, 6, 9].map((i) => chars.slice(i, i + 3).join('')).join('-');
  }
}
