// "Acme Seats": a second platform for the licence sync tests, hosted by the sandbox through its public extension point
// (defineSandboxPlatform) and spoken to by a small adapter of its own. It has what the engine must absorb from the
// platforms to come: commitments (monthly, annual with a term, flexible with a cap), seats in use, an Idempotency-Key
// it honours on writes (as Stripe does), its own rate limit, and its own error dialect.
import {
  apiKey,
  type ClientOptions,
  createHttpTransport,
  type OperationContext,
  type PartnerAdapter,
} from '@channelkit/core';
import {
  defineSandboxPlatform,
  type RenderableFault,
  type SandboxPlatformContext,
  type SandboxRequest,
} from '@channelkit/sandbox';
import { type CommitmentKind, type LicenceState, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';

export const SEATS_API_KEY = 'acme-seats-key-0b5e';

/** A subscription as Acme Seats keeps it. */
export interface SeatSubscription {
  plan: string;
  quantity: number;
  assigned: number;
  commitment: CommitmentKind;
  termEnd?: string | undefined;
  cap?: number | undefined;
}

/** One write Acme Seats applied (a replayed Idempotency-Key is answered from memory, not applied again). */
export interface SeatWrite {
  accountId: string;
  quantity: number;
  plan: string;
  idempotencyKey: string | null;
}

/** Test controls of Acme Seats. */
export interface SeatsControls {
  add(accountId: string, subscription: SeatSubscription): void;
  get(accountId: string): SeatSubscription | undefined;
  /** Every write applied, in order. */
  readonly writes: readonly SeatWrite[];
}

function createSeats(context: SandboxPlatformContext) {
  const subscriptions = new Map<string, SeatSubscription>();
  const replays = new Map<string, unknown>();
  const writes: SeatWrite[] = [];

  const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    Response.json({ error: { code, message } }, { status, headers });

  function renderFault(fault: RenderableFault): Response {
    if (fault.kind === 'server_error') return error(fault.status, 'unavailable', 'Try again later.');
    if (fault.kind === 'token_expired') return error(401, 'bad_key', 'The API key is not valid.');
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    return error(429, 'slow_down', 'Too many requests.', headers);
  }

  const wire = (id: string, subscription: SeatSubscription) => ({
    account_id: id,
    plan: subscription.plan,
    quantity: subscription.quantity,
    assigned: subscription.assigned,
    commitment: subscription.commitment,
    ...(subscription.termEnd === undefined ? {} : { term_end: subscription.termEnd }),
    ...(subscription.cap === undefined ? {} : { cap: subscription.cap }),
  });

  async function update(request: Request, id: string, subscription: SeatSubscription): Promise<Response> {
    const key = request.headers.get('idempotency-key');
    if (key !== null && replays.has(key)) return Response.json(replays.get(key));
    const body = (await request.json()) as { quantity?: unknown; plan?: unknown };
    if (typeof body.quantity !== 'number' || !Number.isInteger(body.quantity) || body.quantity < 1) {
      return error(400, 'invalid_quantity', 'quantity must be a whole number of at least 1.');
    }
    if (body.quantity < subscription.assigned) {
      return error(409, 'seats_in_use', `${subscription.assigned} seats are in use.`);
    }
    if (subscription.cap !== undefined && body.quantity > subscription.cap) {
      return error(409, 'above_cap', `The cap is ${subscription.cap}.`);
    }
    subscription.quantity = body.quantity;
    if (typeof body.plan === 'string') subscription.plan = body.plan;
    writes.push({
      accountId: id,
      quantity: subscription.quantity,
      plan: subscription.plan,
      idempotencyKey: key,
    });
    const answer = wire(id, subscription);
    if (key !== null) replays.set(key, answer);
    return Response.json(answer);
  }

  return {
    controls: {
      add: (accountId: string, subscription: SeatSubscription) => {
        subscriptions.set(accountId, { ...subscription });
      },
      get: (accountId: string) => {
        const subscription = subscriptions.get(accountId);
        return subscription && { ...subscription };
      },
      writes,
    } satisfies SeatsControls,
    renderFault,
    resolve(target: SandboxRequest) {
      const match = /^\/subscriptions\/([^/]+)$/.exec(target.subpath);
      if (!match || (target.method !== 'GET' && target.method !== 'PUT')) return undefined;
      const id = decodeURIComponent(match[1] ?? '');
      return {
        category: 'default',
        execute: () => {
          if (target.request.headers.get('x-api-key') !== SEATS_API_KEY) {
            return error(401, 'bad_key', 'The API key is not valid.');
          }
          const limited = context.rateLimit('default');
          if (limited) return renderFault(limited);
          const subscription = subscriptions.get(id);
          if (!subscription) return error(404, 'not_found', `No subscription for account ${id}.`);
          return target.method === 'GET'
            ? Response.json(wire(id, subscription))
            : update(target.request, id, subscription);
        },
      };
    },
  };
}

/** Acme Seats, hostable by the sandbox. */
export const seatsSandboxPlatform = defineSandboxPlatform<SeatsControls>({
  name: 'acme-seats',
  urls: { baseUrl: 'https://api.acme-seats.example/v1' },
  rateLimitCategories: ['default'],
  create: createSeats,
});

interface WireSubscription {
  account_id: string;
  plan: string;
  quantity: number;
  assigned: number;
  commitment: CommitmentKind;
  term_end?: string;
  cap?: number;
}

function toState(wire: WireSubscription): LicenceState {
  return {
    accountId: wire.account_id,
    partner: 'acme-seats',
    plan: wire.plan,
    seats: {
      purchased: wire.quantity,
      assigned: wire.assigned,
      ...(wire.cap === undefined ? {} : { cap: wire.cap }),
    },
    commitment: wire.commitment,
    ...(wire.term_end === undefined ? {} : { term: { start: '2026-01-01', end: wire.term_end } }),
  };
}

/** The adapter for Acme Seats at `baseUrl` (default: its real URL, where msw serves it). */
export function acmeSeats(options: { baseUrl?: string; rateLimit?: number } = {}): PartnerAdapter {
  const path = (id: string) => `/subscriptions/${encodeURIComponent(id)}`;
  const read = async (id: string, context: OperationContext) =>
    toState(
      (
        await context.transport.request<WireSubscription>({
          method: 'GET',
          path: path(id),
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        })
      ).data,
    );
  const unsupported = () => Promise.reject(new Error('Acme Seats manages seats only'));
  return {
    partner: 'acme-seats',
    capabilities: {
      accounts: { provision: false, get: false, list: false, suspend: false, resume: false, close: false },
      licences: { get: true, set: true, preview: false },
      referrals: NO_REFERRAL_CAPABILITIES,
      webhooks: false,
    },
    createTransport: (settings) =>
      createHttpTransport({
        ...settings,
        baseURL: options.baseUrl ?? seatsSandboxPlatform.urls.baseUrl ?? '',
        platform: 'acme-seats',
        auth: apiKey({ in: 'header', name: 'x-api-key', value: SEATS_API_KEY }),
        idempotencyHeader: 'Idempotency-Key',
        rateLimit: settings.rateLimit ?? { default: options.rateLimit ?? 50 },
        parseError: ({ data }) => {
          const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
          if (error === undefined) return undefined;
          return {
            code: typeof error?.code === 'string' ? error.code : undefined,
            message: typeof error?.message === 'string' ? error.message : undefined,
          };
        },
      }),
    accounts: {
      provision: unsupported,
      get: unsupported,
      list: () => {
        throw new Error('Acme Seats manages seats only');
      },
    },
    licences: {
      get: read,
      async set(id, change, context) {
        const { data } = await context.transport.request<WireSubscription>({
          method: 'PUT',
          path: path(id),
          body: { quantity: change.seats, ...(change.plan === undefined ? {} : { plan: change.plan }) },
          idempotencyKey: context.idempotencyKey,
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toState(data);
      },
    },
  };
}

/** Client options for tests: quick retries. */
export const quickRetries: ClientOptions = { maxRetries: 6, retry: { baseDelayMs: 1, maxDelayMs: 20 } };
