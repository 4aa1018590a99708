import { isAmbiguousFailure } from '../errors/is-ambiguous-failure';
import type { Logger } from '../logging/logger';

/** What {@link submitReferralOnce} needs: how to register, how to find a registration, and where to report. */
export interface SubmitReferralOnceOptions<Registration> {
  /** Platform name, e.g. `bizconf`; it starts each log line. */
  platform: string;
  /** How far back a registration counts as the same deal, in milliseconds; 0 turns both look-ups off. */
  windowMs: number;
  /** Where the two decisions (found before writing, found after an ambiguous failure) are reported. */
  logger: Logger;
  /** Reads the platform for the registration this submission would duplicate, e.g. with {@link findDuplicateReferral}. */
  lookUp: () => Promise<Registration | undefined>;
  /** Sends the registration and answers it as the platform returned it. */
  submit: () => Promise<Registration>;
  /** The platform's id of a registration, for the log lines. */
  idOf: (registration: Registration) => string;
}

/**
 * For adapters whose platform cannot recognise a repeated deal registration itself: registers a deal at most once
 * within `windowMs`. It reads before writing (the same deal registered by another process, with another key, or by an
 * earlier attempt whose answer was lost is the answer, not a reason to register it twice), and when the write fails
 * ambiguously ({@link isAmbiguousFailure}: it may have happened) it reads again and answers the registration it finds.
 * A failure of the look-up before writing propagates; after an ambiguous failure, the write's own error is thrown when
 * the look-up finds nothing or fails too, as it is when the failure was not ambiguous.
 * @example
 * const registration = await submitReferralOnce({
 *   platform: 'acme',
 *   windowMs: settings.duplicateWindowMs,
 *   logger: context.logger,
 *   lookUp: () => lookUpDuplicate(input, context),
 *   submit: () => postRegistration(input, context),
 *   idOf: (found) => found.id,
 * });
 */
export async function submitReferralOnce<Registration>(
  options: SubmitReferralOnceOptions<Registration>,
): Promise<Registration> {
  const { platform, windowMs, logger, lookUp, idOf } = options;
  if (windowMs > 0) {
    const existing = await lookUp();
    if (existing !== undefined) {
      logger.info(`${platform}: this deal is registered already; not registering it again`, {
        referralId: idOf(existing),
      });
      return existing;
    }
  }
  try {
    return await options.submit();
  } catch (error) {
    // The transport's own retries (under the platform's idempotency key, where it has one) have run out; the
    // registration may exist all the same.
    if (!isAmbiguousFailure(error) || windowMs <= 0) throw error;
    // A look-up that fails as well leaves the write's own failure as the answer: it says what went wrong first.
    const existing = await lookUp().catch(() => undefined);
    if (existing === undefined) throw error;
    logger.info(`${platform}: ambiguous registration resolved by lookup; it exists`, {
      referralId: idOf(existing),
    });
    return existing;
  }
}
