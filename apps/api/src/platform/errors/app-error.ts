import type { ProblemFieldError } from '@kotizo/contracts';

/**
 * Errors the application means to show. Each has a stable code the console
 * can translate; ProblemFilter turns them into application/problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemFieldError[],
  ) {
    super(detail ?? title);
  }
}

export class ValidationFailed extends AppError {
  constructor(errors: ProblemFieldError[], detail = 'The request has invalid fields.') {
    super(422, 'validation_failed', 'Invalid request', detail, errors);
  }
}

export class BadRequest extends AppError {
  constructor(code: string, detail: string) {
    super(400, code, 'Bad request', detail);
  }
}

export class Unauthenticated extends AppError {
  constructor(code = 'unauthenticated', detail = 'Sign in to continue.') {
    super(401, code, 'Unauthorized', detail);
  }
}

export class Forbidden extends AppError {
  constructor(code = 'forbidden', detail = 'You are not allowed to do this.') {
    super(403, code, 'Forbidden', detail);
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super(404, 'not_found', 'Not found', `${what} was not found.`);
  }
}

export class Conflict extends AppError {
  constructor(code: string, detail: string, errors?: ProblemFieldError[]) {
    super(409, code, 'Conflict', detail, errors);
  }
}
