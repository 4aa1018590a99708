import { inspect } from 'node:util';
import { ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  bodyOf,
  contextFor,
  provisionInput,
  recordRequests,
  sandboxed,
  server,
  testSettings,
} from './harness';

const API = 'https://api.zoom.us/v2';
const TOKEN_URL = 'https://zoom.us/oauth/token';
const tokenHandler = http.post(TOKEN_URL, () =>
  HttpResponse.json({
    access_token: 'token-1',
    token_type: 'bearer',
    expires_in: 3600,
    scope: 'account:master',
  }),
);

function printed(error: unknown): string {
  return [String((error as Error).message), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
}

describe('Server-to-Server OAuth', () => {
  it('asks for an account_credentials token with Basic client credentials, then sends it as Bearer', async () => {
    const { adapter, context, sent, sandbox } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@lambda.example' });

    await adapter.accounts.get(stored.id, context);

    const tokenRequests = sent.filter((request) => request.url.href === TOKEN_URL);
    expect(tokenRequests).toHaveLength(1);
    const [token] = tokenRequests;
    const basic = Buffer.from(
      `${ZOOM_SANDBOX_CREDENTIALS.clientId}:${ZOOM_SANDBOX_CREDENTIALS.clientSecret}`,
    ).toString('base64');
    expect(token?.method).toBe('POST');
    expect(token?.headers.get('authorization')).toBe(`Basic ${basic}`);
    expect(token?.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token?.text))).toEqual({
      grant_type: 'account_credentials',
      account_id: ZOOM_SANDBOX_CREDENTIALS.accountId,
    });
    const api = sent.find((request) => request.url.pathname === `/v2/accounts/${stored.id}`);
    expect(api?.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(api?.headers.get('user-agent')).toBe('channelkit-zoom-tests');
  });

  it('reuses one token across calls', async () => {
    const { adapter, context, sent, sandbox } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@mu.example' });
    await adapter.accounts.get(stored.id, context);
    await adapter.accounts.get(stored.id, context);
    expect(sent.filter((request) => request.url.href === TOKEN_URL)).toHaveLength(1);
  });

  it('fetches a new token once and repeats the call when Zoom says the token expired (code 124)', async () => {
    const { adapter, context, sent, sandbox } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@nu.example' });
    await adapter.accounts.get(stored.id, context);
    sandbox.zoom.expireTokens();

    await expect(adapter.accounts.get(stored.id, context)).resolves.toMatchObject({ id: stored.id });

    expect(sent.filter((request) => request.url.href === TOKEN_URL)).toHaveLength(2);
    expect(sent.filter((request) => request.url.pathname === `/v2/accounts/${stored.id}`)).toHaveLength(3);
  });

  it('gives up with AuthenticationError when a fresh token is refused too', async () => {
    server.use(
      tokenHandler,
      http.get(`${API}/accounts/:id`, () =>
        HttpResponse.json({ code: 124, message: 'Invalid access token.' }, { status: 401 }),
      ),
    );
    const sent = recordRequests();
    const adapter = zoom({ accountId: 'acc', clientId: 'cid', clientSecret: 'secret-value-124' });
    const { context } = contextFor(adapter);
    const error = await adapter.accounts.get('abc', context).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError', platformCode: 124 });
    expect(sent.filter((request) => request.url.pathname === '/v2/accounts/abc')).toHaveLength(2);
    expect(sent.filter((request) => request.url.href === TOKEN_URL)).toHaveLength(2);
    expect(printed(error)).not.toContain('secret-value-124');
    expect(printed(error)).not.toContain('token-1');
  });

  it('reports refused credentials with Zoom’s reason and never the secret', async () => {
    const { adapter: _unused } = sandboxed();
    const secret = 'wrong-secret-0a1b2c3d';
    const adapter = zoom({ ...ZOOM_SANDBOX_CREDENTIALS, clientSecret: secret });
    const { context } = contextFor(adapter);
    const error = await adapter.accounts.get('abc', context).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError' });
    expect(printed(error)).toContain('Invalid client_id or client_secret');
    expect(printed(error)).not.toContain(secret);
    expect(printed(error)).not.toContain(
      Buffer.from(`${ZOOM_SANDBOX_CREDENTIALS.clientId}:${secret}`).toString('base64'),
    );
  });

  it('reports a wrong account id with Zoom’s reason', async () => {
    sandboxed();
    const adapter = zoom({ ...ZOOM_SANDBOX_CREDENTIALS, accountId: 'someone-else' });
    const { context } = contextFor(adapter);
    await expect(adapter.accounts.get('abc', context)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: expect.stringContaining('Invalid account_id'),
    });
  });

  it('honours the baseUrl and oauthUrl options', async () => {
    const { sandbox } = sandboxed();
    server.use(
      ...sandbox.handlers({
        zoom: { baseUrl: 'https://api-eu.zoom.us/v2', oauthUrl: 'https://eu.example/token' },
      }),
    );
    const sent = recordRequests();
    const stored = sandbox.zoom.createAccount({ email: 'owner@xi.example' });
    const adapter = zoom({
      ...ZOOM_SANDBOX_CREDENTIALS,
      baseUrl: 'https://api-eu.zoom.us/v2/',
      oauthUrl: 'https://eu.example/token',
    });
    const { context } = contextFor(adapter);
    await adapter.accounts.get(stored.id, context);
    // The account, then its entry in GET /accounts (the only answer that names it).
    expect(sent.map((request) => request.url.host)).toEqual([
      'eu.example',
      'api-eu.zoom.us',
      'api-eu.zoom.us',
    ]);
  });
});

