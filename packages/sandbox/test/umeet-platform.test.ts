// The in-memory Systec Umeet on the wire: what channelkit's Umeet contract v1 (docs/partners/umeet.md) says it answers.
import {
  createSandbox,
  type Sandbox,
  UMEET_SANDBOX_CREDENTIALS,
  type UmeetSandboxOptions,
  umeetSandboxPlatform,
} from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'http://127.0.0.1:9'; // the loopback layout answers on any origin, without a server
const API = `${ORIGIN}/umeet/v1`;
const TOKEN_URL = `${ORIGIN}/umeet/oauth2/token`;
const BASIC = `Basic ${btoa(`${UMEET_SANDBOX_CREDENTIALS.clientId}:${UMEET_SANDBOX_CREDENTIALS.clientSecret}`)}`;

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read wire bodies loosely and assert on them
  body: any;
}

function world(options: UmeetSandboxOptions = {}, sandboxOptions: Parameters<typeof createSandbox>[0] = {}) {
  let clock = Date.parse('2026-03-10T08:00:00Z');
  const platform = umeetSandboxPlatform(options);
  const sandbox: Sandbox = createSandbox({ now: () => clock, ...sandboxOptions, platforms: [platform] });
  const controls = sandbox.controls(platform);
  const token = controls.issueToken();
  async function call(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const request = new Request(path.startsWith('http') ? path : `${API}${path}`, {
      method,
      headers,
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const result = await sandbox.handle(request);
    if (!(result instanceof Response)) throw new Error(`connection fault ${result.kind}`);
    const text = await result.text();
    return {
      status: result.status,
      headers: result.headers,
      body: text ? JSON.parse(text) : undefined,
    } as Answer;
  }
  return {
    sandbox,
    controls,
    call,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const customer = {
  name: '上海示例信息技术有限公司',
  credit_code: '91310000MA1FL4B24G',
  country: 'CN',
  industry: 'software',
  employee_count: '51-250',
  admin: { first_name: '伟', last_name: '王', email: 'admin@example.cn', mobile: '+8613800138000' },
  external_id: 'crm-1',
  currency: 'CNY',
  licence: { plan: 'business', seats: 10 },
};

function create(w: ReturnType<typeof world>, key = 'key-1', body: unknown = customer) {
  return w.call('POST', '/accounts', { body, headers: { 'idempotency-key': key } });
}

describe('OAuth 2.0 client credentials', () => {
  async function token(w: ReturnType<typeof world>, body: string, headers: Record<string, string> = {}) {
    const result = (await w.sandbox.handle(
      new Request(TOKEN_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      }),
    )) as Response;
    return { status: result.status, body: (await result.json()) as { error?: string; scope?: string } };
  }

  it('issues a bearer token for Basic credentials, or for credentials in the form', async () => {
    const w = world();
    expect(await token(w, 'grant_type=client_credentials', { authorization: BASIC })).toEqual({
      status: 200,
      body: {
        access_token: expect.stringMatching(/^umt_/),
        token_type: 'Bearer',
        expires_in: 7200,
        scope: 'accounts licences',
      },
    });
    const inForm = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: UMEET_SANDBOX_CREDENTIALS.clientId,
      client_secret: UMEET_SANDBOX_CREDENTIALS.clientSecret,
      scope: 'accounts',
    });
    expect((await token(w, inForm.toString())).body.scope).toBe('accounts');
  });

  it('answers RFC 6749 errors', async () => {
    const w = world();
    expect(
      await token(w, 'grant_type=client_credentials', { authorization: 'Basic d3Jvbmc6d3Jvbmc=' }),
    ).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
    });
    expect((await token(w, 'grant_type=password', { authorization: BASIC })).body.error).toBe(
      'unsupported_grant_type',
    );
    expect(
      (await token(w, 'grant_type=client_credentials&scope=admin', { authorization: BASIC })).body.error,
    ).toBe('invalid_scope');
  });

  it('answers an API call without a valid token with a 401 problem and WWW-Authenticate', async () => {
    const w = world();
    const answer = await w.call('GET', '/accounts', { headers: { authorization: 'Bearer nope' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(answer.body).toMatchObject({
      type: 'https://api.umeet.cn/problems/invalid-token',
      title: 'Invalid access token',
      status: 401,
      code: 'invalid_token',
      instance: `urn:umeet:request:${answer.headers.get('x-request-id')}`,
    });
    w.controls.expireTokens();
    expect((await w.call('GET', '/accounts')).body.code).toBe('token_expired');
  });
});

describe('POST /accounts', () => {
  it('answers 202 with the operation, a status URL on the mount the client used, and Retry-After', async () => {
    const w = world({ provisioningDelayMs: 2_500 });
    const answer = await create(w);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      kind: 'account.create',
      status: 'running',
      account_id: expect.stringMatching(/^acc_/),
      error: null,
    });
    expect(answer.headers.get('location')).toBe(`${API}/operations/${answer.body.id}`);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(w.controls.getAccount(answer.body.account_id)).toMatchObject({
      status: 'provisioning',
      licence: { plan: 'business', purchased: 10, assigned: 1, cap: 500 },
    });
  });

  it('needs an Idempotency-Key of visible ASCII', async () => {
    const w = world();
    expect((await w.call('POST', '/accounts', { body: customer })).body).toMatchObject({
      status: 400,
      code: 'idempotency_key_missing',
    });
    expect((await create(w, 'key with spaces')).body.code).toBe('invalid_request');
  });

  it('answers the same key and body with the first answer, another body with 422, and forgets after 24 hours', async () => {
    const w = world({ tokenTtlSeconds: 2 * 86_400 });
    const first = await create(w);
    const again = await create(w);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(w.controls.listAccounts()).toHaveLength(1);

    const other = await create(w, 'key-1', { ...customer, external_id: 'crm-2' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');

    w.advance(24 * 3_600_000 + 1);
    // Forgotten: judged afresh, and the admin email is taken by the account the key created.
    expect((await create(w, 'key-1', { ...customer, external_id: 'crm-2' })).body.code).toBe(
      'admin_email_taken',
    );
  });

  it('lists every invalid field with a JSON pointer, in Chinese', async () => {
    const w = world();
    const answer = await create(w, 'key-2', {
      ...customer,
      credit_code: '91310000MA1FL4B24H',
      country: 'HK',
      employee_count: 'many',
      admin: { ...customer.admin, mobile: '+85291234567' },
      currency: 'USD',
      licence: { plan: 'gold', seats: -1 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      '/credit_code',
      '/country',
      '/employee_count',
      '/admin/mobile',
      '/currency',
      '/licence/plan',
      '/licence/seats',
    ]);
    expect(answer.body.errors[0].detail).toContain('统一社会信用代码无效');
    const individual = await create(w, 'key-3', { ...customer, credit_code: '92310000MA1FL4B24D' });
    expect(individual.body.errors).toEqual([
      { pointer: '/credit_code', detail: '个体工商户不能开通企业账号。' },
    ]);
  });

  it('refuses more seats than the partner’s default cap', async () => {
    const w = world({ defaultSeatCap: 20 });
    const answer = await create(w, 'key-4', { ...customer, licence: { seats: 21 } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'seats_above_cap',
      cap: 20,
      errors: [{ pointer: '/licence/seats' }],
    });
  });

  it('refuses a body that is not JSON', async () => {
    const w = world();
    const answer = await w.call('POST', '/accounts', {
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'k' },
    });
    expect(answer.status).toBe(415);
  });
});

describe('the provisioning operation and the account’s lifecycle', () => {
  it('runs for provisioningDelayMs, then the account waits for Systec’s verification', async () => {
    const w = world({ provisioningDelayMs: 2_000, verificationDelayMs: 'manual' });
    const { body: operation } = await create(w);
    const status = await w.call('GET', `/operations/${operation.id}`);
    expect(status.body.status).toBe('running');
    expect(status.headers.get('retry-after')).toBe('2');

    w.advance(2_000);
    const done = await w.call('GET', `/operations/${operation.id}`);
    expect(done.body).toMatchObject({ status: 'succeeded', account_id: operation.account_id });
    expect(done.headers.get('retry-after')).toBeNull();
    expect((await w.call('GET', `/accounts/${operation.account_id}`)).body.status).toBe(
      'pending_verification',
    );

    w.controls.verify(operation.account_id);
    expect((await w.call('GET', `/accounts/${operation.account_id}`)).body.status).toBe('active');
  });

  it('ends failed with the problem it was given, the account rejected and its admin email free again', async () => {
    const w = world();
    w.controls.failNextProvisioning({ detail: '营业执照已注销。' });
    const { body: operation } = await create(w);
    const failed = await w.call('GET', `/operations/${operation.id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      error: {
        status: 422,
        code: 'provisioning_failed',
        title: 'Provisioning failed',
        detail: '营业执照已注销。',
      },
    });
    expect(w.controls.getAccount(operation.account_id)?.status).toBe('rejected');
    expect((await create(w, 'key-again')).status).toBe(202);
  });

  it('suspends, resumes and terminates as the contract’s table says', async () => {
    const w = world();
    const id = w.controls.createAccount({ adminEmail: 'a@example.cn', purchased: 3 }).id;
    expect(
      (await w.call('POST', `/accounts/${id}/suspend`, { body: { reason: '合同到期' } })).body,
    ).toMatchObject({
      status: 'suspended',
      suspended_by: 'partner',
      status_reason: '合同到期',
    });
    expect((await w.call('POST', `/accounts/${id}/suspend`)).status).toBe(200);
    expect((await w.call('POST', `/accounts/${id}/resume`)).body.status).toBe('active');

    w.controls.setStatus(id, 'suspended', { suspendedBy: 'systec' });
    expect((await w.call('POST', `/accounts/${id}/resume`)).body.code).toBe('suspended_by_systec');

    expect((await w.call('POST', `/accounts/${id}/terminate`)).body.status).toBe('terminated');
    expect(w.controls.getAccount(id)?.licence.status).toBe('cancelled');
    const refused = await w.call('POST', `/accounts/${id}/suspend`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'invalid_state', account_status: 'terminated' });
  });
});

describe('the licence: ETag and If-Match', () => {
  function withLicence() {
    const w = world();
    const id = w.controls.createAccount({
      adminEmail: 'a@example.cn',
      purchased: 10,
      assigned: 4,
      cap: 30,
    }).id;
    return { ...w, id };
  }

  it('answers with a strong ETag that changes with every change', async () => {
    const { call, id, controls } = withLicence();
    const read = await call('GET', `/accounts/${id}/licence`);
    expect(read.body).toMatchObject({
      account_id: id,
      plan: 'business',
      commitment: 'flexible',
      seats: { purchased: 10, assigned: 4, cap: 30 },
      billing_period: { start: '2026-03-01', end: '2026-03-31' },
      auto_renew: true,
      status: 'active',
    });
    const tag = read.headers.get('etag') ?? '';
    expect(tag).toMatch(/^"[^"]+"$/);
    controls.assignSeats(id, 1);
    expect((await call('GET', `/accounts/${id}/licence`)).headers.get('etag')).not.toBe(tag);
  });

  it('needs If-Match (428), refuses a stale or weak one (412 with the current tag) and accepts *', async () => {
    const { call, id } = withLicence();
    const tag = (await call('GET', `/accounts/${id}/licence`)).headers.get('etag') ?? '';
    const put = (ifMatch: string | undefined, seats = 12) =>
      call('PUT', `/accounts/${id}/licence`, {
        body: { plan: 'business', seats },
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });

    expect((await put(undefined)).body).toMatchObject({ status: 428, code: 'precondition_required' });
    const weak = await put(`W/${tag}`);
    expect(weak.status).toBe(412);
    expect(weak.headers.get('etag')).toBe(tag);
    const written = await put(tag);
    expect(written.status).toBe(200);
    expect(written.body.seats.purchased).toBe(12);
    expect((await put(tag, 13)).body.code).toBe('precondition_failed');
    expect((await put('*', 13)).body.seats.purchased).toBe(13);
  });

  it('keeps purchased between assigned and the cap', async () => {
    const { call, id } = withLicence();
    const below = await call('PUT', `/accounts/${id}/licence`, {
      body: { plan: 'business', seats: 3 },
      headers: { 'if-match': '*' },
    });
    expect(below.body).toMatchObject({ status: 422, code: 'seats_below_assigned', assigned: 4 });
    const above = await call('PUT', `/accounts/${id}/licence`, {
      body: { plan: 'business', seats: 31 },
      headers: { 'if-match': '*' },
    });
    expect(above.body).toMatchObject({
      status: 422,
      code: 'seats_above_cap',
      cap: 30,
      errors: [{ pointer: '/seats' }],
    });
  });

  it('applies a staged concurrent change right after the next read is answered', async () => {
    const { call, id, controls } = withLicence();
    controls.editLicenceAfterNextRead(id, { purchased: 11 });
    const read = await call('GET', `/accounts/${id}/licence`);
    expect(read.body.seats.purchased).toBe(10);
    const stale = await call('PUT', `/accounts/${id}/licence`, {
      body: { plan: 'business', seats: 15 },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(stale.status).toBe(412);
    expect(controls.getAccount(id)?.licence.purchased).toBe(11);
  });
});

describe('GET /accounts', () => {
  it('pages with offset and limit in creation order, counts total, and filters', async () => {
    const w = world();
    const ids = ['a', 'b', 'c'].map((n) => w.controls.createAccount({ adminEmail: `${n}@example.cn` }).id);
    w.controls.setStatus(ids[1] ?? '', 'suspended');
    const page = await w.call('GET', '/accounts?offset=1&limit=1');
    expect(page.body).toMatchObject({ total: 3, offset: 1, limit: 1 });
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    expect((await w.call('GET', '/accounts?status=suspended')).body.total).toBe(1);
    expect((await w.call('GET', '/accounts?admin_email=C@Example.cn')).body.items[0].id).toBe(ids[2]);
    const invalid = await w.call('GET', '/accounts?limit=201&status=frozen');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { parameter: string }) => error.parameter)).toEqual([
      'limit',
      'status',
    ]);
  });

  it('answers unknown paths and methods with problems', async () => {
    const w = world();
    expect((await w.call('GET', '/nowhere')).body).toMatchObject({ status: 404, code: 'not_found' });
    const wrong = await w.call('DELETE', '/accounts');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
  });
});

describe('faults and rate limits, in Umeet’s dialect', () => {
  it('renders a 429 with Retry-After and RateLimit-Policy, a 5xx, and an expired token as problems', async () => {
    const w = world();
    w.sandbox.faults.add({
      platform: 'umeet',
      times: 1,
      fault: { kind: 'rate_limit', retryAfterSeconds: 2 },
    });
    w.sandbox.faults.add({ platform: 'umeet', times: 1, fault: { kind: 'server_error', status: 503 } });
    w.sandbox.faults.add({ platform: 'umeet', times: 1, fault: { kind: 'token_expired' } });

    const limited = await w.call('GET', '/accounts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('ratelimit-policy')).toBe('"read";q=20;w=1');
    expect(limited.body).toMatchObject({ code: 'rate_limited', title: 'Too Many Requests' });
    expect((await w.call('GET', '/accounts')).body).toMatchObject({
      status: 503,
      code: 'service_unavailable',
    });
    expect((await w.call('GET', '/accounts')).body.code).toBe('token_expired');
    expect((await w.call('GET', '/accounts')).body.code).toBe('token_expired');
  });

  it('counts reads and writes in their own buckets, after the token is accepted', async () => {
    const w = world({}, { rateLimits: { umeet: { write: 1 } } });
    expect((await create(w, 'k1')).status).toBe(202);
    expect(
      (await create(w, 'k2', { ...customer, admin: { ...customer.admin, email: 'b@example.cn' } })).status,
    ).toBe(429);
    expect((await w.call('GET', '/accounts')).status).toBe(200);
    expect(w.sandbox.requests.map((request) => request.category)).toEqual(['write', 'write', 'read']);
  });

  it('gives the variables umeet() reads for the URLs it is served at', () => {
    const w = world();
    expect(w.sandbox.environment({ umeet: w.sandbox.loopbackUrls(ORIGIN).umeet ?? {} })).toEqual({
      UMEET_CLIENT_ID: UMEET_SANDBOX_CREDENTIALS.clientId,
      UMEET_CLIENT_SECRET: UMEET_SANDBOX_CREDENTIALS.clientSecret,
      UMEET_API_URL: API,
      UMEET_TOKEN_URL: TOKEN_URL,
    });
  });
});
