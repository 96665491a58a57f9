import { ERRORS, type ErrorCode } from './catalogue';

/** One invalid field of a request: where it is and what is wrong, in words a citizen can read. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/**
 * The one error type of the system. Domain code throws it with a stable code;
 * the HTTP layer turns it into a response in the caller's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldIssue[];

  constructor(code: ErrorCode, opts: { message?: string; params?: Record<string, string | number>; fields?: FieldIssue[]; cause?: unknown } = {}) {
    super(opts.message ?? code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = opts.params ?? {};
    this.fields = opts.fields ?? [];
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[]; requestId?: string };
}
