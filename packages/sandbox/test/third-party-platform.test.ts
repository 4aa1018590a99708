// A platform written outside channelkit, hosted by the sandbox through its public extension point alone, with a
// minimal adapter for it that runs the whole conformance suite, over msw and over real HTTP. Everything below uses
// only the published entry points: @channelkit/core, @channelkit/sandbox, @channelkit/sandbox/conformance.
import {
  byPageNumber,
  createClient,
  createHttpTransport,
  type ErrorParser,
  oauth2ClientCredentials,
  type PartnerAdapter,
  paginate,
  ValidationError,
} from '@channelkit/core';
import {
  createSandbox,
  defineSandboxPlatform,
  type RenderableFault,
  type SandboxPlatformContext,
  type SandboxRequest,
  type SandboxRoute,
  startSandbox,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import {
  describeAdapterConformance,
  internationalCustomer,
  type PlatformConformanceProfile,
} from '@channelkit/sandbox/conformance';
import { type EnterpriseAccount, type LicenceState, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';

// --- the platform: "Acme Meetings", OAuth2 client credentials, JSON, page numbers, Idempotency-Key ---------------

interface AcmeAccount {
  id: string;
  name: string;
  owner_email: string;
  external_id?: string;
  status: 'active' | 'closed';
  created_at: string;
  plan: string;
  seats: number;
  assigned: number;
}

interface AcmeControls {
  readonly clientId: string;
  readonly clientSecret: string;
  accounts(): AcmeAccount[];
  assignSeats(accountId: string, count: number): void;
}

const CLIENT = { clientId: 'acme-client', clientSecret: 'acme-secret-7c1d' };

function problem(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message } }, { status, headers });
}

