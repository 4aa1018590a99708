import {
  AbortError,
  type ClientEventMap,
  ConfigurationError,
  createClient,
  createHttpTransport,
  type PartnerAdapter,
  paginate,
  ResponseValidationError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import {
  type EnterpriseAccount,
  NO_REFERRAL_CAPABILITIES,
  type ProvisionAccountInput,
} from '@channelkit/types';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// A small platform served by msw and an adapter for it: the client is what is under test here, running the
// real transport over real axios.
const baseURL = 'https://platform.test/api';
const received: Request[] = [];
const server = setupServer();
server.events.on('request:start', ({ request }) => received.push(request.clone()));

interface WireAccount {
  id: string;
  name: string;
  state: string;
  created: string;
  owner: string;
}

function wireAccount(id: string, name = 'Example Ltd'): WireAccount {
  return { id, name, state: 'live', created: '2026-01-02T03:04:05Z', owner: 'admin@example.com' };
}

function toAccount(wire: WireAccount): EnterpriseAccount {
  return {
    partner: 'umeet',
    id: wire.id,
    name: wire.name,
    status: wire.state === 'live' ? 'active' : (wire.state as EnterpriseAccount['status']),
    externalRefs: {},
    owner: { email: wire.owner },
    createdAt: wire.created,
  };
}

const testAdapter: PartnerAdapter = {
  partner: 'umeet',
  capabilities: {
    accounts: {
      provision: true,
      get: true,
      list: true,
      suspend: false,
      resume: false,
      close: false,
    },
    licences: { get: false, set: false, preview: false },
    referrals: NO_REFERRAL_CAPABILITIES,
    webhooks: false,
  },
  createTransport: (settings) =>
    createHttpTransport({ ...settings, baseURL, platform: 'umeet', idempotencyHeader: 'Idempotency-Key' }),
  accounts: {
    async provision(input, context) {
      const { data } = await context.transport.request<WireAccount>({
        method: 'POST',
        path: '/accounts',
        body: { name: input.profile.legalName, owner: input.admin.email },
        idempotencyKey: context.idempotencyKey,
        signal: context.signal,
        timeoutMs: context.timeoutMs,
      });
      return toAccount(data);
    },
    async get(accountId, context) {
      const { data } = await context.transport.request<WireAccount>({
        method: 'GET',
        path: `/accounts/${encodeURIComponent(accountId)}`,
        signal: context.signal,
        timeoutMs: context.timeoutMs,
      });
      return toAccount(data);
    },
    list(query, context) {
      return paginate<EnterpriseAccount, number>(async (offset = 0) => {
        const { data } = await context.transport.request<{ items: WireAccount[]; total: number }>({
          method: 'GET',
          path: '/accounts',
          query: { offset, limit: query.pageSize ?? 2 },
          signal: context.signal,
        });
        const next = offset + data.items.length;
        return { items: data.items.map(toAccount), next: next < data.total ? next : undefined };
      });
    },
  },
  licences: {
    get: () => Promise.reject(new Error('not reached')),
    set: () => Promise.reject(new Error('not reached')),
  },
};

const customer: ProvisionAccountInput = {
  profile: {
    legalName: '上海示例信息技术有限公司',
    creditCode: '91310000MA1FL4B24G',
    country: 'CN',
    industry: 'software',
    employeeCount: '51-250',
  },
  admin: { firstName: '伟', lastName: '王', email: 'admin@example.cn', mobile: '+8613800138000' },
};

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 10 } };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  received.length = 0;
});
afterAll(() => server.close());

