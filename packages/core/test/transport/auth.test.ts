import {
  AuthenticationError,
  apiKey,
  apiKeyPair,
  bearerToken,
  ConfigurationError,
  createHttpTransport,
  oauth2ClientCredentials,
  signRequest,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const api = 'https://api.example.test/v2';
const tokenUrl = 'https://auth.example.test/oauth/token';
const clientSecret = 'super-secret-value';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface TokenRequest {
  authorization: string | null;
  form: Record<string, string>;
}

/** A token endpoint issuing tok-1, tok-2... and an API accepting only the latest token. */
function oauthServer(expiresIn = 3600) {
  const tokenRequests: TokenRequest[] = [];
  const apiAuth: (string | null)[] = [];
  server.use(
    http.post(tokenUrl, async ({ request }) => {
      tokenRequests.push({
        authorization: request.headers.get('authorization'),
        form: Object.fromEntries(new URLSearchParams(await request.text())),
      });
      return HttpResponse.json({ access_token: `tok-${tokenRequests.length}`, expires_in: expiresIn });
    }),
    http.get(`${api}/me`, ({ request }) => {
      const authorization = request.headers.get('authorization');
      apiAuth.push(authorization);
      if (authorization !== `Bearer tok-${tokenRequests.length}`) {
        return HttpResponse.json({ code: 124, message: 'Access token is expired.' }, { status: 401 });
      }
      return HttpResponse.json({ ok: true });
    }),
  );
  return { tokenRequests, apiAuth };
}

function transportWith(auth = oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret })) {
  return {
    auth,
    transport: createHttpTransport({ baseURL: api, platform: 'zoom', auth, retry: { baseDelayMs: 1 } }),
  };
}

describe('oauth2ClientCredentials', () => {
  it('fetches a token with Basic credentials and the extra form fields, then caches it', async () => {
    const { tokenRequests, apiAuth } = oauthServer();
    const auth = oauth2ClientCredentials({
      tokenUrl,
      clientId: 'client',
      clientSecret,
      grantType: 'account_credentials',
      params: { account_id: 'acc-1' },
    });
    const { transport } = transportWith(auth);
    await transport.request({ method: 'GET', path: '/me' });
    await transport.request({ method: 'GET', path: '/me' });
    expect(tokenRequests).toEqual([
      {
        authorization: `Basic ${Buffer.from(`client:${clientSecret}`).toString('base64')}`,
        form: { grant_type: 'account_credentials', account_id: 'acc-1' },
      },
    ]);
    expect(apiAuth).toEqual(['Bearer tok-1', 'Bearer tok-1']);
  });

  it('can send the credentials in the body with a scope', async () => {
    const { tokenRequests } = oauthServer();
    const { transport } = transportWith(
      oauth2ClientCredentials({
        tokenUrl,
        clientId: 'client',
        clientSecret,
        credentialsIn: 'body',
        scope: 'a b',
      }),
    );
    await transport.request({ method: 'GET', path: '/me' });
    expect(tokenRequests[0]).toEqual({
      authorization: null,
      form: {
        grant_type: 'client_credentials',
        scope: 'a b',
        client_id: 'client',
        client_secret: clientSecret,
      },
    });
  });

  it('sends one token request for ten concurrent requests with an expired token', async () => {
    const { tokenRequests } = oauthServer(0); // every token is stale as soon as it arrives
    const { transport } = transportWith();
    await transport.request({ method: 'GET', path: '/me' });
    expect(tokenRequests).toHaveLength(1);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => transport.request({ method: 'GET', path: '/me' })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests).toHaveLength(2);
  });

  it('refreshes once and retries once when the platform says the token expired', async () => {
    const { tokenRequests, apiAuth } = oauthServer();
    const { auth, transport } = transportWith();
    await transport.request({ method: 'GET', path: '/me' });
    // The platform revokes tok-1: the next token request issues tok-2 and only that is accepted.
    tokenRequests.push({ authorization: null, form: {} });
    const retries: string[] = [];
    transport.on('retry', (e) => retries.push(e.reason));
    await transport.request({ method: 'GET', path: '/me' });
    expect(apiAuth).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-3']);
    expect(tokenRequests).toHaveLength(3);
    expect(retries).toEqual(['expired_credentials']);
    expect(auth.secrets()).toContain('tok-3');
  });

  it('gives up with AuthenticationError when the fresh token is refused too', async () => {
    let tokens = 0;
    let calls = 0;
    server.use(
      http.post(tokenUrl, () => HttpResponse.json({ access_token: `tok-${++tokens}`, expires_in: 3600 })),
      http.get(`${api}/me`, () => {
        calls++;
        return HttpResponse.json({ message: 'Invalid access token.' }, { status: 401 });
      }),
    );
    const { transport } = transportWith();
    const error = await transport.request({ method: 'GET', path: '/me' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(calls).toBe(2);
    expect(tokens).toBe(2);
  });

  it('does not refresh-and-retry a 401 from the token endpoint itself', async () => {
    let tokenCalls = 0;
    server.use(
      http.post(tokenUrl, () => {
        tokenCalls++;
        return HttpResponse.json({ reason: 'Invalid client' }, { status: 401 });
      }),
    );
    const { transport } = transportWith();
    await expect(transport.request({ method: 'GET', path: '/me' })).rejects.toMatchObject({
      code: 'authentication_failed',
      status: 401,
      platformMessage: 'Invalid client',
    });
    expect(tokenCalls).toBe(1);
  });

  it('turns a token endpoint refusal into AuthenticationError with its reason, never the secret', async () => {
    server.use(
      http.post(tokenUrl, () =>
        HttpResponse.json(
          { reason: `Invalid client_id or client_secret`, error: 'invalid_client' },
          { status: 400 },
        ),
      ),
    );
    const { transport } = transportWith();
    const error = await transport.request({ method: 'GET', path: '/me' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, platformMessage: 'Invalid client_id or client_secret' });
    expect((error as Error).message).toMatch(
      /^zoom token request failed \(400\): Invalid client_id or client_secret\. Check clientId\/clientSecret/,
    );
    expect(JSON.stringify(error)).not.toContain(clientSecret);
    expect(JSON.stringify(error)).not.toContain(Buffer.from(`client:${clientSecret}`).toString('base64'));
  });

  it('refuses missing credentials synchronously', () => {
    expect(() => oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret: '' })).toThrow(
      ConfigurationError,
    );
    expect(() => oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret: '' })).toThrow(
      'clientSecret is missing',
    );
  });
});

