import type { ValidationIssue } from '@channelkit/core';
import type { LicenceChange } from '@channelkit/types';
import { addDays } from './beijing-time';
import { invalidField, invalidFields } from './errors';
import { MAX_SEATS } from './provision-input';
import type { BizconfLicence } from './wire-schemas';

/** The renewal window: the last 30 days of a term, from which a decrease can be scheduled for the next term. */
export const RENEWAL_WINDOW_DAYS = 30;

/** When a term's renewal comes: the window opens on `windowStart`, the next term starts on `renewsOn`. */
export function renewalOf(termEnd: string): { windowStart: string; renewsOn: string } {
  return { windowStart: addDays(termEnd, -(RENEWAL_WINDOW_DAYS - 1)), renewsOn: addDays(termEnd, 1) };
}

/**
 * The seat rules of the Bizconf contract, checked on a fresh read before any write (`today` is the Beijing date):
 * never fewer seats than are in use; an annual commitment grows at any time but shrinks only at renewal (a decrease
 * inside the renewal window is scheduled for the next term; before it, it is refused); at most 100 000 seats; and
 * the plan changes only through a renewal order, not here.
 */
export function checkSeatChange(
  accountId: string,
  current: BizconfLicence,
  change: LicenceChange,
  today: string,
): void {
  if (change.plan !== undefined && change.plan !== current.planCode) {
    throw invalidField(
      'plan',
      `Bizconf changes plans through a renewal order, not through licences.set: account ${accountId} has plan ` +
        `'${current.planCode}'. Leave plan out (or pass '${current.planCode}') to change seats only.`,
    );
  }
  const issues: ValidationIssue[] = [];
  const wanted = change.seats;
  if (wanted > MAX_SEATS) {
    issues.push({ path: 'seats', message: `Bizconf licenses at most ${MAX_SEATS} seats per enterprise.` });
  }
  if (wanted < current.usedSeats) {
    issues.push({
      path: 'seats',
      message:
        `Cannot set ${wanted} seats: ${current.usedSeats} seats of Bizconf account ${accountId} are in use. Free at ` +
        `least ${current.usedSeats - wanted} seats first, or ask for ${current.usedSeats} or more.`,
    });
  }
  const { windowStart, renewsOn } = renewalOf(current.termEnd);
  if (wanted < current.seats && today < windowStart) {
    issues.push({
      path: 'seats',
      message:
        `Cannot reduce Bizconf account ${accountId} from ${current.seats} to ${wanted} seats now: its annual ` +
        `commitment runs until ${current.termEnd} and renews on ${renewsOn}. Seats can be added at any time, but a ` +
        `decrease can only be scheduled for the renewal, from ${windowStart} (the last ${RENEWAL_WINDOW_DAYS} days of ` +
        'the term).',
    });
  }
  if (issues.length > 0) throw invalidFields(issues);
}
