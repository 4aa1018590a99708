import { inspect } from 'node:util';
import {
  BadRequestError,
  PaginationError,
  PartiallyAppliedError,
  RedirectError,
  ResponseValidationError,
  SyncConflictError,
} from '@channelkit/core';
import { umeet } from '@channelkit/umeet';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  API,
  apiCalls,
  contextFor,
  provisionInput,
  recordRequests,
  server,
  TOKEN_URL,
  testSettings,
} from './harness';

// Umeet answering what it should not: every answer is validated before it is read, every status URL checked before it
// is requested, every wait and walk bounded, every secret kept out of what the adapter reports.

const SECRET = 'hostile-secret-5e6f7a8b9c';
const TOKEN = 'tok-hostile-1a2b3c4d5e6f';
const token = http.post(TOKEN_URL, () =>
  HttpResponse.json({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }),
);

function hostile(handlers: RequestHandler[], options: Parameters<typeof umeet>[0] = {}) {
  server.use(token, ...handlers);
  const sent = recordRequests();
  const adapter = umeet({
    clientId: 'hostile-client',
    clientSecret: SECRET,
    rateLimits: { read: 10_000, write: 10_000 },
    ...options,
  });
  const { context, logs } = contextFor(adapter);
  return { adapter, context, logs, sent };
}

function operation(status: 'running' | 'succeeded' | 'failed', extra: Record<string, unknown> = {}) {
  return { id: 'op_1', kind: 'account.create', status, account_id: 'acc_1', error: null, ...extra };
}

function accepted(location: string | undefined, retryAfter = '0') {
  return http.post(`${API}/accounts`, () =>
    HttpResponse.json(operation('running'), {
      status: 202,
      headers: { ...(location === undefined ? {} : { location }), 'retry-after': retryAfter },
    }),
  );
}

const account = {
  id: 'acc_1',
  name: '上海示例信息技术有限公司',
  admin: { email: 'wang.wei@example.cn' },
  status: 'active',
  created_at: '2026-01-02T03:04:05Z',
};

