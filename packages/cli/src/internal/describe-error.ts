import { ConfigurationError, isChannelError, ValidationError } from '@channelkit/core';
import { EXIT_CODES, type ExitCode } from '../exit-codes';
import { InputError, type InputIssue, UsageError } from './cli-errors';

/** An error as the command line reports it (`--json` writes this under `error` on stderr). */
export interface DescribedError {
  /** The error class, e.g. `InputError`, `ValidationError`, `AuthenticationError`. */
  readonly name: string;
  /** The SDK's stable code, e.g. `validation_failed`, when it has one. */
  readonly code?: string | undefined;
  /** What failed and what to do. */
  readonly message: string;
  /** The exit code. */
  readonly exitCode: ExitCode;
  /** For input files: every problem, at its file, line, row and column. */
  readonly issues?: readonly InputIssue[] | undefined;
}

/** Describes an error; refusals before any request (usage, input, validation, configuration) exit with 2. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof InputError) {
    return { name: error.name, message: error.message, exitCode: EXIT_CODES.usage, issues: error.issues };
  }
  if (error instanceof UsageError)
    return { name: error.name, message: error.message, exitCode: EXIT_CODES.usage };
  if (isChannelError(error)) {
    const refused = error instanceof ValidationError || error instanceof ConfigurationError;
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      exitCode: refused ? EXIT_CODES.usage : EXIT_CODES.failure,
    };
  }
  if (error instanceof Error)
    return { name: error.name, message: error.message, exitCode: EXIT_CODES.failure };
  return { name: 'Error', message: String(error), exitCode: EXIT_CODES.failure };
}
