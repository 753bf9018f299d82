import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationFailed } from '../errors/app-error.js';
import { zodIssuesToFieldErrors } from './zod-field-errors.js';

/**
 * Validates and parses a body or query with a contracts schema; no coercion of types. The
 * field errors carry codes and are worded in the caller's language by ProblemFilter.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (!result.success) throw new ValidationFailed(zodIssuesToFieldErrors(result.error.issues));
    return result.data;
  }
}
