// Acme Seats, the tests' own platform (./seats-platform): it records every write it applies.
import { countWrites } from '../applied-writes';
import { acmeSeats, seatsSandboxPlatform } from '../seats-platform';
import type { SyncPlatform } from '../sync-platforms';

export const acmeSeatsPlatform: SyncPlatform = {
  partner: 'acme-seats',
  sandboxPlatform: seatsSandboxPlatform,
  adapter: (urls) =>
    acmeSeats(urls?.baseUrl === undefined ? { rateLimit: 400 } : { baseUrl: urls.baseUrl, rateLimit: 400 }),
  clientOptions: { maxRetries: 6, retry: { baseDelayMs: 1, maxDelayMs: 20 } },
  rateLimits: { default: 30 },
  shrinksAnyTime: true,
  otherPlan: 'business',
  seed(sandbox, count, seats) {
    const controls = sandbox.controls(seatsSandboxPlatform);
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const id = `acct-${String(n).padStart(5, '0')}`;
      controls.add(id, { plan: 'team', quantity: seats(n), assigned: 0, commitment: 'monthly' });
      ids.push(id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const subscription = sandbox.controls(seatsSandboxPlatform).get(accountId);
    return subscription && { plan: subscription.plan, seats: subscription.quantity };
  },
  appliedWrites: (sandbox) =>
    countWrites(sandbox.controls(seatsSandboxPlatform).writes.map((write) => write.accountId)),
  // Acme Seats honours Idempotency-Key, so it also gets the ambiguous failure: the write applied, the answer lost.
  faults: (rate) => [
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'rate_limit' } },
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'server_error', status: 502 } },
    { platform: 'acme-seats', probability: rate / 4, fault: { kind: 'reset' } },
    { platform: 'acme-seats', method: 'PUT', probability: rate / 4, when: 'after', fault: { kind: 'reset' } },
  ],
};