describe('error mapping', () => {
  it('maps code 2001 to NotFoundError whatever the HTTP status', async () => {
    server.use(
      tokenHandler,
      http.get(`${API}/accounts/:id/plans`, ({ params }) =>
        HttpResponse.json(
          { code: 2001, message: `Account does not exist: ${String(params.id)}.` },
          { status: 400, headers: { 'x-zm-trackingid': 'v=2.0;rid=abc' } },
        ),
      ),
      http.get(`${API}/accounts/:id/plans/usage`, () => HttpResponse.json({})),
    );
    const adapter = zoom({ accountId: 'acc', clientId: 'cid', clientSecret: 'sec' });
    const { context } = contextFor(adapter);
    await expect(adapter.licences.get('gone', context)).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      platformCode: 2001,
      platformMessage: 'Account does not exist: gone.',
      requestId: 'v=2.0;rid=abc',
    });
  });

  it('carries the fields of a validation failure (code 300)', async () => {
    const { adapter, context } = sandboxed();
    const error = await adapter.accounts
      .provision(provisionInput({ plan: 'no_such_plan' }), context)
      .catch((e: unknown) => e);
    // The account was created before Zoom refused the plan, so the refusal is the cause of a partial application.
    expect(error).toMatchObject({ name: 'PartiallyAppliedError' });
    const cause = (error as Error).cause;
    expect(cause).toMatchObject({
      name: 'BadRequestError',
      status: 400,
      platformCode: 300,
      details: [expect.objectContaining({ field: 'plan_base.type' })],
    });
    expect((cause as Error).message).toContain('plan_base.type');
    expect((error as Error).message).toContain('plan_base.type');
  });

  it('keeps Zoom’s own message for other codes', async () => {
    server.use(
      tokenHandler,
      http.get(`${API}/accounts/:id`, () =>
        HttpResponse.json({ code: 200, message: 'No permission.' }, { status: 403 }),
      ),
    );
    const adapter = zoom({ accountId: 'acc', clientId: 'cid', clientSecret: 'sec' });
    const { context } = contextFor(adapter);
    await expect(adapter.accounts.get('x', context)).rejects.toMatchObject({
      name: 'PermissionError',
      platformCode: 200,
      platformMessage: 'No permission.',
    });
  });

  it('retries a 429 and succeeds', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@omicron.example' });
    sandbox.faults.add({ method: 'GET', fault: { kind: 'rate_limit' }, times: 1, category: 'light' });
    await expect(adapter.accounts.get(stored.id, context)).resolves.toMatchObject({ id: stored.id });
    expect(sent.filter((request) => request.url.pathname === `/v2/accounts/${stored.id}`)).toHaveLength(2);
  });
});

