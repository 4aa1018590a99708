// The in-memory Zhumu at the wire: what a client of Zhumu's contract v1 sees, without any adapter.
import {
  createSandbox,
  type SandboxOptions,
  ZHUMU_SANDBOX_CREDENTIALS,
  type ZhumuSandboxOptions,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';

const CREDENTIALS = {
  api_key: ZHUMU_SANDBOX_CREDENTIALS.apiKey,
  api_secret: ZHUMU_SANDBOX_CREDENTIALS.apiSecret,
};
const COMPANY = {
  name: '上海示例信息技术有限公司',
  credit_code: '91310000MA1FL4B24G',
  admin_email: 'admin@example.cn',
  admin_first_name: '伟',
  admin_last_name: '王',
  admin_mobile: '13800138000',
  industry: 'software',
};

function world(options: { sandbox?: Omit<SandboxOptions, 'platforms'>; zhumu?: ZhumuSandboxOptions } = {}) {
  const platform = zhumuSandboxPlatform(options.zhumu);
  const sandbox = createSandbox({ ...options.sandbox, platforms: [platform] });
  const prefix = options.zhumu?.pathPrefix ?? '/v3';

  async function send(request: Request) {
    const result = await sandbox.handle(request);
    if (!(result instanceof Response)) throw new Error(`connection fault ${result.kind}`);
    const text = await result.text();
    // biome-ignore lint/suspicious/noExplicitAny: the tests read wire bodies loosely and assert on them
    const body: any = text ? JSON.parse(text) : undefined;
    return { status: result.status, headers: result.headers, body };
  }

  /** A form-encoded POST to an endpoint below the prefix, with the sandbox's credentials unless given. */
  function post(endpoint: string, fields: Record<string, string> = {}, init: RequestInit = {}) {
    return send(
      new Request(`https://api.zhumu.me${prefix}${endpoint}`, {
        method: 'POST',
        body: new URLSearchParams({ ...CREDENTIALS, ...fields }),
        ...init,
      }),
    );
  }

  return { sandbox, platform, controls: sandbox.controls(platform), send, post };
}

describe('the sandbox’s Zhumu speaks form-encoded POST with key and secret, in UTF-8', () => {
  it('creates an enterprise pending review, with its licence, and keeps Chinese text intact', async () => {
    const { post, controls } = world();

    const created = await post('/enterprise/create', { ...COMPANY, seats: '10' });

    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(created.headers.get('x-request-id')).toMatch(/^zm-/);
    expect(created.body).toMatchObject({
      name: '上海示例信息技术有限公司',
      status: 0,
      admin_first_name: '伟',
    });
    expect(controls.getEnterprise(created.body.id)?.licence).toMatchObject({ plan: 'business', seats: 10 });
    // The automatic review (no delay) has passed by the next request.
    expect((await post('/enterprise/get', { enterprise_id: created.body.id })).body.status).toBe(1);
  });

  it('answers business errors with HTTP 200 and an error object', async () => {
    const { post } = world();
    expect(await post('/enterprise/get', { enterprise_id: 'nope' })).toMatchObject({
      status: 200,
      body: { error: { code: 2001, message: '企业不存在 / Enterprise does not exist: nope' } },
    });
  });

  it('refuses missing credentials (100) and wrong ones (101), before counting the request', async () => {
    const { send, post } = world({ sandbox: { rateLimits: { zhumu: { read: 1 } } } });
    const missing = await send(
      new Request('https://api.zhumu.me/v3/enterprise/list', {
        method: 'POST',
        body: new URLSearchParams({ api_key: CREDENTIALS.api_key }),
      }),
    );
    expect(missing.body.error.code).toBe(100);
    expect((await post('/enterprise/list', { api_secret: 'wrong' })).body.error.code).toBe(101);
    // Credentials in the query string are not credentials.
    const inQuery = await send(
      new Request(`https://api.zhumu.me/v3/enterprise/list?${new URLSearchParams(CREDENTIALS)}`, {
        method: 'POST',
        body: new URLSearchParams({}),
      }),
    );
    expect(inQuery.body.error.code).toBe(100);
    expect((await post('/enterprise/list')).body.total_records).toBe(0);
  });

  it('takes POST only, form bodies only, UTF-8 only', async () => {
    const { send, post } = world();
    const get = await send(new Request('https://api.zhumu.me/v3/enterprise/list'));
    expect(get).toMatchObject({ status: 405, body: { error: { code: 300 } } });
    expect(get.headers.get('allow')).toBe('POST');

    const json = await send(
      new Request('https://api.zhumu.me/v3/enterprise/list', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(CREDENTIALS),
      }),
    );
    expect(json.body.error).toMatchObject({ code: 300, message: expect.stringContaining('Content-Type') });

    const gbkCharset = await post(
      '/enterprise/list',
      {},
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=GBK' },
      },
    );
    expect(gbkCharset.body.error.message).toContain('charset=gbk');

    // 上海 in GBK is C9 CF BA A3: a client that encodes in GBK is refused rather than stored as mojibake.
    const gbkBytes = await send(
      new Request('https://api.zhumu.me/v3/enterprise/create', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `${new URLSearchParams({ ...CREDENTIALS, ...COMPANY, name: 'x' })}`.replace(
          'name=x',
          'name=%C9%CF%BA%A3',
        ),
      }),
    );
    expect(gbkBytes.body.error).toMatchObject({ code: 300, message: expect.stringContaining('UTF-8') });
  });

  it('answers 404 outside its path prefix, and serves under a configured one', async () => {
    const { send } = world();
    const elsewhere = await send(
      new Request('https://api.zhumu.me/v2/enterprise/list', {
        method: 'POST',
        body: new URLSearchParams(CREDENTIALS),
      }),
    );
    expect(elsewhere).toMatchObject({ status: 404, body: { error: { code: 404 } } });
    const custom = world({ zhumu: { pathPrefix: '/api/v3' } });
    expect((await custom.post('/enterprise/list')).body).toMatchObject({ total_records: 0 });
    expect(custom.sandbox.requests[0]?.path).toBe('/api/v3/enterprise/list');
  });
});

