import {
  type ClientOptions,
  createClient,
  createHttpTransport,
  type OperationContext,
  PartiallyAppliedError,
  type PartnerAdapter,
  paginate,
} from '@channelkit/core';
import type { EnterpriseAccount, LicenceState, ProvisionAccountInput } from '@channelkit/types';
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

/** The platform's state, and switches to make it misbehave. */
export interface TestPlatform {
  accounts: Map<string, WireAccount>;
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
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) {
  return context.transport
    .request<T>({ method, path, body, signal: context.signal, timeoutMs: context.timeoutMs })
    .then((response) => response.data);
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
      licences: { get: true, set: true },
      referrals: { outbound: false, inbound: false },
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
