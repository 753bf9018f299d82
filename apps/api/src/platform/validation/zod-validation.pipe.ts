import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { ProblemFieldError } from '@kotizo/contracts';
import { ValidationFailed } from '../errors/app-error.js';

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown field, named by its own path.
      for (const key of issue.keys) {
        errors.push({ field: [...issue.path, key].join('.'), message: 'is not an allowed field' });
      }
      continue;
    }
    errors.push({ field: issue.path.join('.') || '(body)', message: messageFor(issue) });
  }
  return errors;
}

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
  }
  return issue.message;
}

/** Validates and parses a body or query with a contracts schema; no coercion of types. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw new ValidationFailed(zodIssuesToFieldErrors(result.error.issues));
    return result.data;
  }
}