describe('the sandbox’s Zhumu validates like the contract says', () => {
  it.each([
    [{ credit_code: '91310000MA1FL4B24H' }, 300, 'credit_code'],
    [{ admin_mobile: '+8613800138000' }, 300, 'admin_mobile'],
    [{ postal_code: '20012' }, 300, 'postal_code'],
    [{ name: '瞩'.repeat(101) }, 300, 'name'],
    [{ employee_count: '50-99人' }, 300, 'employee_count'],
    [{ seats: '-1' }, 300, 'seats'],
    [{ plan: 'enterprise' }, 2103, 'enterprise'],
    [{ plan: 'trial', seats: '11' }, 2102, '10 seats'],
  ])('refuses %j with code %i', async (fields, code, mentioned) => {
    const { post, controls } = world();
    const answer = await post('/enterprise/create', { ...COMPANY, ...fields });
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toContain(mentioned);
    expect(controls.listEnterprises()).toEqual([]);
  });

  it('holds one enterprise per credit code (2002) and one user per e-mail (1005), until cancelled', async () => {
    const { post } = world();
    const first = (await post('/enterprise/create', COMPANY)).body;
    expect(
      (await post('/enterprise/create', { ...COMPANY, admin_email: 'b@example.cn' })).body.error.code,
    ).toBe(2002);
    expect(
      (await post('/enterprise/create', { ...COMPANY, credit_code: '91350100M000100Y43' })).body.error.code,
    ).toBe(1005);
    await post('/enterprise/cancel', { enterprise_id: first.id });
    expect((await post('/enterprise/create', COMPANY)).body.status).toBe(0);
  });

  it('pages with page_number and page_size, and filters by credit code, e-mail and status', async () => {
    const { post, controls } = world();
    const codes = ['91310000MA1FL4B24G', '91350100M000100Y43', '91110000802100433B'];
    for (const [index, code] of codes.entries()) {
      controls.createEnterprise({ name: `公司 ${index}`, creditCode: code, status: index === 2 ? 3 : 1 });
    }
    expect((await post('/enterprise/list', { page_number: '2', page_size: '2' })).body).toMatchObject({
      page_count: 2,
      page_number: 2,
      page_size: 2,
      total_records: 3,
      enterprises: [{ name: '公司 2' }],
    });
    expect((await post('/enterprise/list', { credit_code: codes[1] ?? '' })).body.enterprises).toHaveLength(
      1,
    );
    expect((await post('/enterprise/list', { status: '3,4' })).body.total_records).toBe(1);
    expect((await post('/enterprise/list', { page_size: '301' })).body.error.code).toBe(300);
    expect((await post('/enterprise/list', { status: '6' })).body.error.code).toBe(300);
  });

  it('refuses seats below those in use (2101)', async () => {
    const { post, controls } = world();
    const created = (await post('/enterprise/create', { ...COMPANY, seats: '10' })).body;
    controls.setSeatsUsed(created.id, 4);
    expect(
      (await post('/enterprise/licence/set', { enterprise_id: created.id, seats: '3' })).body.error.code,
    ).toBe(2101);
    expect(
      (await post('/enterprise/licence/set', { enterprise_id: created.id, seats: '4' })).body,
    ).toMatchObject({
      seats: 4,
      seats_used: 4,
    });
  });
});

