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
    case 'referral.changed':
      return `${event.partner} referral ${event.referralId}: ${event.previousStatus ?? '?'} → ${event.status ?? event.platformStatus ?? '?'}`;
    default:
      return `${event.partner} ${event.type}`;
  }
}