function printed(error: unknown): string {
  return [String((error as Error).message), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
}

describe('a status URL is checked before it is requested', () => {
  it.each([
    ['another origin', 'https://evil.example/v1/operations/op_1'],
    ['another scheme', 'http://api.umeet.cn/v1/operations/op_1'],
    ['another port', 'https://api.umeet.cn:8443/v1/operations/op_1'],
    ['a protocol-relative URL', '//evil.example/v1/operations/op_1'],
    ['a path outside the API', 'https://api.umeet.cn/admin/operations/op_1'],
    ['a dot segment out of the API', '/v1/../admin/operations/op_1'],
    ['an encoded dot segment', '/v1/%2e%2e/internal/operations/op_1'],
    ['credentials in the URL', 'https://user:pass@api.umeet.cn/v1/operations/op_1'],
    ['a query', '/v1/operations/op_1?next=https://evil.example'],
    ['something else than an operation', '/v1/accounts/acc_1/terminate'],
  ])('refuses %s, sends nothing there, and names the account', async (_, location) => {
    const { adapter, context, sent } = hostile([accepted(location)]);

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect(error).toMatchObject({ resourceId: 'acc_1', remaining: ['provisioning to finish on Umeet'] });
    expect((error as PartiallyAppliedError).cause).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('was not requested');
    expect(sent.map((request) => `${request.method} ${request.url.href}`)).toEqual([
      `POST ${TOKEN_URL}`,
      `POST ${API}/accounts`,
    ]);
  });

  it('refuses a 202 without Location', async () => {
    const { adapter, context } = hostile([accepted(undefined)]);
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect((error as Error).message).toContain('no Location header');
  });

  it('follows a relative status URL on the API', async () => {
    const { adapter, context, sent } = hostile([
      accepted('/v1/operations/op_1'),
      http.get(`${API}/operations/op_1`, () => HttpResponse.json(operation('succeeded'))),
      http.get(`${API}/accounts/acc_1`, () => HttpResponse.json(account)),
    ]);
    await expect(adapter.accounts.provision(provisionInput(), context)).resolves.toMatchObject({
      id: 'acc_1',
    });
    expect(apiCalls(sent)).toEqual(['POST /accounts', 'GET /operations/op_1', 'GET /accounts/acc_1']);
  });
});

describe('a status URL that never finishes is bounded', () => {
  it('stops after maxStatusPolls polls when it says "running" forever with Retry-After: 0', async () => {
    const { adapter, context, sent } = hostile(
      [
        accepted(`${API}/operations/op_1`),
        http.get(`${API}/operations/op_1`, () =>
          HttpResponse.json(operation('running'), { headers: { 'retry-after': '0' } }),
        ),
      ],
      { maxStatusPolls: 5 },
    );

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect((error as Error).message).toContain('5 status polls (option maxStatusPolls)');
    expect(apiCalls(sent).filter((call) => call === 'GET /operations/op_1')).toHaveLength(5);
  });

  it('stops at the deadline when the status URL never answers', async () => {
    const { adapter, context } = hostile(
      [
        accepted(`${API}/operations/op_1`),
        http.get(`${API}/operations/op_1`, () => new Promise<never>(() => {})),
      ],
      { provisioningTimeoutMs: 300 },
    );

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect((error as Error).message).toContain('provisioning deadline of 300 ms');
  });

  it('polls on through 5xx answers, each one counted', async () => {
    let polls = 0;
    const { adapter, context } = hostile(
      [
        accepted(`${API}/operations/op_1`),
        http.get(`${API}/operations/op_1`, () => {
          polls += 1;
          return polls < 3
            ? HttpResponse.json(
                { code: 'service_unavailable' },
                { status: 503, headers: { 'retry-after': '0' } },
              )
            : HttpResponse.json(operation('succeeded'));
        }),
        http.get(`${API}/accounts/acc_1`, () => HttpResponse.json(account)),
      ],
      { maxStatusPolls: 3 },
    );
    await expect(adapter.accounts.provision(provisionInput(), context)).resolves.toMatchObject({
      id: 'acc_1',
    });
    expect(polls).toBe(3);
  });

  it('reads the account itself when the status URL no longer knows the operation', async () => {
    const { adapter, context, sent, logs } = hostile([
      accepted(`${API}/operations/op_1`),
      http.get(`${API}/operations/op_1`, () =>
        HttpResponse.json({ code: 'operation_not_found', status: 404 }, { status: 404 }),
      ),
      http.get(`${API}/accounts/acc_1`, () => HttpResponse.json(account)),
    ]);
    await expect(adapter.accounts.provision(provisionInput(), context)).resolves.toMatchObject({
      id: 'acc_1',
      status: 'active',
    });
    expect(apiCalls(sent)).toEqual(['POST /accounts', 'GET /operations/op_1', 'GET /accounts/acc_1']);
    expect(logs.map((line) => line.message)).toContain(
      'umeet: the status URL no longer knows the operation; reading the account',
    );
  });

  it('stops with PartiallyAppliedError when that account is still provisioning', async () => {
    const { adapter, context } = hostile([
      accepted(`${API}/operations/op_1`),
      http.get(`${API}/operations/op_1`, () =>
        HttpResponse.json({ code: 'operation_not_found', status: 404 }, { status: 404 }),
      ),
      http.get(`${API}/accounts/acc_1`, () => HttpResponse.json({ ...account, status: 'provisioning' })),
    ]);
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect(error).toMatchObject({ resourceId: 'acc_1' });
  });

  it('refuses a status URL that describes another account', async () => {
    const { adapter, context } = hostile([
      accepted(`${API}/operations/op_1`),
      http.get(`${API}/operations/op_1`, () =>
        HttpResponse.json(operation('succeeded', { account_id: 'acc_2' })),
      ),
    ]);
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect((error as PartiallyAppliedError).cause).toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'account_id' }],
    });
  });
});

