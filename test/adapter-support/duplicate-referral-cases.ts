// The cases every adapter whose platform cannot recognise a repeated deal registration itself must pass (Bizconf,
// Umeet): the read before the write finds the same deal registered with another key, the window bounds it, and an
// ambiguous failure ends in exactly one registration. Each platform's referrals test registers them with its own
// sandbox world; its platform-specific cases stay beside them.
import type { ChannelClient } from '@channelkit/core';
import { ServerError } from '@channelkit/core';
import type { Sandbox } from '@channelkit/sandbox';
import type { ReferralInput } from '@channelkit/types';
import { expect, it } from 'vitest';
import type { SentRequest } from './adapter-harness';

/** One sandboxed platform, its client and what the cases read of it. */
export interface DuplicateReferralWorld {
  /** A client of the adapter, with the options the world was opened with. */
  readonly client: ChannelClient;
  /** The sandbox, for faults. */
  readonly sandbox: Sandbox;
  /** Every request that registered a deal (the transport's repeats included), in order. */
  submissions(): SentRequest[];
  /** The ids of the registrations the platform holds. */
  registered(): string[];
  /** The platform's reviewers decline a registration. */
  decline(referralId: string): void;
  /** Another process: a client of the same platform with its own idempotency store and the default look-up. */
  anotherClient(): ChannelClient;
}

/** What the cases need to know about one platform. */
export interface DuplicateReferralPlatform {
  /** What the platform calls a registered deal, for the test titles: `opportunity`, `registration`. */
  readonly noun: string;
  /** A valid deal registration of one customer; `overrides` change it. */
  dealInput(overrides?: Partial<ReferralInput>): ReferralInput;
  /** A fresh world; `duplicateWindowMs` is the adapter's look-back (its default when absent), `now` the sandbox clock. */
  world(options?: { duplicateWindowMs?: number; now?: () => number }): DuplicateReferralWorld;
  /** The registering request, as the sandbox's fault rules match it. */
  readonly submitRequest: { readonly method: 'POST'; readonly path: string };
  /** The 5xx status the lost answers come back with. */
  readonly serverErrorStatus: 500 | 502 | 503;
  /** What the transport sends alike on every repeat of one registration (its bizNo, its Idempotency-Key). */
  repeatMarker(request: SentRequest): unknown;
}

const HOUR_MS = 60 * 60 * 1000;

/** Registers the shared duplicate-registration and ambiguous-failure cases for `platform` in the current block. */
export function describeDuplicateReferralCases(platform: DuplicateReferralPlatform): void {
  const { noun, dealInput, world } = platform;
  const code = () => dealInput().products[0]?.code ?? 'product';

  it(`returns the ${noun} of the same customer and products submitted with another key`, async () => {
    const { client, submissions } = world();

    const first = await client.referrals.submit(dealInput(), { idempotencyKey: 'process-a' });
    const again = await client.referrals.submit(dealInput({ name: '另一个名字' }), {
      idempotencyKey: 'process-b',
    });

    expect(again.id).toBe(first.id);
    expect(submissions()).toHaveLength(1);
  });

  it(`registers another deal for other quantities, or once the first ${noun} is declined`, async () => {
    const { client, decline, submissions } = world();
    const first = await client.referrals.submit(dealInput());

    const more = await client.referrals.submit(dealInput({ products: [{ code: code(), quantity: 300 }] }));
    decline(first.id);
    const afterRejection = await client.referrals.submit(dealInput());

    expect(new Set([first.id, more.id, afterRejection.id]).size).toBe(3);
    expect(submissions()).toHaveLength(3);
  });

  it('looks back only as far as the window, by the time the platform records', async () => {
    let now = Date.now() - 25 * HOUR_MS;
    const { client, submissions } = world({ now: () => now });
    const old = await client.referrals.submit(dealInput());
    now = Date.now() - 23 * HOUR_MS;
    const recent = await client.referrals.submit(dealInput({ products: [{ code: code(), quantity: 1 }] }));
    now = Date.now();

    const fresh = await client.referrals.submit(dealInput());
    const same = await client.referrals.submit(dealInput({ products: [{ code: code(), quantity: 1 }] }));

    expect(fresh.id).not.toBe(old.id);
    expect(same.id).toBe(recent.id);
    expect(submissions()).toHaveLength(3);
  });

  it('registers once when the answer is lost and the transport repeats the request', async () => {
    const { client, sandbox, submissions, registered } = world();
    sandbox.faults.add({ ...platform.submitRequest, when: 'after', times: 1, fault: { kind: 'reset' } });

    const referral = await client.referrals.submit(dealInput());

    const markers = submissions().map(platform.repeatMarker);
    expect(markers).toHaveLength(2);
    expect(new Set(markers).size).toBe(1);
    expect(registered()).toEqual([referral.id]);
  });

  it(`finds the ${noun} when every answer is lost, instead of failing or registering again`, async () => {
    const { client, sandbox, registered } = world();
    sandbox.faults.add({
      ...platform.submitRequest,
      when: 'after',
      times: 10,
      fault: { kind: 'server_error', status: platform.serverErrorStatus },
    });

    const referral = await client.referrals.submit(dealInput());

    expect(registered()).toEqual([referral.id]);
  });

  it(`surfaces the ambiguous failure without the look-up, and a repeat with a new key finds the ${noun}`, async () => {
    const { client, sandbox, registered, anotherClient } = world({ duplicateWindowMs: 0 });
    sandbox.faults.add({
      ...platform.submitRequest,
      when: 'after',
      times: 3,
      fault: { kind: 'server_error', status: platform.serverErrorStatus },
    });
    // Without the look-up, the lost answers surface: the error says the write may have happened.
    const failed = await client.referrals
      .submit(dealInput(), { idempotencyKey: 'first' })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ServerError);

    const referral = await anotherClient().referrals.submit(dealInput(), { idempotencyKey: 'second' });

    expect(registered()).toEqual([referral.id]);
  });
}
