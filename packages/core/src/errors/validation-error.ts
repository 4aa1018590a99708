import type { ZodError } from 'zod';
import { ChannelError, type ChannelErrorCode } from './channel-error';

/** One problem found by validation. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `profile.creditCode` or `users[0].email`; empty for the root. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** What was refused and how to fix it. */
  message: string;
  /** Every problem found. */
  issues?: readonly ValidationIssue[] | undefined;
  /** The underlying failure, if any. */
  cause?: unknown;
}

/** Input was refused before anything was sent. */
export class ValidationError extends ChannelError {
  override readonly name: string = 'ValidationError';
  override readonly code: ChannelErrorCode = 'validation_failed';
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];
  /** Path of the first issue, for the common one-field case. */
  readonly field: string | undefined;

  /** Creates the error from a message and the issues behind it. */
  constructor(options: ValidationErrorOptions) {
    super(options.message, { cause: options.cause });
    this.issues = options.issues ?? [];
    this.field = this.issues[0]?.path;
  }

  /**
   * Converts a zod error; the message reads like `Invalid provision input: profile.creditCode: <zod message>`.
   * @param subject What was validated, e.g. `provision input`.
   */
  static fromZod(error: ZodError, subject: string): ValidationError {
    const issues = zodIssues(error);
    return new ValidationError({ message: `Invalid ${subject}: ${describeIssues(issues)}`, issues });
  }
}

/** Converts zod issues to {@link ValidationIssue}s with dotted paths. */
export function zodIssues(error: ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line listing the issues, `path: message; ...`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'unknown problem';
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
