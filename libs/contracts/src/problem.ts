/** RFC 9457 problem details, as every API error is answered. */
export interface ProblemFieldError {
  /** JSON pointer-like dotted path of the field, e.g. "admin.email". */
  field: string;
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
