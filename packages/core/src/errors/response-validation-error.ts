import type { ZodError } from 'zod';
import { ChannelError, type ChannelErrorCode } from './channel-error';
import { describeIssues, type ValidationIssue, zodIssues } from './validation-error';

/** What {@link ResponseValidationError.fromZod} needs to say where the unexpected response came from. */
export interface ResponseValidationContext {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The operation whose response did not match, e.g. `accounts.get`. */
  operation: string;
}

/** A platform's response did not have the expected shape: the platform API likely changed. */
export class ResponseValidationError extends ChannelError {
  override readonly name: string = 'ResponseValidationError';
  override readonly code: ChannelErrorCode = 'response_validation_failed';
  /** Platform name. */
  readonly platform: string;
  /** The operation whose response did not match. */
  readonly operation: string;
  /** Every mismatch found. */
  readonly issues: readonly ValidationIssue[];

  /** Creates the error. */
  constructor(message: string, context: ResponseValidationContext, issues: readonly ValidationIssue[] = []) {
    super(message);
    this.platform = context.platform;
    this.operation = context.operation;
    this.issues = issues;
  }

  /** Converts a zod error raised while parsing a platform response. */
  static fromZod(error: ZodError, context: ResponseValidationContext): ResponseValidationError {
    const issues = zodIssues(error);
    return new ResponseValidationError(
      `${context.platform} returned an unexpected response to ${context.operation}: ${describeIssues(issues)}. ` +
        'The platform API may have changed; upgrade channelkit or report it',
      context,
      issues,
    );
  }
}
