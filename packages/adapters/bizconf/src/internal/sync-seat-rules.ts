import type { SeatRules } from '@channelkit/core';

/**
 * The Bizconf contract's seat rules as the licence sync engine reads them, so that a plan shows what `licences.set`
 * would refuse. Annual commitments shrinking only at renewal and assigned seats are the engine's defaults; a plan
 * change is Bizconf's own rule (plans change through a renewal order). A decrease inside the renewal window, which
 * Bizconf schedules for the next term instead of applying, stays a violation in a plan: the seats bought would not
 * change, so the sync could not converge on them.
 */
export const BIZCONF_SYNC_SEAT_RULES: SeatRules = {
  check(state, change) {
    if (change.plan === undefined || change.plan === state.plan) return [];
    return [
      {
        reason:
          `Bizconf changes plans through a renewal order, not through licences.set: account ${state.accountId} has ` +
          `plan '${state.plan}'. Leave plan out (or ask for '${state.plan}') to change seats only.`,
      },
    ];
  },
};