describe('other strategies', () => {
  function echo() {
    const seen: { url: URL; headers: Headers; form: string }[] = [];
    server.use(
      http.all(`${api}/echo`, async ({ request }) => {
        seen.push({ url: new URL(request.url), headers: request.headers, form: await request.text() });
        return HttpResponse.json({});
      }),
    );
    return seen;
  }

  it('bearerToken sends a static or computed token', async () => {
    const seen = echo();
    await createHttpTransport({ baseURL: api, auth: bearerToken('static-token') }).request({
      method: 'GET',
      path: '/echo',
    });
    let n = 0;
    await createHttpTransport({ baseURL: api, auth: bearerToken(async () => `dynamic-${++n}`) }).request({
      method: 'GET',
      path: '/echo',
    });
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual([
      'Bearer static-token',
      'Bearer dynamic-1',
    ]);
  });

  it('apiKey places the key in a header, the query or the form', async () => {
    const seen = echo();
    await createHttpTransport({
      baseURL: api,
      auth: apiKey({ in: 'header', name: 'X-Api-Key', value: 'k1' }),
    }).request({ method: 'GET', path: '/echo' });
    await createHttpTransport({
      baseURL: api,
      auth: apiKey({ in: 'query', name: 'api_key', value: 'k2' }),
    }).request({
      method: 'GET',
      path: '/echo',
      query: { a: 1 },
    });
    await createHttpTransport({
      baseURL: api,
      auth: apiKey({ in: 'form', name: 'api_key', value: 'k3' }),
    }).request({
      method: 'POST',
      path: '/echo',
      form: { a: 1 },
    });
    expect(seen[0]?.headers.get('x-api-key')).toBe('k1');
    expect(seen[1]?.url.search).toBe('?a=1&api_key=k2');
    expect(seen[2]?.form).toBe('a=1&api_key=k3');
  });

  it('apiKeyPair sends key and secret form fields', async () => {
    const seen = echo();
    const auth = apiKeyPair({
      in: 'form',
      keyName: 'api_key',
      key: 'key-1',
      secretName: 'api_secret',
      secret: 'shh-1',
    });
    await createHttpTransport({ baseURL: api, auth }).request({
      method: 'POST',
      path: '/echo',
      form: { x: 'y' },
    });
    expect(seen[0]?.form).toBe('x=y&api_key=key-1&api_secret=shh-1');
    expect(auth.secrets?.()).toEqual(['shh-1']);
  });

  it('signRequest signs every attempt, retries included', async () => {
    let calls = 0;
    const signatures: (string | null)[] = [];
    server.use(
      http.post(`${api}/signed`, async ({ request }) => {
        signatures.push(new URLSearchParams(await request.text()).get('sign'));
        return HttpResponse.json({}, { status: ++calls === 1 ? 503 : 200 });
      }),
    );
    let n = 0;
    const auth = signRequest(
      (request) => ({ ...request, form: { ...request.form, sign: `sig-${++n}` } }),
      ['k'],
    );
    const transport = createHttpTransport({ baseURL: api, auth, retry: { baseDelayMs: 1 } });
    await transport.request({ method: 'POST', path: '/signed', form: { a: 1 }, idempotent: true });
    expect(signatures).toEqual(['sig-1', 'sig-2']);
  });
});
