import type { CommitmentKind, LicenceChange, LicenceState } from '@channelkit/types';
import type { LicenceViolationRule } from './licence-plan';

/** A rule broken by a change, in words; what {@link SeatRules.check} returns for each rule a change breaks. */
export interface SeatRuleViolation {
  /** What the platform's rule says about this change and what to do, e.g. `Seats change only in blocks of 5…`. */
  reason: string;
}

/**
 * The seat rules of a platform, declared by its adapter as data (`PartnerAdapter.seatRules`), so that the licence
 * sync engine knows no platform by name. Each rule reads the account's own licence state: its assigned seats, its
 * cap, its commitment kind and term. Everything is optional; the defaults hold for most platforms.
 * @example
 * // A platform with annual commitments that may shrink in the 30 days before renewal, and seats sold in fives.
 * const seatRules: SeatRules = {
 *   renewalWindowDays: 30,
 *   check: (_state, change) =>
 *     change.seats % 5 === 0 ? [] : [{ reason: `Seats are sold in blocks of 5; ask for ${Math.ceil(change.seats / 5) * 5}.` }],
 * };
 */
export interface SeatRules {
  /**
   * Commitment kinds whose seats can grow at any time but shrink only at renewal (the end of the term).
   * @default ['annual']
   */
  shrinkOnlyAtRenewal?: readonly CommitmentKind[] | undefined;
  /** Days before the end of the term from which such a commitment may shrink (the renewal window). @default 0 */
  renewalWindowDays?: number | undefined;
  /** Whether seats may be set below the number assigned to users. @default false */
  allowBelowAssigned?: boolean | undefined;
  /** Whether `seats.cap`, when the platform reports one, limits the seats. @default true */
  enforceCap?: boolean | undefined;
  /**
   * Further rules of the platform, checked after the ones above on the state read and the change asked for
   * (`asOf` is the day the plan is made). Return the rules broken, in words; none when the change is allowed.
   */
  check?(state: LicenceState, change: LicenceChange, asOf: Date): readonly SeatRuleViolation[] | undefined;
}

/** A broken rule, as the engine reports it. */
export interface BrokenSeatRule {
  rule: LicenceViolationRule;
  reason: string;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a time, in UTC. */
function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * The rules `change` breaks on an account in `state`, checked in order: assigned seats, a commitment that may only
 * shrink at renewal, the cap, then the platform's own `check`.
 */
export function brokenSeatRules(
  state: LicenceState,
  change: LicenceChange,
  rules: SeatRules | undefined,
  asOf: Date,
): BrokenSeatRule[] {
  const broken: BrokenSeatRule[] = [];
  const { purchased, assigned, cap } = state.seats;
  const target = change.seats;
  const name = `${state.partner} account ${state.accountId}`;

  // A platform that does not report assigned seats (Zoom Partner Commerce) refuses such a change itself.
  if (!(rules?.allowBelowAssigned ?? false) && assigned !== undefined && target < assigned) {
    broken.push({
      rule: 'below_assigned',
      reason:
        `Cannot set ${name} to ${target} seats: ${assigned} are assigned to users. ` +
        `Unassign ${assigned - target} first, or ask for ${assigned} or more.`,
    });
  }

  const locked = rules?.shrinkOnlyAtRenewal ?? ['annual'];
  if (target < purchased && locked.includes(state.commitment)) {
    const end = state.term?.end;
    const windowDays = rules?.renewalWindowDays ?? 0;
    const opensOn = end === undefined ? undefined : dayOf(new Date(Date.parse(end) - windowDays * DAY_MS));
    if (opensOn === undefined || dayOf(asOf) < opensOn) {
      const until =
        end === undefined
          ? 'its term has no end date reported, so its renewal cannot be known'
          : `its term runs until ${end}`;
      broken.push({
        rule: 'commitment_locked',
        reason:
          `Cannot decrease ${name} from ${purchased} to ${target} seats before renewal: its ${state.commitment} ` +
          `commitment can grow but shrinks only at renewal, and ${until}. Ask for ${purchased} or more now` +
          (opensOn === undefined ? '.' : `, or decrease it from ${opensOn}.`),
      });
    }
  }

  if ((rules?.enforceCap ?? true) && cap !== undefined && target > cap) {
    broken.push({
      rule: 'above_cap',
      reason: `Cannot set ${name} to ${target} seats: its cap is ${cap}. Ask for ${cap} or fewer, or raise the cap first.`,
    });
  }

  for (const violation of rules?.check?.(state, change, asOf) ?? []) {
    broken.push({ rule: 'platform_rule', reason: violation.reason });
  }
  return broken;
}
