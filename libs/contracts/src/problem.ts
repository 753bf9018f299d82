/**
 * RFC 9457 problem details, as every API error is answered, in the language of the request's
 * `Accept-Language` (fr or en; en otherwise), named by the response's `Content-Language`.
 */
export interface ProblemFieldError {
  /** JSON pointer-like dotted path of the field, e.g. "admin.email". */
  field: string;
  /**
   * Stable machine code of the problem (`required`, `too_big`, `not_a_member`…), for clients
   * that word it themselves. Absent only from messages not yet in the API's catalog.
   */
  code?: string;
  /** The values the message speaks of, e.g. `{ max: 1000 }` for `too_big`. */
  params?: Record<string, string | number | boolean>;
  /** In the response's language. */
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  errors?: ProblemFieldError[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
