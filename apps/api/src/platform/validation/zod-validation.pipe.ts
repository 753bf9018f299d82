import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { ProblemFieldError } from '@kotizo/contracts';
import { ValidationFailed } from '../errors/app-error.js';

/** One entry per bad field; several problems with one field are joined in its message. */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // Each unknown field is named by its own path.
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'is not an allowed field');
      continue;
    }
    add(issue.path.join('.') || '(body)', messageFor(issue));
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }));
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
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (!result.success) throw new ValidationFailed(zodIssuesToFieldErrors(result.error.issues));
    return result.data;
  }
}
