import {
  AuthenticationError,
  type ChannelClient,
  type ClientEventMap,
  type ClientOptions,
  createClient,
  isChannelError,
  NotFoundError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import { capabilitiesSchema } from '@channelkit/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../faults/fault-rule';
import type { RequestRecord } from '../request-record';
import type { ConformanceTarget, ConformanceWorld, ConformanceWorldOptions } from './conformance-target';
import { internationalCustomer, mainlandChinaCustomer } from './customers';
import { worldOpener } from './open-world';
import { describeReferralConformance } from './referral-conformance';

/** Short backoff so that fault tests run in milliseconds; the behaviour is the same as with the defaults. */
const fastRetries: ClientOptions = { retry: { baseDelayMs: 5, maxDelayMs: 5_000 }, timeoutMs: 5_000 };

/**
 * The adapter conformance suite: one set of behavioural tests every adapter must pass against its sandboxed
 * platform, over msw or over real HTTP. Call it at the top level of a vitest test file. The profile supplies the
 * platform, the connection shape and a valid customer, so adapters written outside this repository run it too.
 * @example
 * import { describeAdapterConformance, zoomConformanceProfile } from '@channelkit/sandbox/conformance';
 * import { zoom } from '@channelkit/zoom';
 *
 * describeAdapterConformance({ name: 'zoom', platform: zoomConformanceProfile, over: 'msw', connect: zoom });
 */
export function describeAdapterConformance<Connection>(target: ConformanceTarget<Connection>): void {
  const worlds = worldOpener(target);
  const profile = target.platform;
  const customer = (n: number, seats?: number) => profile.customer(n, seats);
  let world: ConformanceWorld<Connection> | undefined;

  async function open(options?: ConformanceWorldOptions) {
    world = await worlds.open(options);
    return world;
  }

  function clientFor(current: ConformanceWorld<Connection>, options: ClientOptions = {}): ChannelClient {
    return createClient(target.connect(current.connection), { ...fastRetries, ...options });
  }

  const isWrite =
    profile.isWrite ?? ((request: RequestRecord) => writesByMethod(request, profile.readOnlyRequests));

  function writesSent(current: ConformanceWorld<Connection>): number {
    return current.sandbox.requests.filter(isWrite).length;
  }

  async function listAll(client: ChannelClient) {
    return client.accounts.list({}).collect({ limit: 10_000 });
  }

  describe(`adapter conformance: ${target.name} over ${target.over}`, () => {
    beforeAll(() => worlds.start());
    afterEach(async () => {
      await world?.close();
      world = undefined;
    });
    afterAll(() => worlds.stop());

    it('declares its capabilities as data and refuses what it lacks without sending anything', async () => {
      const current = await open();
      const client = clientFor(current);
      expect(capabilitiesSchema.parse(client.capabilities)).toEqual(client.capabilities);
      expect(client.partner).toBe(profile.partner);
      const lacking = (['suspend', 'resume'] as const).filter((name) => !client.capabilities.accounts[name]);
      for (const operation of lacking) {
        const failure = await client.accounts[operation]('any-account').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(UnsupportedOperationError);
        expect(String((failure as Error).message)).toContain(profile.partner);
        expect(String((failure as Error).message)).toContain(`accounts.${operation}`);
      }
      if (!client.capabilities.referrals.outbound) {
        const failure = await client.referrals.get('any-referral').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(UnsupportedOperationError);
        expect((failure as UnsupportedOperationError).capabilities).toEqual(client.capabilities);
      }
      if (!client.capabilities.licences.preview) {
        const failure = await client.licences
          .preview('any-account', { seats: 2 })
          .catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(UnsupportedOperationError);
      }
      expect(current.sandbox.requests).toHaveLength(0);
    });

    it('provisions an enterprise account with its first licences and emits account.provisioned', async () => {
      const current = await open();
      const client = clientFor(current);
      const events: ClientEventMap['account.provisioned'][] = [];
      client.on('account.provisioned', (event) => events.push(event));

      const account = await client.accounts.provision(customer(1, 10));

      expect(account.partner).toBe(profile.partner);
      expect(account.name).toBe(customer(1).profile.legalName);
      expect(['active', 'provisioning', 'pending_verification']).toContain(account.status);
      expect(events).toHaveLength(1);
      expect(events[0]?.account.id).toBe(account.id);
      const licences = await client.licences.get(account.id);
      expect(licences.seats.purchased).toBe(10);
      if (profile.reportsAssignedSeats === false) expect(licences.seats.assigned).toBeUndefined();
      else expect(licences.seats.assigned).toBeGreaterThanOrEqual(0);
    });

    it('refuses invalid input with a ValidationError naming the field, before sending anything', async () => {
      const current = await open();
      const client = clientFor(current);
      const valid = customer(2);

      const badCode = await client.accounts
        .provision({ ...valid, profile: { ...valid.profile, creditCode: '91310000MA1FL4B24H' } })
        .catch((error: unknown) => error);
      expect(badCode).toBeInstanceOf(ValidationError);
      expect((badCode as ValidationError).field).toBe('profile.creditCode');

      const { creditCode: _omitted, ...withoutCode } = valid.profile;
      const mainlandWithoutCode = await client.accounts
        .provision({ ...valid, profile: { ...withoutCode, country: 'CN' } })
        .catch((error: unknown) => error);
      expect((mainlandWithoutCode as ValidationError).field).toBe('profile.creditCode');

      const controlCharacter = await client.accounts
        .provision({ ...valid, profile: { ...valid.profile, legalName: 'Example\u0000 Ltd.' } })
        .catch((error: unknown) => error);
      expect((controlCharacter as ValidationError).field).toBe('profile.legalName');

      const blankName = await client.accounts
        .provision({ ...valid, admin: { ...valid.admin, firstName: '\u200b\u200b' } })
        .catch((error: unknown) => error);
      expect((blankName as ValidationError).field).toBe('admin.firstName');

      const badMobile = await client.accounts
        .provision({ ...valid, admin: { ...valid.admin, mobile: '+8612345' } })
        .catch((error: unknown) => error);
      expect((badMobile as ValidationError).field).toBe('admin.mobile');

      const badSeats = await client.licences
        .set('any-account', { seats: 0 })
        .catch((error: unknown) => error);
      expect((badSeats as ValidationError).field).toBe('seats');

      expect(current.sandbox.requests).toHaveLength(0);
    });

    it('refuses a customer outside its customer policy before sending anything, naming the field', async () => {
      const current = await open();
      const client = clientFor(current);
      const market = client.customerPolicy?.market;
      // The customer a platform of this market must refuse: a mainland one for platforms outside the mainland, and
      // the reverse. A platform open to any market has nothing to refuse here.
      const outsider =
        market === 'mainland_china'
          ? internationalCustomer(90)
          : market === 'outside_mainland_china'
            ? mainlandChinaCustomer(90)
            : undefined;
      if (outsider === undefined) return;

      const failure = await client.accounts.provision(outsider).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ValidationError);
      expect((failure as ValidationError).field).toBe('profile.country');
      expect(current.sandbox.requests).toHaveLength(0);
    });

    for (const fault of [{ kind: 'reset' }, { kind: 'server_error', status: 503 }] satisfies Fault[]) {
      it(`creates exactly one account when the create succeeds but the answer is lost (${fault.kind})`, async () => {
        const current = await open();
        current.sandbox.faults.add({
          ...profile.createAccountRequest,
          when: 'after',
          times: 1,
          fault,
        });
        const client = clientFor(current);

        const account = await client.accounts.provision(customer(3, 5));

        const owner = customer(3).admin.email;
        const owned = (await listAll(client)).filter((listed) => listed.owner?.email === owner);
        expect(owned.map((listed) => listed.id)).toEqual([account.id]);
        expect((await client.licences.get(account.id)).seats.purchased).toBe(5);
      });
    }

    it('returns the same account when provision is repeated with the same idempotency key', async () => {
      const current = await open();
      const client = clientFor(current);
      const input = customer(4, 3);

      const first = await client.accounts.provision(input, { idempotencyKey: 'crm-4-provision' });
      const again = await client.accounts.provision(input, { idempotencyKey: 'crm-4-provision' });

      expect(again.id).toBe(first.id);
      expect((await listAll(client)).filter((listed) => listed.id === first.id)).toHaveLength(1);
    });

    it('gets an account, and maps an unknown id to NotFoundError', async () => {
      const current = await open();
      const client = clientFor(current);
      const account = await client.accounts.provision(customer(5));

      const read = await client.accounts.get(account.id);
      expect(read.id).toBe(account.id);
      expect(read.name).toBe(account.name);

      const missing = await client.accounts.get('does-not-exist').catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(isChannelError(missing)).toBe(true);
    });

    it('lists accounts across several pages, one page at a time', async () => {
      const current = await open();
      const client = clientFor(current);
      const ids: string[] = [];
      for (let n = 10; n < 15; n += 1) ids.push((await client.accounts.provision(customer(n))).id);

      const pageSizes: number[] = [];
      for await (const page of client.accounts.list({ pageSize: 2 }).pages()) pageSizes.push(page.length);
      expect(pageSizes.length).toBeGreaterThanOrEqual(3);
      expect(pageSizes.every((size) => size <= 2)).toBe(true);

      const listed = await client.accounts.list({ pageSize: 2 }).collect({ limit: 100 });
      expect(listed.map((account) => account.id)).toEqual(expect.arrayContaining(ids));
      expect(await client.accounts.list({ pageSize: 2 }).collect({ limit: 3 })).toHaveLength(3);
    });

    it('closes an account it supports closing and reports it as closed', async () => {
      const current = await open();
      const client = clientFor(current);
      if (!client.capabilities.accounts.close) return;
      const account = await client.accounts.provision(customer(20));
      const events: string[] = [];
      client.on('account.closed', (event) => events.push(event.account.id));

      const closed = await client.accounts.close(account.id);

      expect(closed.status).toBe('closed');
      expect(events).toEqual([account.id]);
      const after = await client.accounts.get(account.id).catch((error: unknown) => error);
      if (after instanceof Error) expect(after).toBeInstanceOf(NotFoundError);
      else expect((after as { status: string }).status).toBe('closed');
    });

    it('reads and changes licences and emits licence.changed', async () => {
      const current = await open();
      const client = clientFor(current);
      const account = await client.accounts.provision(customer(30, 5));
      const changes: number[] = [];
      client.on('licence.changed', (event) => changes.push(event.current.seats.purchased));

      const changed = await client.licences.set(account.id, { seats: 8 });

      expect(changed.seats.purchased).toBe(8);
      expect(changes).toEqual([8]);
      expect((await client.licences.get(account.id)).seats.purchased).toBe(8);
    });

    it('refuses fewer seats than are assigned before sending any write', async () => {
      const current = await open();
      const client = clientFor(current);
      const account = await client.accounts.provision(customer(31, 6));
      profile.assignSeats(current.sandbox, account.id, 4);
      const reported = (await client.licences.get(account.id)).seats.assigned;
      // A platform that does not report usage still refuses below it, and the adapter must turn that into the same
      // ValidationError before any write (Zoom Partner Commerce: through its order preview).
      if (profile.reportsAssignedSeats === false) expect(reported).toBeUndefined();
      else expect(reported).toBeGreaterThanOrEqual(4);
      const assigned = reported ?? 4;
      const writesBefore = writesSent(current);

      const refused = await client.licences
        .set(account.id, { seats: assigned - 1 })
        .catch((error: unknown) => error);

      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).field).toBe('seats');
      expect((refused as Error).message).toContain(String(assigned));
      expect(writesSent(current)).toBe(writesBefore);
      expect((await client.licences.get(account.id)).seats.purchased).toBe(6);
    });

    it('maps rejected credentials to AuthenticationError without revealing the secret', async () => {
      const current = await open();
      const wrong = profile.wrongCredentials(current.connection);
      const client = createClient(target.connect(wrong.connection), fastRetries);

      const failure = await client.accounts.get('any-account').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(AuthenticationError);
      const surfaces = [String(failure), JSON.stringify(failure), (failure as Error).stack ?? ''];
      expect(wrong.secrets.length).toBeGreaterThan(0);
      for (const surface of surfaces) {
        for (const secret of wrong.secrets) expect(surface).not.toContain(secret);
      }
    });

    const recoverable: Array<{ title: string; fault: Fault }> = [
      { title: '429 with Retry-After', fault: { kind: 'rate_limit', retryAfterSeconds: 1 } },
      { title: '429 without Retry-After', fault: { kind: 'rate_limit' } },
      { title: '500', fault: { kind: 'server_error', status: 500 } },
      { title: '502', fault: { kind: 'server_error', status: 502 } },
      { title: '503', fault: { kind: 'server_error', status: 503 } },
      { title: 'a dropped connection', fault: { kind: 'reset' } },
      { title: 'an expired token', fault: { kind: 'token_expired' } },
      { title: 'added latency', fault: { kind: 'latency', ms: 30 } },
    ];
    for (const { title, fault } of recoverable) {
      it(`recovers from ${title} on a read`, async () => {
        const current = await open();
        const client = clientFor(current);
        const account = await client.accounts.provision(customer(40));
        const retries: Array<{ reason: string; delayMs: number }> = [];
        client.on('retry', ({ reason, delayMs }) => retries.push({ reason, delayMs }));
        current.sandbox.faults.add({ ...profile.getAccountRequest, times: 1, fault });

        const read = await client.accounts.get(account.id);

        expect(read.id).toBe(account.id);
        expect(retries).toHaveLength(fault.kind === 'latency' ? 0 : 1);
        if (fault.kind === 'rate_limit' && fault.retryAfterSeconds) {
          // The adapter passed the platform's Retry-After on, and the client waited it before repeating the read
          // (the transport's own tests prove that it waits exactly the delay it announces).
          expect(retries[0]).toMatchObject({
            reason: 'rate_limited',
            delayMs: fault.retryAfterSeconds * 1000,
          });
        }
      });
    }

    it('ends a request the platform never answers with TimeoutError', async () => {
      const current = await open();
      const client = clientFor(current, { timeoutMs: 300, maxRetries: 0 });
      const account = await client.accounts.provision(customer(41));
      current.sandbox.faults.add({ ...profile.getAccountRequest, times: 1, fault: { kind: 'hang' } });

      const failure = await client.accounts.get(account.id).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(TimeoutError);
    });

    it('stays under the platform rate limit without surfacing a 429', async () => {
      const categories = profile.sandboxPlatform.rateLimitCategories;
      const current = await open({
        rateLimits: { [profile.sandboxPlatform.name]: Object.fromEntries(categories.map((c) => [c, 10])) },
      });
      const client = clientFor(current, { rateLimit: 10 });
      const account = await client.accounts.provision(customer(42));

      const reads = await Promise.all(Array.from({ length: 25 }, () => client.accounts.get(account.id)));

      expect(reads.every((read) => read.id === account.id)).toBe(true);
      // 25 reads at 10 requests per second take seconds by design, more where a read takes several requests (Zoom
      // names an account only in its list), so this test does not rely on the runner's default timeout.
    }, 60_000);

    describeReferralConformance({ target, open, clientFor, writesSent });
  });
}

/** Whether a recorded request could have written: not a read, not a token request, not one the profile says reads. */
function writesByMethod(
  request: RequestRecord,
  readOnly: readonly { method?: string; path?: string | RegExp }[] = [],
): boolean {
  if (request.method === 'GET' || request.category === 'oauth') return false;
  return !readOnly.some(
    (matcher) =>
      (matcher.method === undefined || matcher.method.toUpperCase() === request.method) &&
      (matcher.path === undefined ||
        (typeof matcher.path === 'string'
          ? matcher.path === request.path
          : new RegExp(matcher.path).test(request.path))),
  );
}