describe('rate-limit labels', () => {
  it('sends every endpoint in its Zoom rate-limit category', async () => {
    const { sandbox, adapter, context } = sandboxed();
    const categories: string[] = [];
    context.transport.on('request', (event) => {
      categories.push(`${event.method} ${event.path.replace(/[^/]{20,}/, '{id}')} ${event.category}`);
    });
    sandbox.zoom.createAccount({ email: 'ada@acme.example', accountName: 'Acme Pte. Ltd.' });
    const account = await adapter.accounts.provision(provisionInput(), context);
    const id = encodeURIComponent(account.id);
    await adapter.accounts.get(account.id, context);
    await adapter.licences.set(account.id, { seats: 12 }, context);
    await adapter.accounts.close?.(account.id, context);
    const seen = new Set(categories.map((line) => line.replace(id, '{id}')));
    expect([...seen].sort()).toEqual(
      [
        'POST /accounts light',
        'GET /accounts medium',
        'GET /accounts/{id}/plans medium',
        'POST /accounts/{id}/plans heavy',
        'GET /accounts/{id} light',
        'GET /accounts/{id}/plans/usage heavy',
        'PUT /accounts/{id}/plans/base heavy',
        'DELETE /accounts/{id} light',
        `POST ${TOKEN_URL} oauth`,
      ].sort(),
    );
  });

  it('throttles each label at the configured rate', async () => {
    // Virtual time: the limiter's clock and timers move only from one timer to the next, and every request in flight
    // is answered before they do, so the send times below are exact on any machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    try {
      const { sandbox } = sandboxed();
      const stored = sandbox.zoom.createAccount({ email: 'owner@pi.example' });
      sandbox.zoom.setPlan(stored.id, { type: 'monthly', hosts: 5 });
      const adapter = zoom({ ...ZOOM_SANDBOX_CREDENTIALS, rateLimits: { heavy: 2 } });
      const { context } = contextFor(adapter);
      const heavy: number[] = [];
      const other: number[] = [];
      let sentCount = 0;
      let answered = 0;
      context.transport.on('request', (event) => {
        sentCount++;
        (event.category === 'heavy' ? heavy : other).push(event.startedAt);
      });
      context.transport.on('response', () => {
        answered++;
      });
      let done = false;
      const reads = Promise.all([1, 2, 3].map(() => adapter.licences.get(stored.id, context))).finally(() => {
        done = true;
      });

      while (!done) {
        // Let real I/O answer everything in flight (turns of the event loop, not time), then move to the next timer.
        do await new Promise<void>((resolve) => setImmediate(resolve));
        while (!done && answered < sentCount);
        if (!done) await vi.advanceTimersToNextTimerAsync();
      }
      await expect(reads).resolves.toHaveLength(3);

      // Three heavy usage reads at 2 per second: each one interval (1/2 s plus the limiter's 1.5 % margin) after the
      // one before. The plan reads go at Medium's own 60 per second (two intervals of about 17 ms) and the token
      // request at once: none of them waits for Heavy.
      expect(heavy).toHaveLength(3);
      const [first = 0, second = 0, third = 0] = heavy;
      for (const gap of [second - first, third - second]) {
        expect(gap).toBeGreaterThanOrEqual(500);
        expect(gap).toBeLessThanOrEqual(508);
      }
      expect(other).toHaveLength(4);
      expect(Math.max(...other) - first).toBeLessThanOrEqual(40);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('secrets in transport events', () => {
  it('shows neither the client secret, the token nor the generated password, even with bodies', async () => {
    const { sandbox } = sandboxed();
    const sent = recordRequests();
    const adapter = zoom({ ...ZOOM_SANDBOX_CREDENTIALS });
    const { context } = contextFor(adapter, { ...testSettings, emitBodies: true });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const) {
      context.transport.on(name, (event) => events.push(event));
    }
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      when: 'after',
      fault: { kind: 'reset' },
      times: 1,
    });
    await adapter.accounts.provision(provisionInput(), context);

    const { password } = bodyOf<{ password: string }>(sent.find((r) => r.url.pathname === '/v2/accounts'));
    const token = sent
      .find((r) => r.url.pathname === '/v2/accounts')
      ?.headers.get('authorization')
      ?.slice(7);
    const everything = inspect(events, { depth: 20 });
    expect(everything).toContain('account_name');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(ZOOM_SANDBOX_CREDENTIALS.clientSecret);
    expect(token).toBeTruthy();
    expect(everything).not.toContain(token);
  });
});
