import {
  isAmbiguousFailure,
  isChannelError,
  type OperationContext,
  parseRetryAfter,
  ResponseValidationError,
  sleep,
} from '@channelkit/core';
import { exchange, isCode, parseAnswer } from './request';
import type { UmeetScope } from './scope';
import { type UmeetOperation, umeetOperationSchema } from './wire-schemas';

/** A `Retry-After` longer than this is waited only this long, in milliseconds. */
export const MAX_POLL_INTERVAL_MS = 10_000;
/** Without `Retry-After`, polls are spaced 500 ms, 1 s, 2 s, 4 s, then every 5 s. */
const FIRST_POLL_DELAY_MS = 500;
const LONGEST_BACKOFF_MS = 5_000;

/** How following an operation ended. */
export type OperationOutcome =
  /** It finished: `succeeded` or `failed`. */
  | { kind: 'finished'; operation: UmeetOperation }
  /** The status URL answered 404: the operation is unknown or has expired. */
  | { kind: 'gone' }
  /** It was still running when the deadline or the most polls were reached. */
  | { kind: 'unfinished'; polls: number; reason: 'deadline' | 'max_polls' };

/** Where the operation stands when following begins: the 202's body and `Retry-After`. */
export interface FollowFrom {
  operation: UmeetOperation;
  /** The status URL, relative to the base URL (already checked to be the API's). */
  path: string;
  retryAfterMs: number | undefined;
}

function backoff(poll: number): number {
  return Math.min(FIRST_POLL_DELAY_MS * 2 ** poll, LONGEST_BACKOFF_MS);
}

/**
 * A failure after which another poll may succeed: the platform was busy, slow or unreachable. An answer too large to
 * read is not one: the same poll would bring it again.
 */
function isTransient(error: unknown): boolean {
  if (isCode(error, 'response_too_large')) return false;
  return isAmbiguousFailure(error) || isCode(error, 'rate_limited') || isCode(error, 'connection_failed');
}

/**
 * Polls a provisioning operation's status URL until it finishes, within the provisioning deadline, at most
 * `maxStatusPolls` times, and no longer than the caller's signal allows. Each wait honours the last `Retry-After` (at
 * most {@link MAX_POLL_INTERVAL_MS}, and never past the deadline), else backs off. A poll that fails transiently (5xx,
 * 429, timeout, dropped connection) counts as a poll and is followed by another; any other failure is thrown, and an
 * abort throws `AbortError` at once.
 */
export async function followOperation(
  scope: UmeetScope,
  context: OperationContext,
  from: FollowFrom,
): Promise<OperationOutcome> {
  const deadline = performance.now() + scope.provisioningTimeoutMs;
  const { operation: accepted, path } = from;
  let retryAfterMs = from.retryAfterMs;
  let polls = 0;
  for (;;) {
    const remaining = deadline - performance.now();
    if (polls >= scope.maxStatusPolls) return { kind: 'unfinished', polls, reason: 'max_polls' };
    if (remaining <= 0) return { kind: 'unfinished', polls, reason: 'deadline' };
    const delayMs = Math.max(
      0,
      Math.min(retryAfterMs === undefined ? backoff(polls) : retryAfterMs, MAX_POLL_INTERVAL_MS, remaining),
    );
    context.logger.debug('umeet: provisioning still running; polling its status URL', {
      operationId: scope.redactor.string(accepted.id),
      accountId: scope.redactor.string(accepted.account_id),
      poll: polls + 1,
      delayMs,
      retryAfterMs,
    });
    if (delayMs > 0) await sleep(delayMs, context.signal);
    polls += 1;
    const timeoutMs = Math.max(
      1,
      Math.min(context.timeoutMs ?? scope.transportTimeoutMs, deadline - performance.now()),
    );
    let answer: Awaited<ReturnType<typeof exchange>>;
    try {
      // Polling is its own retry loop: one attempt per poll, so the deadline holds.
      answer = await exchange(context, { method: 'GET', path, retry: false, timeoutMs });
    } catch (error) {
      if (isCode(error, 'not_found')) return { kind: 'gone' };
      if (!isTransient(error)) throw error;
      retryAfterMs = isChannelError(error) ? (error as { retryAfterMs?: number }).retryAfterMs : undefined;
      context.logger.info('umeet: a status poll failed; polling again', {
        poll: polls,
        error: error instanceof Error ? error.name : 'unknown',
      });
      continue;
    }
    const operation = parseAnswer(umeetOperationSchema, answer.data, 'accounts.provision', {
      method: 'GET',
      path,
    });
    if (operation.id !== accepted.id || operation.account_id !== accepted.account_id) {
      throw new ResponseValidationError(
        `umeet returned an unexpected response to accounts.provision (GET ${path}): the status URL describes another ` +
          'operation or account than the 202 answer did. The platform API may have changed; report it',
        { platform: 'umeet', operation: `accounts.provision (GET ${path})` },
        [
          {
            path: operation.id !== accepted.id ? 'id' : 'account_id',
            message: 'does not match the 202 answer',
          },
        ],
      );
    }
    if (operation.status !== 'running') return { kind: 'finished', operation };
    retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
  }
}
