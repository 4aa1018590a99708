import { inspect } from 'node:util';
import { AuthenticationError, BadRequestError } from '@channelkit/core';
import { UMEET_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { umeet } from '@channelkit/umeet';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { codeSpans, contractTable } from './contract-doc';
import {
  API,
  contextFor,
  provisionInput,
  recordRequests,
  sandboxed,
  server,
  TOKEN_URL,
  testSettings,
} from './harness';

const token = http.post(TOKEN_URL, () =>
  HttpResponse.json({ access_token: 'token-errors-1', token_type: 'Bearer', expires_in: 3600 }),
);

function problemAnswer(status: number, code: string) {
  return new HttpResponse(
    JSON.stringify({
      type: `https://api.umeet.cn/problems/${code.replaceAll('_', '-')}`,
      title: 'Contract problem',
      status,
      detail: `问题 ${code}`,
      code,
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

describe('the error table of the contract', () => {
  const rows = contractTable('Errors').flatMap((cells) => {
    const status = Number(cells[0]);
    const errorName = codeSpans(cells[2] ?? '')[0] ?? '';
    return codeSpans(cells[1] ?? '').map((code) => [status, code, errorName] as const);
  });

  it('lists every problem code the sandbox answers with', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.map(([, code]) => code)).toEqual(
      expect.arrayContaining([
        'validation_failed',
        'precondition_failed',
        'precondition_required',
        'rate_limited',
      ]),
    );
  });

  it.each(rows)('%i %s surfaces as %s, its code and its message kept', async (status, code, errorName) => {
    server.use(
      token,
      http.get(`${API}/accounts/:id`, () => problemAnswer(status, code)),
    );
    const adapter = umeet({ clientId: 'cid', clientSecret: 'secret-of-the-errors-test' });
    const { context } = contextFor(adapter, {
      ...testSettings,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });

    const error = await adapter.accounts.get('acc_1', context).catch((e: unknown) => e);

    expect((error as Error).name).toBe(errorName);
    expect(error).toMatchObject({
      status,
      platformCode: code,
      platformMessage: `Contract problem: 问题 ${code}`,
    });
  });

  it('reads the code from the problem type when the code member is missing', async () => {
    server.use(
      token,
      http.get(`${API}/accounts/:id`, () =>
        HttpResponse.json(
          {
            type: 'https://api.umeet.cn/problems/account-not-found',
            title: 'Account not found',
            status: 404,
          },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const adapter = umeet({ clientId: 'cid', clientSecret: 'secret-of-the-errors-test' });
    const { context } = contextFor(adapter);
    await expect(adapter.accounts.get('acc_1', context)).rejects.toMatchObject({
      name: 'NotFoundError',
      platformCode: 'account_not_found',
    });
  });

  it('keeps the HTTP status of an answer that is not a problem (a gateway’s HTML page)', async () => {
    server.use(
      token,
      http.get(`${API}/accounts/:id`, () =>
        HttpResponse.html('<html><h1>403 Forbidden</h1></html>', { status: 403 }),
      ),
    );
    const adapter = umeet({ clientId: 'cid', clientSecret: 'secret-of-the-errors-test' });
    const { context } = contextFor(adapter);
    await expect(adapter.accounts.get('acc_1', context)).rejects.toMatchObject({
      name: 'PermissionError',
      status: 403,
    });
  });
});

describe('problems name the channelkit fields, in Chinese intact', () => {
  it('maps JSON pointers of validation_failed to the input’s fields', async () => {
    const { adapter, context } = sandboxed();
    // Past the client, straight to the adapter: Umeet itself refuses a mobile that is not mainland.
    const input = provisionInput({ admin: { ...provisionInput().admin, mobile: '+85291234567' } });

    const error = await adapter.accounts.provision(input, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 422,
      platformCode: 'validation_failed',
      details: [{ field: 'admin.mobile', message: '必须是中国大陆手机号（+86 开头的 11 位号码）。' }],
    });
    expect((error as Error).message).toContain(
      'admin.mobile: 必须是中国大陆手机号（+86 开头的 11 位号码）。',
    );
  });
});

describe('credentials', () => {
  it('reports refused client credentials with the token endpoint’s reason and never the secret', async () => {
    sandboxed();
    const secret = 'wrong-secret-9f8e7d6c';
    const adapter = umeet({ ...UMEET_SANDBOX_CREDENTIALS, clientSecret: secret });
    const { context } = contextFor(adapter);

    const error = await adapter.accounts.get('acc_1', context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    const printed = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
    expect(printed).toContain('Client authentication failed.');
    expect(printed).toContain('invalid_client');
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(
      Buffer.from(`${UMEET_SANDBOX_CREDENTIALS.clientId}:${secret}`).toString('base64'),
    );
  });

  it('fetches a new token once when Umeet says the token expired, then repeats the call', async () => {
    const { adapter, context, controls, sent } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn' });
    await adapter.accounts.get(account.id, context);
    controls.expireTokens();

    await expect(adapter.accounts.get(account.id, context)).resolves.toMatchObject({ id: account.id });

    expect(sent.filter((request) => request.url.href === TOKEN_URL)).toHaveLength(2);
    const [first] = sent;
    expect(first?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${UMEET_SANDBOX_CREDENTIALS.clientId}:${UMEET_SANDBOX_CREDENTIALS.clientSecret}`).toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(first?.text))).toEqual({
      grant_type: 'client_credentials',
    });
  });

  it('sends reads and writes in their own rate-limit categories, the token request in none', async () => {
    const { adapter, context, controls } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn', purchased: 5 });
    const categories: string[] = [];
    context.transport.on('request', (event) => categories.push(`${event.method} ${event.category}`));
    recordRequests();

    await adapter.licences.set(account.id, { seats: 6 }, context);

    expect(categories).toEqual(['POST oauth', 'GET read', 'PUT write']);
  });
});
