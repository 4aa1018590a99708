import {
  type ClientOptions,
  createClient,
  createHttpTransport,
  type OperationContext,
  PartiallyAppliedError,
  type PartnerAdapter,
  paginate,
} from '@channelkit/core';
import type {
  EnterpriseAccount,
  LicenceState,
  ProvisionAccountInput,
  Referral,
  ReferralInput,
  ReferralStatus,
} from '@channelkit/types';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

// A small platform served by msw, and an adapter for it with every capability: the client is what these tests put
// under test, over the real transport and real axios. Accounts are created with `POST /accounts`, seats set with
// `PUT /accounts/{id}/seats` (so provisioning with seats is a two-step write, like Zoom's).

export const baseURL = 'https://platform.test/api';

/** One msw server per test file. */
export const server = setupServer();
/** Every request that reached the platform, in order. */
export const received: Request[] = [];
server.events.on('request:start', ({ request }) => received.push(request.clone()));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  received.length = 0;
});
afterAll(() => server.close());

/** `METHOD /path` of every request received, e.g. `POST /accounts`. */
export function requestLines(): string[] {
  return received.map((request) => `${request.method} ${new URL(request.url).pathname.replace('/api', '')}`);
}

interface WireAccount {
  id: string;
  name: string;
  owner: string;
  state: 'live' | 'suspended' | 'closed';
  seats: number | null;
  created: string;
}

interface WireReferral {
  id: string;
  name: string;
  customer: string;
  state: ReferralStatus;
  products: { code: string; qty: number }[];
  reason?: string;
}

/** The platform's state, and switches to make it misbehave. */
export interface TestPlatform {
  accounts: Map<string, WireAccount>;
  referrals: Map<string, WireReferral>;
  /** Answer `GET /referrals/{id}` with this body instead of the referral (e.g. a malformed one). */
  referralAnswer: unknown;
  /** Answer `PUT .../seats` with this status instead of applying it, while it is set. */
  failSeatsWith: number | undefined;
  /** Answer reads of seats (`GET .../seats`) with this status while it is set. */
  failSeatReadsWith: number | undefined;
  /** Answer `POST /accounts` with this body instead of the account (e.g. a malformed one). */
  createAnswer: unknown;
}

