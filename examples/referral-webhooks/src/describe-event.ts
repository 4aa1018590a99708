import type { ChannelEvent } from '@channelkit/types';

/** One line per event, as the example prints it. */
export function describeEvent(event: ChannelEvent): string {
  switch (event.type) {
    case 'account.changed': {
      const status = event.status ? ` → ${event.status}` : '';
      const changes = event.changes ? ` ${JSON.stringify(event.changes)}` : '';
      return `${event.partner} account ${event.accountId} ${event.change}${status}${changes} (${event.platformEvent})`;
    }
    case 'licence.changed':
      return `${event.partner} licences of ${event.accountId}: ${event.previous?.seats.purchased ?? '?'} → ${event.current.seats.purchased} seats`;
    case 'referral.changed': {
      // A new lead has no status before; a status the platform added later maps to none: show the platform's own.
      const from = event.previousStatus ? `${event.previousStatus} ` : '';
      return `${event.partner} referral ${event.referralId} ${from}→ ${event.status ?? event.platformStatus ?? '?'} (${event.platformEvent})`;
    }
    default:
      return `${event.partner} ${event.type}`;
  }
}