function createAcme(context: SandboxPlatformContext) {
  const accounts = new Map<string, AcmeAccount>();
  const tokens = new Map<string, number>();
  const replays = new Map<string, { status: number; body: unknown }>();
  let next = 1;

  const controls: AcmeControls = {
    ...CLIENT,
    accounts: () => [...accounts.values()].map((account) => ({ ...account })),
    assignSeats(accountId, count) {
      const account = accounts.get(accountId);
      if (!account) throw new Error(`no account ${accountId}`);
      account.assigned += count;
    },
  };

  function renderFault(fault: RenderableFault, { request }: SandboxRequest): Response {
    if (fault.kind === 'server_error') return problem(fault.status, 'unavailable', 'Try again later.');
    if (fault.kind === 'token_expired') {
      tokens.delete(request.headers.get('authorization')?.slice('Bearer '.length) ?? '');
      return problem(401, 'token_expired', 'The access token has expired.');
    }
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    return problem(429, 'rate_limited', `Too many ${fault.category ?? ''} requests.`, headers);
  }

  function token(request: Request): Response {
    const basic = request.headers.get('authorization') ?? '';
    if (basic !== `Basic ${btoa(`${CLIENT.clientId}:${CLIENT.clientSecret}`)}`) {
      return Response.json({ error: 'invalid_client' }, { status: 401 });
    }
    const value = `acme-token-${next++}`;
    tokens.set(value, context.now() + 3_600_000);
    return Response.json({ access_token: value, token_type: 'Bearer', expires_in: 3600 });
  }

  function authorised(request: Request): boolean {
    const expiresAt = tokens.get(request.headers.get('authorization')?.slice('Bearer '.length) ?? '');
    return expiresAt !== undefined && context.now() < expiresAt;
  }

  async function create(request: Request): Promise<Response> {
    const key = request.headers.get('idempotency-key');
    const replay = key ? replays.get(key) : undefined;
    if (replay) return Response.json(replay.body, { status: replay.status });
    const body = (await request.json()) as {
      name: string;
      owner_email: string;
      seats?: number;
      external_id?: string;
    };
    const account: AcmeAccount = {
      id: `acc_${next++}`,
      name: body.name,
      owner_email: body.owner_email,
      status: 'active',
      created_at: new Date(context.now()).toISOString(),
      plan: 'standard',
      seats: body.seats ?? 0,
      assigned: 0,
      ...(body.external_id === undefined ? {} : { external_id: body.external_id }),
    };
    accounts.set(account.id, account);
    if (key) replays.set(key, { status: 201, body: account });
    return Response.json(account, { status: 201 });
  }

  function list(url: URL): Response {
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '20');
    const open = [...accounts.values()].filter((account) => account.status === 'active');
    return Response.json({
      items: open.slice((page - 1) * perPage, page * perPage),
      page,
      per_page: perPage,
    });
  }

  async function setLicences(request: Request, account: AcmeAccount): Promise<Response> {
    const body = (await request.json()) as { seats: number; plan?: string };
    if (body.seats < account.assigned) return problem(422, 'seats_below_assigned', 'Too few seats.');
    account.seats = body.seats;
    if (body.plan) account.plan = body.plan;
    return Response.json({ plan: account.plan, purchased: account.seats, assigned: account.assigned });
  }

  function route(category: 'read' | 'write', handle: () => Response | Promise<Response>): SandboxRoute {
    return { category, execute: handle };
  }

  function resolve(target: SandboxRequest): SandboxRoute | undefined {
    const { request, url, endpoint, subpath, method } = target;
    if (endpoint === 'tokenUrl') return { category: 'auth', execute: () => token(request) };
    // Like most platforms, Acme checks the token first and counts the request against its category after.
    const guarded = (category: 'read' | 'write', handle: () => Response | Promise<Response>) =>
      route(category, () => {
        if (!authorised(request)) return problem(401, 'unauthorised', 'Invalid access token.');
        const limited = context.rateLimit(category);
        return limited ? renderFault(limited, target) : handle();
      });
    if (subpath === '/accounts') {
      if (method === 'POST') return guarded('write', () => create(request));
      if (method === 'GET') return guarded('read', () => list(url));
    }
    const match = /^\/accounts\/([^/]+)(\/licences)?$/.exec(subpath);
    if (!match) return undefined;
    const account = accounts.get(decodeURIComponent(match[1] ?? ''));
    const missing = () => problem(404, 'not_found', 'No such account.');
    if (match[2]) {
      if (method === 'GET')
        return guarded('read', () =>
          account?.status === 'active'
            ? Response.json({ plan: account.plan, purchased: account.seats, assigned: account.assigned })
            : missing(),
        );
      if (method === 'PUT')
        return guarded('write', () =>
          account?.status === 'active' ? setLicences(request, account) : missing(),
        );
      return undefined;
    }
    if (method === 'GET')
      return guarded('read', () => (account?.status === 'active' ? Response.json(account) : missing()));
    if (method === 'DELETE')
      return guarded('write', () => {
        if (account?.status !== 'active') return missing();
        account.status = 'closed';
        return Response.json(account);
      });
    return undefined;
  }

  return {
    controls,
    resolve,
    renderFault,
    environment: (urls: Readonly<Record<string, string>>) => ({
      ACME_CLIENT_ID: CLIENT.clientId,
      ACME_CLIENT_SECRET: CLIENT.clientSecret,
      ACME_API_URL: urls.baseUrl ?? '',
      ACME_TOKEN_URL: urls.tokenUrl ?? '',
    }),
  };
}

const acmePlatform = defineSandboxPlatform<AcmeControls>({
  name: 'acme-meetings',
  urls: {
    baseUrl: 'https://api.acme-meetings.example/v1',
    tokenUrl: 'https://auth.acme-meetings.example/oauth2/token',
  },
  rateLimitCategories: ['read', 'write'],
  create: createAcme,
});

// --- the adapter: what a partner writes after docs/adapters.md ----------------------------------------------------

interface AcmeConnection {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  tokenUrl: string;
}

const parseAcmeError: ErrorParser = ({ status, data }) => {
  if (status < 400) return undefined;
  const error = (data as { error?: { code?: string; message?: string } | string } | undefined)?.error;
  if (typeof error === 'string') return { code: error, message: error };
  return { code: error?.code, message: error?.message, expiredCredentials: error?.code === 'token_expired' };
};