/** Installs the platform's handlers on the msw server. */
export function startPlatform(): TestPlatform {
  const platform: TestPlatform = {
    accounts: new Map(),
    referrals: new Map(),
    referralAnswer: undefined,
    failSeatsWith: undefined,
    failSeatReadsWith: undefined,
    createAnswer: undefined,
  };
  const find = (id: unknown) => platform.accounts.get(String(id));
  const missing = () => HttpResponse.json({ message: 'no such account' }, { status: 404 });
  server.use(
    http.post(`${baseURL}/accounts`, async ({ request }) => {
      const body = (await request.json()) as { name: string; owner: string };
      const id = `a-${platform.accounts.size + 1}`;
      const account: WireAccount = {
        id,
        name: body.name,
        owner: body.owner,
        state: 'live',
        seats: null,
        created: '2026-01-02T03:04:05Z',
      };
      platform.accounts.set(id, account);
      return HttpResponse.json(platform.createAnswer ?? account, { status: 201 });
    }),
    http.get(`${baseURL}/accounts`, () =>
      HttpResponse.json({ items: [...platform.accounts.values()], total: platform.accounts.size }),
    ),
    http.get(`${baseURL}/accounts/:id`, ({ params }) => {
      const account = find(params.id);
      return account ? HttpResponse.json(account) : missing();
    }),
    http.delete(`${baseURL}/accounts/:id`, ({ params }) => {
      const account = find(params.id);
      if (!account) return missing();
      account.state = 'closed';
      return HttpResponse.json(account);
    }),
    http.post(`${baseURL}/accounts/:id/:change`, ({ params }) => {
      const account = find(params.id);
      if (!account) return missing();
      account.state = params.change === 'suspend' ? 'suspended' : 'live';
      return HttpResponse.json(account);
    }),
    http.get(`${baseURL}/accounts/:id/seats`, ({ params }) => {
      if (platform.failSeatReadsWith) return new HttpResponse(null, { status: platform.failSeatReadsWith });
      const account = find(params.id);
      return account ? HttpResponse.json({ seats: account.seats ?? 0, used: 0 }) : missing();
    }),
    http.post(`${baseURL}/accounts/:id/seats/preview`, async ({ params, request }) => {
      const account = find(params.id);
      if (!account) return missing();
      const { seats } = (await request.json()) as { seats: number };
      const refusals = seats > 500 ? ['at most 500 seats per account'] : [];
      return HttpResponse.json({
        before: account.seats ?? 0,
        after: seats,
        refusals,
        mrr_delta_cents: (seats - (account.seats ?? 0)) * 1_000,
      });
    }),
    http.post(`${baseURL}/referrals`, async ({ request }) => {
      const body = (await request.json()) as {
        name: string;
        customer: string;
        products: WireReferral['products'];
      };
      const id = `r-${platform.referrals.size + 1}`;
      const referral: WireReferral = {
        id,
        name: body.name,
        customer: body.customer,
        state: 'submitted',
        products: body.products,
      };
      platform.referrals.set(id, referral);
      return HttpResponse.json(referral, { status: 201 });
    }),
    http.get(`${baseURL}/referrals`, () => HttpResponse.json({ items: [...platform.referrals.values()] })),
    http.get(`${baseURL}/referrals/:id`, ({ params }) => {
      const referral = platform.referrals.get(String(params.id));
      if (!referral) return HttpResponse.json({ message: 'no such referral' }, { status: 404 });
      return HttpResponse.json(platform.referralAnswer ?? referral);
    }),
    http.patch(`${baseURL}/referrals/:id`, async ({ params, request }) => {
      const referral = platform.referrals.get(String(params.id));
      if (!referral) return HttpResponse.json({ message: 'no such referral' }, { status: 404 });
      const body = (await request.json()) as Partial<
        Pick<WireReferral, 'name' | 'products' | 'state' | 'reason'>
      >;
      Object.assign(referral, body);
      return HttpResponse.json(referral);
    }),
    http.put(`${baseURL}/accounts/:id/seats`, async ({ params, request }) => {
      if (platform.failSeatsWith) return new HttpResponse(null, { status: platform.failSeatsWith });
      const account = find(params.id);
      if (!account) return missing();
      account.seats = ((await request.json()) as { seats: number }).seats;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return platform;
}

function toAccount(wire: WireAccount): EnterpriseAccount {
  return {
    partner: 'umeet',
    id: wire.id,
    name: wire.name,
    status: wire.state === 'live' ? 'active' : wire.state,
    externalRefs: {},
    owner: { email: wire.owner },
    createdAt: wire.created,
  };
}

function send<T>(
  context: OperationContext,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) {
  return context.transport
    .request<T>({ method, path, body, signal: context.signal, timeoutMs: context.timeoutMs })
    .then((response) => response.data);
}

function toReferral(wire: WireReferral): Referral {
  return {
    partner: 'umeet',
    id: wire.id,
    direction: 'outbound',
    name: wire.name,
    status: wire.state,
    platformStatus: wire.state.toUpperCase(),
    ...(wire.reason === undefined ? {} : { reason: wire.reason }),
    customer: { legalName: wire.customer },
    contacts: [],
    products: wire.products.map((product) => ({ code: product.code, quantity: product.qty })),
    externalRefs: {},
  };
}

async function setSeats(accountId: string, seats: number, context: OperationContext): Promise<LicenceState> {
  await send(context, 'PUT', `/accounts/${encodeURIComponent(accountId)}/seats`, { seats });
  const read = await send<{ seats: number; used: number }>(
    context,
    'GET',
    `/accounts/${encodeURIComponent(accountId)}/seats`,
  );
  return {
    accountId,
    partner: 'umeet',
    plan: 'flex',
    seats: { purchased: read.seats, assigned: read.used },
    commitment: 'flexible',
  };
}

/** Where the adapter records how it was called, for assertions. */
export interface AdapterCalls {
  /** The `resume` each provision received. */
  resumes: (OperationContext['resume'] | undefined)[];
  /** The idempotency key each write received. */
  keys: string[];
}

/** The adapter for the test platform; `scope` is its idempotency scope (like a Zoom master account id). */
export function testAdapter(scope?: string): PartnerAdapter & { calls: AdapterCalls } {
  const calls: AdapterCalls = { resumes: [], keys: [] };
  const referralPath = (id: string) => `/referrals/${encodeURIComponent(id)}`;
  const status = (change: 'suspend' | 'resume') => async (accountId: string, context: OperationContext) => {
    calls.keys.push(context.idempotencyKey);
    return toAccount(
      await send<WireAccount>(context, 'POST', `/accounts/${encodeURIComponent(accountId)}/${change}`),
    );
  };
  return {
    partner: 'umeet',
    calls,
    ...(scope === undefined ? {} : { idempotencyScope: scope }),
    capabilities: {
      accounts: {
        provision: true,
        get: true,
        list: true,
        suspend: true,
        resume: true,
        close: true,
      },
      licences: { get: true, set: true, preview: true },
      referrals: {
        outbound: true,
        inbound: true,
        get: true,
        list: true,
        update: true,
        accept: true,
        decline: true,
        markWon: true,
        markLost: true,
        cancel: true,
        resubmit: true,
      },
      webhooks: false,
    },
    createTransport: (settings) => createHttpTransport({ ...settings, baseURL, platform: 'umeet' }),
    accounts: {
      async provision(input: ProvisionAccountInput, context) {
        calls.resumes.push(context.resume);
        calls.keys.push(context.idempotencyKey);
        // A call that resumes an earlier one continues with the account it created instead of creating another.
        const wire = context.resume
          ? await send<WireAccount>(
              context,
              'GET',
              `/accounts/${encodeURIComponent(context.resume.resourceId)}`,
            )
          : await send<WireAccount>(context, 'POST', '/accounts', {
              name: input.profile.legalName,
              owner: input.admin.email,
            });
        if (input.seats !== undefined) {
          try {
            await send(context, 'PUT', `/accounts/${encodeURIComponent(wire.id)}/seats`, {
              seats: input.seats,
            });
          } catch (error) {
            throw new PartiallyAppliedError({
              platform: 'umeet',
              operation: 'accounts.provision',
              resourceId: wire.id,
              applied: [`created account ${wire.id}`],
              remaining: [`set ${input.seats} seats`],
              cause: error,
            });
          }
        }
        return toAccount(wire);
      },
      async get(accountId, context) {
        return toAccount(
          await send<WireAccount>(context, 'GET', `/accounts/${encodeURIComponent(accountId)}`),
        );
      },
      list(_query, context) {
        return paginate<EnterpriseAccount, number>(
          async () => {
            const page = await send<{ items: WireAccount[] }>(context, 'GET', '/accounts');
            return { items: page.items.map(toAccount), next: undefined };
          },
          { signal: context.signal, ...context.pagination },
        );
      },
      suspend: status('suspend'),
      resume: status('resume'),
      async close(accountId, context) {
        calls.keys.push(context.idempotencyKey);
        return toAccount(
          await send<WireAccount>(context, 'DELETE', `/accounts/${encodeURIComponent(accountId)}`),
        );
      },
    },
    licences: {
      async get(accountId, context) {
        const read = await send<{ seats: number; used: number }>(
          context,
          'GET',
          `/accounts/${encodeURIComponent(accountId)}/seats`,
        );
        return {
          accountId,
          partner: 'umeet',
          plan: 'flex',
          seats: { purchased: read.seats, assigned: read.used },
          commitment: 'flexible',
        };
      },
      async set(accountId, change, context) {
        calls.keys.push(context.idempotencyKey);
        return setSeats(accountId, change.seats, context);
      },
      async preview(accountId, change, context) {
        const read = await send<{
          before: number;
          after: number;
          refusals: string[];
          mrr_delta_cents: number;
        }>(context, 'POST', `/accounts/${encodeURIComponent(accountId)}/seats/preview`, {
          seats: change.seats,
        });
        return {
          accountId,
          partner: 'umeet',
          change,
          before: { plan: 'flex', seats: read.before },
          after: { plan: 'flex', seats: read.after },
          accepted: read.refusals.length === 0,
          refusals: read.refusals,
          charges: { monthlyRecurring: { amountMinor: read.mrr_delta_cents, currency: 'CNY' } },
        };
      },
    },
    referrals: {
      async submit(input: ReferralInput, context) {
        calls.keys.push(context.idempotencyKey);
        const wire = await send<WireReferral>(context, 'POST', '/referrals', {
          name: input.name,
          customer: input.customer.legalName,
          products: input.products.map((product) => ({ code: product.code, qty: product.quantity })),
        });
        return {
          ...toReferral(wire),
          ...(input.externalId === undefined ? {} : { externalId: input.externalId }),
        };
      },
      async get(referralId, context) {
        return toReferral(await send<WireReferral>(context, 'GET', referralPath(referralId)));
      },
      list(query, context) {
        return paginate<Referral, number>(
          async () => {
            const page = await send<{ items: WireReferral[] }>(context, 'GET', '/referrals');
            const items = page.items
              .map(toReferral)
              .filter((r) => query.status === undefined || r.status === query.status);
            return { items, next: undefined };
          },
          { signal: context.signal, ...context.pagination },
        );
      },
      async update(current, patch, context) {
        calls.keys.push(context.idempotencyKey);
        const body: Record<string, unknown> = {};
        if (patch.name !== undefined) body.name = patch.name;
        if (patch.products !== undefined)
          body.products = patch.products.map((p) => ({ code: p.code, qty: p.quantity }));
        return toReferral(await send<WireReferral>(context, 'PATCH', referralPath(current.id), body));
      },
      async transition(current, move, context) {
        calls.keys.push(context.idempotencyKey);
        const body: Record<string, unknown> = { state: move.to };
        if (move.reason !== undefined) body.reason = move.reason;
        if (move.patch?.name !== undefined) body.name = move.patch.name;
        return toReferral(await send<WireReferral>(context, 'PATCH', referralPath(current.id), body));
      },
    },
  };
}

/** Short backoff, so that retried faults take milliseconds. */
export const fast: ClientOptions = { retry: { baseDelayMs: 1, maxDelayMs: 10 } };

/** A client over the test adapter. */
export function testClient(options: ClientOptions = {}, scope?: string) {
  const adapter = testAdapter(scope);
  return { adapter, client: createClient(adapter, { ...fast, ...options }) };
}

/** A valid provisioning input for customer `n`. */
export function customer(n: number, seats?: number): ProvisionAccountInput {
  return {
    profile: {
      legalName: `Example ${n} Pte. Ltd.`,
      country: 'SG',
      industry: 'software',
      employeeCount: '51-250',
    },
    admin: { firstName: 'Ada', lastName: 'Tan', email: `admin-${n}@example.com`, mobile: '+6591234567' },
    ...(seats === undefined ? {} : { seats }),
  };
}
