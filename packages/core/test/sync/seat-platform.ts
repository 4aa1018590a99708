import {
  type ClientOptions,
  createClient,
  createHttpTransport,
  type OperationContext,
  type PartnerAdapter,
  type SeatRules,
} from '@channelkit/core';
import {
  type CommitmentKind,
  type LicencePreview,
  type LicenceState,
  NO_REFERRAL_CAPABILITIES,
} from '@channelkit/types';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

// A platform of seats served by msw, and an adapter for it: `GET /accounts/{id}/licences` reads, `PUT` writes (with an
// Idempotency-Key the platform honours, as Stripe does). The licence sync engine is what is under test, over the real
// client, transport and axios.

export const baseURL = 'https://seats.test/v1';

export const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** An account as the platform keeps it. */
export interface SeatAccount {
  plan: string;
  seats: number;
  assigned: number;
  commitment: CommitmentKind;
  termEnd?: string;
  cap?: number;
}

/** One write the platform applied. */
export interface AppliedWrite {
  accountId: string;
  seats: number;
  plan: string;
  idempotencyKey: string | null;
}

/** The platform's state, what it received, and switches to make it misbehave. */
export interface SeatPlatform {
  accounts: Map<string, SeatAccount>;
  /** Every write applied, in order (a replayed idempotency key is not applied again). */
  writes: AppliedWrite[];
  /** `METHOD /path` of every request. */
  requests: string[];
  /** Reads in flight now, and the most seen at once. */
  inFlight: { now: number; max: number };
  /** Answer writes to these accounts with this status. */
  failWrites: Map<string, number>;
  /** Answer reads of these accounts with this status. */
  failReads: Map<string, number>;
  /** Called before each write is applied (e.g. to abort a run half-way). */
  beforeWrite?: ((accountId: string) => void | Promise<void>) | undefined;
  /** Called after each write is applied, before it is answered (e.g. to lose the answer). */
  afterWrite?: ((accountId: string) => void | Promise<void>) | undefined;
  /** Milliseconds each read takes. */
  readDelayMs: number;
}

export function startSeatPlatform(accounts: Record<string, SeatAccount> = {}): SeatPlatform {
  const platform: SeatPlatform = {
    accounts: new Map(Object.entries(accounts)),
    writes: [],
    requests: [],
    inFlight: { now: 0, max: 0 },
    failWrites: new Map(),
    failReads: new Map(),
    readDelayMs: 0,
  };
  const replays = new Map<string, ReturnType<typeof wire>>();
  const wire = (id: string, account: SeatAccount) => ({
    id,
    plan: account.plan,
    seats: account.seats,
    assigned: account.assigned,
    commitment: account.commitment,
    ...(account.termEnd ? { term_end: account.termEnd } : {}),
    ...(account.cap === undefined ? {} : { cap: account.cap }),
  });
  server.use(
    http.get(`${baseURL}/accounts/:id/licences`, async ({ params }) => {
      const id = String(params.id);
      platform.requests.push(`GET /accounts/${id}/licences`);
      platform.inFlight.now += 1;
      platform.inFlight.max = Math.max(platform.inFlight.max, platform.inFlight.now);
      try {
        if (platform.readDelayMs > 0) await delay(platform.readDelayMs);
        const failure = platform.failReads.get(id);
        if (failure) return HttpResponse.json({ message: 'unavailable' }, { status: failure });
        const account = platform.accounts.get(id);
        if (!account) return HttpResponse.json({ message: `no account ${id}` }, { status: 404 });
        return HttpResponse.json(wire(id, account));
      } finally {
        platform.inFlight.now -= 1;
      }
    }),
    http.put(`${baseURL}/accounts/:id/licences`, async ({ params, request }) => {
      const id = String(params.id);
      platform.requests.push(`PUT /accounts/${id}/licences`);
      const key = request.headers.get('idempotency-key');
      if (key && replays.has(key)) return HttpResponse.json(replays.get(key));
      await platform.beforeWrite?.(id);
      const failure = platform.failWrites.get(id);
      if (failure) return HttpResponse.json({ message: 'write refused' }, { status: failure });
      const account = platform.accounts.get(id);
      if (!account) return HttpResponse.json({ message: `no account ${id}` }, { status: 404 });
      const body = (await request.json()) as { seats: number; plan?: string };
      if (body.seats < account.assigned)
        return HttpResponse.json({ message: 'below assigned' }, { status: 422 });
      account.seats = body.seats;
      if (body.plan) account.plan = body.plan;
      platform.writes.push({ accountId: id, seats: account.seats, plan: account.plan, idempotencyKey: key });
      const answer = wire(id, account);
      if (key) replays.set(key, answer);
      await platform.afterWrite?.(id);
      return HttpResponse.json(answer);
    }),
  );
  return platform;
}

interface WireLicences {
  id: string;
  plan: string;
  seats: number;
  assigned: number;
  commitment: CommitmentKind;
  term_end?: string;
  cap?: number;
}

function toState(wire: WireLicences): LicenceState {
  return {
    accountId: wire.id,
    partner: 'umeet',
    plan: wire.plan,
    seats: {
      purchased: wire.seats,
      assigned: wire.assigned,
      ...(wire.cap === undefined ? {} : { cap: wire.cap }),
    },
    commitment: wire.commitment,
    ...(wire.term_end ? { term: { start: '2025-01-01', end: wire.term_end } } : {}),
  };
}

const path = (id: string) => `/accounts/${encodeURIComponent(id)}/licences`;

/** The adapter; `extra` adds port members such as `seatRules` or a `preview` on `licences`. */
export function seatAdapter(
  options: { scope?: string; seatRules?: SeatRules; preview?: LicencesPreview } = {},
): PartnerAdapter {
  const read = async (id: string, context: OperationContext) =>
    toState(
      (
        await context.transport.request<WireLicences>({
          method: 'GET',
          path: path(id),
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        })
      ).data,
    );
  return {
    partner: 'umeet',
    ...(options.scope === undefined ? {} : { idempotencyScope: options.scope }),
    ...(options.seatRules === undefined ? {} : { seatRules: options.seatRules }),
    capabilities: {
      accounts: { provision: false, get: true, list: false, suspend: false, resume: false, close: false },
      licences: { get: true, set: true, preview: options.preview !== undefined },
      referrals: NO_REFERRAL_CAPABILITIES,
      webhooks: false,
    },
    createTransport: (settings) =>
      createHttpTransport({ ...settings, baseURL, platform: 'umeet', idempotencyHeader: 'Idempotency-Key' }),
    accounts: {
      provision: () => Promise.reject(new Error('not here')),
      get: () => Promise.reject(new Error('not here')),
      list: () => {
        throw new Error('not here');
      },
    },
    licences: {
      get: read,
      async set(id, change, context) {
        const { data } = await context.transport.request<WireLicences>({
          method: 'PUT',
          path: path(id),
          body: { seats: change.seats, ...(change.plan ? { plan: change.plan } : {}) },
          idempotencyKey: context.idempotencyKey,
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toState(data);
      },
      ...(options.preview ? { preview: options.preview } : {}),
    },
  };
}

/** A preview method, as an adapter that can preview a change offers it. */
export type LicencesPreview = (
  accountId: string,
  change: { seats: number; plan?: string | undefined },
  context: OperationContext,
) => Promise<LicencePreview>;

/** A client over the seat platform, with fast retries. */
export function seatClient(options: ClientOptions = {}, adapter: PartnerAdapter = seatAdapter()) {
  return createClient(adapter, { retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
}