describe('a problem+json body of 5 MB', () => {
  // 4 MiB of detail (a Chinese character is 3 bytes of UTF-8) and 20 000 field problems: about 5 MB in all.
  const huge = '大'.repeat((4 * 1024 * 1024) / 3);
  const errors = Array.from({ length: 20_000 }, (_, n) => ({ pointer: `/f${n}`, detail: 'x'.repeat(20) }));

  it('becomes a bounded error of the right class', async () => {
    const { adapter, context } = hostile([
      http.get(`${API}/accounts/acc_1`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Bad', status: 400, detail: huge, code: 'invalid_request', errors },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    ]);

    const error = await adapter.accounts.get('acc_1', context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, platformCode: 'invalid_request' });
    expect((error as Error).message.length).toBeLessThan(10_000);
    expect((error as BadRequestError).details).toHaveLength(51);
    expect(JSON.stringify(error).length).toBeLessThan(100_000);
  });

  it('larger than the response cap, ends the provisioning wait at once instead of polling it again', async () => {
    const { adapter, context, sent } = hostile([
      accepted(`${API}/operations/op_1`),
      http.get(`${API}/operations/op_1`, () => HttpResponse.text('x'.repeat(11 * 1024 * 1024))),
    ]);
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect((error as PartiallyAppliedError).cause).toMatchObject({ name: 'ResponseTooLargeError' });
    expect(apiCalls(sent).filter((call) => call.startsWith('GET /operations'))).toHaveLength(1);
  });

  it('inside a failed operation, becomes a bounded error too', async () => {
    const { adapter, context } = hostile([
      accepted(`${API}/operations/op_1`),
      http.get(`${API}/operations/op_1`, () =>
        HttpResponse.json(
          operation('failed', {
            error: {
              title: 'Provisioning failed',
              status: 422,
              detail: huge,
              code: 'provisioning_failed',
              errors,
            },
          }),
        ),
      ),
    ]);

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ platformCode: 'provisioning_failed' });
    expect((error as Error).message.length).toBeLessThan(10_000);
    expect(JSON.stringify(error).length).toBeLessThan(100_000);
  });
});

describe('ETags that change on every read', () => {
  it('end in SyncConflictError after exactly two reads and two writes, each write with the tag just read', async () => {
    let reads = 0;
    const ifMatch: (string | null)[] = [];
    const { adapter, context, sent } = hostile([
      http.get(`${API}/accounts/acc_1/licence`, () => {
        reads += 1;
        return HttpResponse.json(
          {
            plan: 'business',
            commitment: 'flexible',
            seats: { purchased: 5, assigned: 1, cap: 50 },
            status: 'active',
          },
          { headers: { etag: `"tag-${reads}"` } },
        );
      }),
      http.put(`${API}/accounts/acc_1/licence`, ({ request }) => {
        ifMatch.push(request.headers.get('if-match'));
        return HttpResponse.json({ code: 'precondition_failed', status: 412 }, { status: 412 });
      }),
    ]);

    const error = await adapter.licences.set('acc_1', { seats: 8 }, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SyncConflictError);
    expect(ifMatch).toEqual(['"tag-1"', '"tag-2"']);
    expect(apiCalls(sent)).toEqual([
      'GET /accounts/acc_1/licence',
      'PUT /accounts/acc_1/licence',
      'GET /accounts/acc_1/licence',
      'PUT /accounts/acc_1/licence',
    ]);
  });

  it.each([
    ['a weak tag', 'W/"tag-1"'],
    ['no quotes', 'tag-1'],
    ['no tag', undefined],
  ])('refuse to write with %s', async (_, etag) => {
    const { adapter, context, sent } = hostile([
      http.get(`${API}/accounts/acc_1/licence`, () =>
        HttpResponse.json(
          {
            plan: 'business',
            commitment: 'flexible',
            seats: { purchased: 5, assigned: 1, cap: 50 },
            status: 'active',
          },
          { headers: etag === undefined ? {} : { etag } },
        ),
      ),
    ]);
    const error = await adapter.licences.set('acc_1', { seats: 8 }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ issues: [{ path: 'headers.etag' }] });
    expect(apiCalls(sent)).toEqual(['GET /accounts/acc_1/licence']);
  });
});