function toAccount(account: AcmeAccount): EnterpriseAccount {
  return {
    partner: 'acme-meetings',
    id: account.id,
    name: account.name,
    status: account.status,
    externalRefs: {},
    owner: { email: account.owner_email },
    createdAt: account.created_at,
    ...(account.external_id === undefined ? {} : { externalId: account.external_id }),
  };
}

function toLicences(
  accountId: string,
  wire: { plan: string; purchased: number; assigned: number },
): LicenceState {
  return {
    accountId,
    partner: 'acme-meetings',
    plan: wire.plan,
    seats: { purchased: wire.purchased, assigned: wire.assigned },
    commitment: 'monthly',
  };
}

function acme(connection: AcmeConnection): PartnerAdapter {
  return {
    partner: 'acme-meetings',
    capabilities: {
      accounts: { provision: true, get: true, list: true, suspend: false, resume: false, close: true },
      licences: { get: true, set: true, preview: false },
      referrals: NO_REFERRAL_CAPABILITIES,
      webhooks: false,
    },
    createTransport: (settings) =>
      createHttpTransport({
        ...settings,
        baseURL: connection.baseUrl,
        platform: 'acme-meetings',
        auth: oauth2ClientCredentials({
          tokenUrl: connection.tokenUrl,
          clientId: connection.clientId,
          clientSecret: connection.clientSecret,
          category: 'auth',
        }),
        // The platform replays a create for the same key, so the transport may retry writes itself.
        idempotencyHeader: 'Idempotency-Key',
        parseError: parseAcmeError,
      }),
    accounts: {
      async provision(input, context) {
        const { data } = await context.transport.request<AcmeAccount>({
          method: 'POST',
          path: '/accounts',
          body: {
            name: input.profile.legalName,
            owner_email: input.admin.email,
            seats: input.seats,
            external_id: input.externalId,
          },
          idempotencyKey: context.idempotencyKey,
          category: 'write',
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toAccount(data);
      },
      async get(accountId, context) {
        const { data } = await context.transport.request<AcmeAccount>({
          method: 'GET',
          path: `/accounts/${encodeURIComponent(accountId)}`,
          category: 'read',
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toAccount(data);
      },
      list(query, context) {
        const perPage = query.pageSize ?? 100;
        const fetchPage = byPageNumber({
          fetch: async (page, signal) =>
            (
              await context.transport.request<{ items: AcmeAccount[] }>({
                method: 'GET',
                path: '/accounts',
                query: { page, per_page: perPage },
                category: 'read',
                signal,
                timeoutMs: context.timeoutMs,
              })
            ).data,
          items: (page) => page.items.map(toAccount),
          pageSize: perPage,
        });
        return paginate(fetchPage, { signal: context.signal });
      },
      async close(accountId, context) {
        const { data } = await context.transport.request<AcmeAccount>({
          method: 'DELETE',
          path: `/accounts/${encodeURIComponent(accountId)}`,
          category: 'write',
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toAccount(data);
      },
    },
    licences: {
      async get(accountId, context) {
        const { data } = await context.transport.request<{
          plan: string;
          purchased: number;
          assigned: number;
        }>({
          method: 'GET',
          path: `/accounts/${encodeURIComponent(accountId)}/licences`,
          category: 'read',
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toLicences(accountId, data);
      },
      async set(accountId, change, context) {
        const current = await this.get(accountId, context);
        const assigned = current.seats.assigned ?? 0;
        if (change.seats < assigned) {
          const message = `Cannot set ${change.seats} seats: ${assigned} are assigned.`;
          throw new ValidationError({ message, issues: [{ path: 'seats', message }] });
        }
        const { data } = await context.transport.request<{
          plan: string;
          purchased: number;
          assigned: number;
        }>({
          method: 'PUT',
          path: `/accounts/${encodeURIComponent(accountId)}/licences`,
          body: { seats: change.seats, plan: change.plan },
          category: 'write',
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        });
        return toLicences(accountId, data);
      },
    },
  };
}

// --- the conformance profile and the suite ----------------------------------------------------------------------

function url(urls: Readonly<Record<string, string>>, name: string): string {
  const value = urls[name];
  if (value === undefined) throw new Error(`no ${name}`);
  return value;
}

const acmeProfile: PlatformConformanceProfile<AcmeConnection> = {
  partner: 'acme-meetings',
  sandboxPlatform: acmePlatform,
  createAccountRequest: { method: 'POST', path: '/v1/accounts' },
  getAccountRequest: { method: 'GET', path: /^\/v1\/accounts\/[^/]+$/ },
  connection: (urls, sandbox) => {
    const { clientId, clientSecret } = sandbox.controls(acmePlatform);
    return { clientId, clientSecret, baseUrl: url(urls, 'baseUrl'), tokenUrl: url(urls, 'tokenUrl') };
  },
  wrongCredentials: (connection) => {
    const secret = 'not-the-acme-secret-42';
    return {
      connection: { ...connection, clientSecret: secret },
      secrets: [secret, btoa(`${connection.clientId}:${secret}`)],
    };
  },
  customer: internationalCustomer,
  assignSeats: (sandbox, accountId, count) => sandbox.controls(acmePlatform).assignSeats(accountId, count),
};

describeAdapterConformance({ name: 'acme-meetings', platform: acmeProfile, over: 'msw', connect: acme });
describeAdapterConformance({ name: 'acme-meetings', platform: acmeProfile, over: 'http', connect: acme });

// --- the extension point itself ---------------------------------------------------------------------------------

describe('a third-party platform in the sandbox', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('is served on the loopback server under its own prefix, beside Zoom, with its environment', async () => {
    const zoom = zoomSandboxPlatform();
    const running = await startSandbox({ platforms: [zoom, acmePlatform] });
    close = running.close;

    expect(running.urls(acmePlatform)).toEqual({
      baseUrl: `${running.url}/acme-meetings/v1`,
      tokenUrl: `${running.url}/acme-meetings/oauth2/token`,
    });
    expect(running.urls('zoom')).toEqual(running.zoom);
    expect(running.environment()).toMatchObject({
      ACME_API_URL: `${running.url}/acme-meetings/v1`,
      ACME_CLIENT_SECRET: CLIENT.clientSecret,
      ZOOM_API_URL: `${running.url}/zoom/v2`,
    });

    const client = createClient(
      acme({
        ...CLIENT,
        baseUrl: `${running.url}/acme-meetings/v1`,
        tokenUrl: `${running.url}/acme-meetings/oauth2/token`,
      }),
    );
    const account = await client.accounts.provision(internationalCustomer(1, 3));
    expect(
      running.sandbox
        .controls(acmePlatform)
        .accounts()
        .map((stored) => stored.id),
    ).toEqual([account.id]);
    expect(running.sandbox.controls(zoom).listAccounts()).toEqual([]);
    expect(
      running.sandbox.requests.map(({ method, path, platform, category, status }) => ({
        method,
        path,
        platform,
        category,
        status,
      })),
    ).toEqual([
      { method: 'POST', path: '/oauth2/token', platform: 'acme-meetings', category: 'auth', status: 200 },
      { method: 'POST', path: '/v1/accounts', platform: 'acme-meetings', category: 'write', status: 201 },
    ]);
  });

  it('gets fault rules, rate limits and custom msw URLs like any platform', async () => {
    const sandbox = createSandbox({
      platforms: [acmePlatform],
      now: () => Date.parse('2026-01-15T10:00:00Z'), // a stopped clock: the read bucket never refills
      rateLimits: { 'acme-meetings': { read: 1 } },
      rateLimitRetryAfter: true,
      faults: [
        {
          platform: 'acme-meetings',
          category: 'write',
          times: 1,
          fault: { kind: 'server_error', status: 502 },
        },
      ],
    });
    const server = setupServer(
      ...sandbox.handlers({ 'acme-meetings': { baseUrl: 'https://eu.acme-meetings.example/v1' } }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    close = async () => server.close();
    const client = createClient(
      acme({
        ...CLIENT,
        baseUrl: 'https://eu.acme-meetings.example/v1',
        tokenUrl: acmePlatform.urls.tokenUrl ?? '',
      }),
      {
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        maxRetries: 0,
      },
    );

    const failed = await client.accounts.provision(internationalCustomer(2)).catch((error: unknown) => error);
    expect(failed).toMatchObject({ name: 'ServerError', status: 502 });
    const account = await client.accounts.provision(internationalCustomer(2));
    await client.accounts.get(account.id);
    const limited = await client.accounts.get(account.id).catch((error: unknown) => error);

    expect(limited).toMatchObject({ name: 'RateLimitError', status: 429 });
    expect(
      sandbox.requests.map(({ path, category, status, fault }) => [path, category, status, fault]),
    ).toEqual([
      ['/oauth2/token', 'auth', 200, undefined],
      ['/v1/accounts', 'write', 502, 'server_error'],
      ['/v1/accounts', 'write', 201, undefined],
      [`/v1/accounts/${account.id}`, 'read', 200, undefined],
      [`/v1/accounts/${account.id}`, 'read', 429, undefined],
    ]);
  });

  it('refuses unknown categories, platforms and URL names, and a platform hosted twice', () => {
    expect(() =>
      createSandbox({ platforms: [acmePlatform], rateLimits: { 'acme-meetings': { heavy: 5 } } }),
    ).toThrow(
      "rateLimits.acme-meetings.heavy: acme-meetings has no rate-limit category 'heavy' (it has: read, write).",
    );
    expect(() => createSandbox({ platforms: [acmePlatform], rateLimits: { zoom: { light: 5 } } })).toThrow(
      "rateLimits.zoom: no hosted platform is named 'zoom'.",
    );
    expect(() => createSandbox({ platforms: [acmePlatform, acmePlatform] })).toThrow(
      "createSandbox: two platforms are named 'acme-meetings'.",
    );
    expect(() => createSandbox({ platforms: [acmePlatform] }).zoom).toThrow(
      "This sandbox hosts no platform named 'zoom' (it hosts: acme-meetings).",
    );
    expect(() => createSandbox({ platforms: [acmePlatform], zoom: { tokenTtlSeconds: 60 } })).toThrow(
      'with platforms, pass it to zoomSandboxPlatform(options)',
    );
    const sandbox = createSandbox({ platforms: [acmePlatform] });
    expect(() => sandbox.handlers({ zoom: { baseUrl: 'https://api-eu.zoom.us/v2' } })).toThrow(
      "This sandbox hosts no platform named 'zoom'",
    );
    expect(() =>
      sandbox.handlers({ 'acme-meetings': { baseURL: 'https://eu.acme-meetings.example' } }),
    ).toThrow("acme-meetings has no URL named 'baseURL'; its URLs are: baseUrl, tokenUrl.");
  });

  it('checks a definition where it is written', () => {
    const base = { urls: { baseUrl: 'https://x.example' }, rateLimitCategories: [], create: createAcme };
    expect(() => defineSandboxPlatform({ ...base, name: 'Acme Meetings' })).toThrow(/lowercase slug/);
    expect(() => defineSandboxPlatform({ ...base, name: 'x', urls: { baseUrl: '/v1' } })).toThrow(
      /urls.baseUrl must be an absolute URL/,
    );
    expect(() =>
      defineSandboxPlatform({
        ...base,
        name: 'twins',
        urls: { baseUrl: 'https://api.twins.example/', tokenUrl: 'https://auth.twins.example' },
      }),
    ).toThrow(
      /would both be served at \/twins on the loopback server; give one of them a path in loopbackPaths/,
    );
    expect(
      defineSandboxPlatform({
        ...base,
        name: 'twins',
        urls: { baseUrl: 'https://api.twins.example/', tokenUrl: 'https://auth.twins.example' },
        loopbackPaths: { tokenUrl: '/auth' },
      }).name,
    ).toBe('twins');
  });
});
