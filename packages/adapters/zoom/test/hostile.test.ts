import {
  DEFAULT_PAGINATION_BOUNDS,
  isChannelError,
  PaginationError,
  ResponseValidationError,
} from '@channelkit/core';
import { zoom } from '@channelkit/zoom';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  contextFor,
  provisionInput,
  recordRequests,
  sandboxed,
  sentTo,
  server,
  testSettings,
} from './harness';

// Zoom answering what it should not: every answer is parsed before it is read, and every walk is bounded.

const API = 'https://api.zoom.us/v2';
const tokenHandler = http.post('https://zoom.us/oauth/token', () =>
  HttpResponse.json({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 }),
);
const emailInUse = http.post(`${API}/accounts`, () =>
  HttpResponse.json({ code: 1005, message: 'Email ada@acme.example is already in use.' }, { status: 409 }),
);

function hostile(...handlers: RequestHandler[]) {
  server.use(tokenHandler, ...handlers);
  const sent = recordRequests();
  const adapter = zoom({
    accountId: 'master',
    clientId: 'cid',
    clientSecret: 'sec',
    rateLimits: { medium: 10_000 },
  });
  const { context, logs } = contextFor(adapter);
  const apiRequests = () => sent.filter((request) => request.url.origin === 'https://api.zoom.us');
  return { adapter, context, logs, sent, apiRequests };
}

function otherAccount(n: number) {
  return {
    id: `other-${n}`,
    account_name: `Other ${n}`,
    owner_email: `owner-${n}@other.example`,
    created_at: '2026-01-02T03:04:05Z',
  };
}