describe('malformed and redirecting answers', () => {
  it.each([
    ['null', null, ''],
    ['an HTML page', '<html>gateway</html>', ''],
    ['an unknown status', { ...account, status: 'frozen' }, 'status'],
    ['a dot-segment id', { ...account, id: '..' }, 'id'],
    [
      'a credit code with a wrong check character',
      { ...account, credit_code: '91310000MA1FL4B24H' },
      'credit_code',
    ],
  ])('refuses an account that is %s', async (_, body, field) => {
    const { adapter, context } = hostile([
      http.get(`${API}/accounts/acc_1`, () =>
        typeof body === 'string' ? HttpResponse.text(body) : HttpResponse.json(body),
      ),
    ]);
    const error = await adapter.accounts.get('acc_1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ operation: 'accounts.get (GET /accounts/acc_1)' });
    if (field) expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain(field);
  });

  it('refuses a 202 without an account id, and requests nothing with one missing', async () => {
    const { adapter, context, sent } = hostile([
      http.post(`${API}/accounts`, () =>
        HttpResponse.json(
          { id: 'op_1', status: 'running' },
          { status: 202, headers: { location: `${API}/operations/op_1` } },
        ),
      ),
    ]);
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ issues: [expect.objectContaining({ path: 'account_id' })] });
    expect(apiCalls(sent)).toEqual(['POST /accounts']);
  });

  it('never follows a redirect', async () => {
    const { adapter, context, sent } = hostile([
      http.get(
        `${API}/accounts/acc_1`,
        () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.example/' } }),
      ),
    ]);
    const error = await adapter.accounts.get('acc_1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(sent.every((request) => request.url.host === 'api.umeet.cn')).toBe(true);
  });

  it('stops a listing that keeps offering full pages at the page bound', async () => {
    const { adapter, context, sent } = hostile([
      http.get(`${API}/accounts`, ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        const items = Array.from({ length: limit }, (_, n) => ({ ...account, id: `acc_${offset + n}` }));
        return HttpResponse.json({ items, total: 10_000_000, offset, limit });
      }),
    ]);
    context.pagination = { maxPages: 4, maxDurationMs: 60_000 };
    const error = await (async () => {
      for await (const _ of adapter.accounts.list({ pageSize: 2 }, context)) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: 'max_pages', pages: 4 });
    expect(apiCalls(sent)).toHaveLength(4);
  });

  it('stops at an empty page even when total says there is more', async () => {
    const { adapter, context } = hostile([
      http.get(`${API}/accounts`, ({ request }) => {
        const url = new URL(request.url);
        return HttpResponse.json({
          items: [],
          total: 999,
          offset: Number(url.searchParams.get('offset')),
          limit: Number(url.searchParams.get('limit')),
        });
      }),
    ]);
    await expect(adapter.accounts.list({}, context).collect({ limit: 10 })).resolves.toEqual([]);
  });
});

describe('a server that echoes secrets', () => {
  // It puts the access token and the client secret (read from the token request's Basic header) everywhere it can.
  function echoing(): RequestHandler[] {
    let secret = '';
    return [
      http.post(TOKEN_URL, ({ request }) => {
        const basic = request.headers.get('authorization')?.slice('Basic '.length) ?? '';
        secret = Buffer.from(basic, 'base64').toString().split(':')[1] ?? '';
        return HttpResponse.json({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 });
      }),
      http.get(`${API}/accounts/acc_1`, ({ request }) =>
        HttpResponse.json(
          {
            title: `token ${request.headers.get('authorization')}`,
            detail: `secret ${secret}`,
            code: `code-${secret}`,
            errors: [{ pointer: `/${TOKEN}`, detail: secret }],
          },
          { status: 500, headers: { 'x-request-id': TOKEN } },
        ),
      ),
      http.post(`${API}/accounts`, () =>
        HttpResponse.json(operation('running', { id: 'op_1' }), {
          status: 202,
          headers: { location: `https://evil.example/v1/operations/op_1?token=${TOKEN}&secret=${secret}` },
        }),
      ),
      http.post(`${API}/accounts/acc_2/suspend`, () => HttpResponse.json({ note: `${TOKEN} ${secret}` })),
      http.get(`${API}/accounts/acc_2`, () => HttpResponse.json({ id: TOKEN, secret })),
    ];
  }

  it('keeps them out of errors, logs and events', async () => {
    server.use(...echoing());
    const adapter = umeet({ clientId: 'hostile-client', clientSecret: SECRET });
    const { context, logs } = contextFor(adapter, { ...testSettings, emitBodies: true });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const) {
      context.transport.on(name, (event) => events.push(event));
    }

    const failures = [
      await adapter.accounts.get('acc_1', context).catch((e: unknown) => e),
      await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e),
      await adapter.accounts.suspend?.('acc_2', context).catch((e: unknown) => e),
    ];

    expect(failures.map((failure) => (failure as Error).name)).toEqual([
      'ServerError',
      'PartiallyAppliedError',
      'PartiallyAppliedError',
    ]);
    const surfaces = [...failures.map(printed), inspect(logs, { depth: 10 }), inspect(events, { depth: 10 })];
    for (const surface of surfaces) {
      expect(surface).not.toContain(TOKEN);
      expect(surface).not.toContain(SECRET);
    }
    expect(printed(failures[0])).toContain('[REDACTED]');
  });
});