describe('createClient', () => {
  it('refuses invalid options with a ConfigurationError naming the option', () => {
    expect(() => createClient(testAdapter, { timeoutMs: 0 })).toThrow(ConfigurationError);
    expect(() => createClient(testAdapter, { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createClient(testAdapter, { maxRetries: -1 })).toThrow(/maxRetries/);
    // Node would run a longer timer after 1 ms: every request would time out at once.
    expect(() => createClient(testAdapter, { timeoutMs: 2 ** 31 })).toThrow(/^timeoutMs must be at most/);
    expect(() => createClient(testAdapter, { retry: { maxDelayMs: 2 ** 31 } })).toThrow(/retry\.maxDelayMs/);
    expect(() => createClient(testAdapter, { maxResponseBytes: 0 })).toThrow(/^maxResponseBytes must be/);
  });

  it('exposes the adapter capabilities and refuses unsupported operations without a request', async () => {
    const client = createClient(testAdapter);
    expect(client.capabilities.accounts.suspend).toBe(false);
    const suspend = client.accounts.suspend('a-1').catch((error: unknown) => error);
    await expect(suspend).resolves.toBeInstanceOf(UnsupportedOperationError);
    await expect(client.licences.get('a-1')).rejects.toThrow(/umeet.*licences\.get|licences\.get.*umeet/);
    expect(received).toHaveLength(0);
  });
});

describe('client.accounts', () => {
  it('validates input before sending anything and names the field', async () => {
    const client = createClient(testAdapter);
    const failure = await client.accounts
      .provision({ ...customer, admin: { ...customer.admin, email: 'not-an-email' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).field).toBe('admin.email');
    expect((failure as Error).message).toMatch(/^Invalid provision input: admin\.email/);

    await expect(client.accounts.get('  ')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.accounts.get('../etc')).rejects.toBeInstanceOf(ValidationError);
    expect(received).toHaveLength(0);
  });

  it('provisions with the caller idempotency key on every attempt and emits one event with a stable id', async () => {
    let attempts = 0;
    server.use(
      http.post(`${baseURL}/accounts`, () => {
        attempts += 1;
        if (attempts === 1) return new HttpResponse(null, { status: 503 });
        return HttpResponse.json(wireAccount('a-1', '上海示例信息技术有限公司'), { status: 201 });
      }),
    );
    const client = createClient(testAdapter, fast);
    const events: ClientEventMap['account.provisioned'][] = [];
    const transportEvents: string[] = [];
    client.on('account.provisioned', (event) => events.push(event));
    client.on('request', (event) => transportEvents.push(`request ${event.method} ${event.path}`));
    client.on('retry', (event) => transportEvents.push(`retry ${event.status}`));

    const account = await client.accounts.provision(customer, { idempotencyKey: 'crm-1-provision' });

    expect(account).toMatchObject({ id: 'a-1', status: 'active', partner: 'umeet' });
    expect(received.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'crm-1-provision',
      'crm-1-provision',
    ]);
    expect(await received[1]?.json()).toEqual({
      name: '上海示例信息技术有限公司',
      owner: 'admin@example.cn',
    });
    expect(transportEvents).toEqual(['request POST /accounts', 'retry 503', 'request POST /accounts']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'umeet:account.provisioned:crm-1-provision', partner: 'umeet' });
    expect(events[0]?.account.id).toBe('a-1');
  });

  it('turns a malformed platform answer into a ResponseValidationError, never a half-filled object', async () => {
    server.use(http.get(`${baseURL}/accounts/a-2`, () => HttpResponse.json({ id: 'a-2', state: 'live' })));
    const client = createClient(testAdapter);

    const failure = await client.accounts.get('a-2').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect((failure as ResponseValidationError).platform).toBe('umeet');
    expect((failure as ResponseValidationError).operation).toBe('accounts.get');
  });

  it('lists lazily, validating each item, and collects no more than the limit', async () => {
    const all = Array.from({ length: 5 }, (_, index) => wireAccount(`a-${index}`));
    server.use(
      http.get(`${baseURL}/accounts`, ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        return HttpResponse.json({ items: all.slice(offset, offset + limit), total: all.length });
      }),
    );
    const client = createClient(testAdapter);

    const firstThree = await client.accounts.list({ pageSize: 2 }).collect({ limit: 3 });
    expect(firstThree.map((account) => account.id)).toEqual(['a-0', 'a-1', 'a-2']);
    expect(received).toHaveLength(2);

    received.length = 0;
    const ids: string[] = [];
    for await (const account of client.accounts.list({ pageSize: 2 })) ids.push(account.id);
    expect(ids).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    expect(received).toHaveLength(3);

    expect(() => client.accounts.list({ pageSize: 301 })).toThrow(ValidationError);
  });

  it('sends through the sharedRateLimit it is given, at the rate of its rateLimit', async () => {
    server.use(http.get(`${baseURL}/accounts/a-3`, () => HttpResponse.json(wireAccount('a-3'))));
    const reserved: { category: string; perSecond: number }[] = [];
    const client = createClient(testAdapter, {
      rateLimit: 50,
      sharedRateLimit: {
        async reserve(category, perSecond) {
          reserved.push({ category, perSecond });
          return 0;
        },
        async hold() {},
      },
    });

    await client.accounts.get('a-3');

    // One reservation for the one request, at 50/s less the limiter's 1.5 % pacing margin.
    expect(reserved).toEqual([{ category: 'default', perSecond: expect.closeTo(50_000 / 1015, 6) }]);
  });

  it('passes the per-call signal and timeout to the transport', async () => {
    server.use(http.get(`${baseURL}/accounts/slow`, () => delay('infinite')));
    const client = createClient(testAdapter, { maxRetries: 0 });

    await expect(client.accounts.get('slow', { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);

    const controller = new AbortController();
    const pending = client.accounts.get('slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