describe('every Zoom answer is validated before it is read', () => {
  it('turns a null body into a ResponseValidationError naming platform and operation', async () => {
    const { adapter, context } = hostile(http.get(`${API}/accounts/abc`, () => HttpResponse.json(null)));
    const error = await adapter.accounts.get('abc', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ platform: 'zoom', operation: 'accounts.get (GET /accounts/abc)' });
    expect((error as Error).message).toMatch(
      /^zoom returned an unexpected response to accounts\.get \(GET \/accounts\/abc\): .*expected object/,
    );
  });

  it('turns a redirect into a typed error, never a TypeError', async () => {
    const { adapter, context } = hostile(
      http.get(
        `${API}/accounts/abc`,
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }),
      ),
    );
    const error = await adapter.accounts.get('abc', context).catch((e: unknown) => e);
    expect(isChannelError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it('names the missing field of an account', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/accounts/abc`, () =>
        HttpResponse.json({ id: 'abc', created_at: '2026-01-02T03:04:05Z' }),
      ),
    );
    await expect(adapter.accounts.get('abc', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [expect.objectContaining({ path: 'owner_email' })],
    });
  });

  it('reports an account the list no longer shows as not found, never named by its owner email', async () => {
    const { adapter, context, apiRequests } = hostile(
      http.get(`${API}/accounts/abc`, () =>
        HttpResponse.json({ ...otherAccount(9), id: 'abc', account_name: undefined, owner_id: 'owner-9' }),
      ),
      http.get(`${API}/accounts`, () =>
        HttpResponse.json({ next_page_token: '', accounts: [otherAccount(1)] }),
      ),
    );
    const failure = await adapter.accounts.get('abc', context).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'NotFoundError', status: 404, platform: 'zoom' });
    expect((failure as Error).message).toContain('disassociated');
    expect(apiRequests().map((request) => request.url.pathname)).toEqual([
      '/v2/accounts/abc',
      '/v2/accounts',
    ]);
  });

  it('names a page entry without owner_email or account_name', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/accounts`, () =>
        HttpResponse.json({
          next_page_token: '',
          accounts: [otherAccount(1), { id: 'x', created_at: '2026-01-02T03:04:05Z' }],
        }),
      ),
    );
    const listing = (async () => {
      for await (const _ of adapter.accounts.list({}, context)) {
        // drain
      }
    })();
    await expect(listing).rejects.toMatchObject({
      name: 'ResponseValidationError',
      operation: 'accounts.list (GET /accounts)',
      issues: [
        expect.objectContaining({ path: 'accounts[1].account_name' }),
        expect.objectContaining({ path: 'accounts[1].owner_email' }),
      ],
    });
  });

  it.each([
    ['an empty object', {}],
    ['an empty id', { id: '', owner_email: 'ada@acme.example', created_at: '2026-01-02T03:04:05Z' }],
    [
      'a dot segment for an id',
      { id: '..', owner_email: 'ada@acme.example', created_at: '2026-01-02T03:04:05Z' },
    ],
    [
      'the master alias for an id',
      { id: 'me', owner_email: 'ada@acme.example', created_at: '2026-01-02T03:04:05Z' },
    ],
  ])('refuses a create answered 201 with %s, and sends nothing with that id', async (_, body) => {
    const { adapter, context, apiRequests } = hostile(
      http.post(`${API}/accounts`, () => HttpResponse.json(body, { status: 201 })),
    );
    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ operation: 'accounts.provision (POST /accounts)' });
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain('id');
    expect(apiRequests().map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v2/accounts',
    ]);
  });

  it('refuses malformed plans and usage', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/accounts/abc/plans`, () => HttpResponse.json({ plan_base: { type: 'monthly' } })),
      http.get(`${API}/accounts/abc/plans/usage`, () =>
        HttpResponse.json({ plan_base: { type: 'monthly', hosts: 2 } }),
      ),
      http.get(`${API}/accounts/def/plans`, () =>
        HttpResponse.json({ plan_base: { type: 'monthly', hosts: 2 } }),
      ),
      http.get(`${API}/accounts/def/plans/usage`, () => HttpResponse.text('<html>gateway</html>')),
    );
    await expect(adapter.licences.get('abc', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [expect.objectContaining({ path: 'plan_base.hosts' })],
    });
    await expect(adapter.licences.get('def', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      operation: 'licences.get (GET /accounts/def/plans/usage)',
    });
  });

  it('sends no DELETE when the account read before it is malformed', async () => {
    const { adapter, context, apiRequests } = hostile(
      http.get(`${API}/accounts/abc`, () => HttpResponse.json(null)),
    );
    await expect(adapter.accounts.close?.('abc', context)).rejects.toBeInstanceOf(ResponseValidationError);
    expect(apiRequests().map((request) => request.method)).toEqual(['GET']);
  });

  it('takes a 404 on the plans of an account the lookup has just found as "no plan yet", and provisions it', async () => {
    const { sandbox, adapter, context, sent, logs } = sandboxed();
    const existing = sandbox.zoom.createAccount({ email: 'ada@acme.example', accountName: 'Acme Pte. Ltd.' });
    server.use(
      http.get(`${API}/accounts/:id/plans`, () =>
        HttpResponse.json({ code: 1001, message: 'No plans for this account.' }, { status: 404 }),
      ),
    );

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.id).toBe(existing.id);
    expect(sentTo(sent, 'POST', `/accounts/${existing.id}/plans`)).toHaveLength(1);
    expect(sandbox.zoom.getAccount(existing.id)?.plan).toMatchObject({ type: 'business_yearly', hosts: 10 });
    expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining('no plan yet'));
  });
});

describe('the owner lookup is bounded', () => {
  it('stops a listing that keeps offering new pages at the page bound, creating nothing more', async () => {
    let page = 0;
    const { adapter, context, sent } = hostile(
      emailInUse,
      http.get(`${API}/accounts`, () => {
        page += 1;
        return HttpResponse.json({ next_page_token: `token-${page}`, accounts: [otherAccount(page)] });
      }),
    );
    context.pagination = { maxPages: 5, maxDurationMs: 60_000 };

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      reason: 'max_pages',
      pages: 5,
      message: expect.stringContaining('zoom sub-accounts'),
    });
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(5);
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(1);
  });

  it('stops on a repeated page token', async () => {
    const { adapter, context, sent } = hostile(
      emailInUse,
      http.get(`${API}/accounts`, () =>
        HttpResponse.json({ next_page_token: 'again', accounts: [otherAccount(1)] }),
      ),
    );
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'PaginationError',
      reason: 'repeated_cursor',
    });
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(2);
  });

  it('stops on empty pages that still offer a token', async () => {
    let page = 0;
    const { adapter, context, sent } = hostile(
      emailInUse,
      http.get(`${API}/accounts`, () => {
        page += 1;
        return HttpResponse.json({ next_page_token: `token-${page}`, accounts: [] });
      }),
    );
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'PaginationError',
      reason: 'empty_page',
    });
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(1);
  });

  it('stops on its own with the default bounds', async () => {
    let page = 0;
    const { adapter, sent } = hostile(
      emailInUse,
      http.get(`${API}/accounts`, () => {
        page += 1;
        return HttpResponse.json({ next_page_token: `token-${page}`, accounts: [otherAccount(page)] });
      }),
    );
    const { context } = contextFor(adapter, { ...testSettings, rateLimit: 100_000 });
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'PaginationError',
      reason: 'max_pages',
      limit: DEFAULT_PAGINATION_BOUNDS.maxPages,
    });
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(DEFAULT_PAGINATION_BOUNDS.maxPages);
  });
});