describe('the sandbox’s Zhumu renders limits and faults in its own dialect', () => {
  it('answers 429 with an error object and the category’s per-minute limit', async () => {
    const { post } = world({
      sandbox: { now: () => 0, rateLimits: { zhumu: { write: 1 } }, rateLimitRetryAfter: true },
    });
    expect((await post('/enterprise/create', COMPANY)).status).toBe(200);
    const limited = await post('/enterprise/create', { ...COMPANY, credit_code: '91350100M000100Y43' });
    expect(limited).toMatchObject({
      status: 429,
      body: { error: { code: 429, message: expect.stringContaining('60 write requests per minute') } },
    });
    expect(limited.headers.get('x-ratelimit-category')).toBe('write');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('60');
    expect(limited.headers.get('retry-after')).toBe('1');
    // Reads have a budget of their own.
    expect((await post('/enterprise/list')).status).toBe(200);
  });

  it('renders injected faults: 5xx with an error object, token_expired as refused credentials', async () => {
    const { post, sandbox } = world();
    sandbox.faults.add({
      path: '/v3/enterprise/list',
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });
    sandbox.faults.add({ path: '/v3/enterprise/list', times: 1, fault: { kind: 'token_expired' } });
    sandbox.faults.add({ path: '/v3/enterprise/list', times: 1, fault: { kind: 'rate_limit' } });

    const unavailable = await post('/enterprise/list');
    expect(unavailable).toMatchObject({ status: 503, body: { error: { code: 503 } } });
    expect(unavailable.headers.get('x-request-id')).toMatch(/^zm-/);
    expect(await post('/enterprise/list')).toMatchObject({ status: 200, body: { error: { code: 101 } } });
    const limited = await post('/enterprise/list');
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 429 } } });
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(sandbox.requests.map((request) => request.category)).toEqual(['read', 'read', 'read']);
  });

  it('gives the variables that point zhumu() at it', () => {
    const { sandbox } = world();
    expect(sandbox.environment({ zhumu: { baseUrl: 'http://127.0.0.1:5000/zhumu' } })).toEqual({
      ZHUMU_API_KEY: ZHUMU_SANDBOX_CREDENTIALS.apiKey,
      ZHUMU_API_SECRET: ZHUMU_SANDBOX_CREDENTIALS.apiSecret,
      ZHUMU_API_URL: 'http://127.0.0.1:5000/zhumu',
      ZHUMU_PATH_PREFIX: '/v3',
    });
  });
});
