import {
  ApiError,
  bearerToken,
  createApiError,
  createHttpTransport,
  isAmbiguousFailure,
  oauth2ClientCredentials,
  REDACTED,
  RedirectError,
  type TransportErrorEvent,
} from '@channelkit/core';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recorder } from './loopback';

// msw answers the named hosts; the loopback servers below are real and reached through.
const server = setupServer(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('redirects are never followed', () => {
  it('rejects a PUT answered 301 (http to https) with RedirectError naming the base URL to set', async () => {
    const plain = 'http://api.example.test/v2';
    const secure = 'https://api.example.test/v2';
    let plainCalls = 0;
    let secureCalls = 0;
    server.use(
      http.put(`${plain}/accounts/abc/plans/base`, () => {
        plainCalls++;
        return new HttpResponse(null, {
          status: 301,
          headers: { location: `${secure}/accounts/abc/plans/base` },
        });
      }),
      http.put(`${secure}/accounts/abc/plans/base`, () => {
        secureCalls++;
        return HttpResponse.json({ seats: 40 });
      }),
    );
    const transport = createHttpTransport({ baseURL: plain, platform: 'zoom', retry: { baseDelayMs: 1 } });
    const failures: TransportErrorEvent[] = [];
    transport.on('error', (event) => failures.push(event));

    const error = await rejection(
      transport.request({ method: 'PUT', path: '/accounts/abc/plans/base', body: { seats: 40 } }),
    );

    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'redirect',
      name: 'RedirectError',
      status: 301,
      retryable: false,
      location: `${secure}/accounts/abc/plans/base`,
      suggestedBaseURL: secure,
    });
    expect((error as Error).message).toBe(
      'zoom 301 PUT /accounts/abc/plans/base: the server redirected PUT ' +
        `${plain}/accounts/abc/plans/base to ${secure}/accounts/abc/plans/base. Redirects are never followed, ` +
        `because requests carry credentials: set the base URL to ${secure}`,
    );
    expect(isAmbiguousFailure(error)).toBe(false);
    // Not followed, and not retried although PUT is safe to repeat.
    expect(plainCalls).toBe(1);
    expect(secureCalls).toBe(0);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ status: 301, attempts: 1 });
  });

  it('refuses a 3xx without Location (e.g. 304) too', async () => {
    server.use(http.get('https://api.example.test/v2/users', () => new HttpResponse(null, { status: 304 })));
    const transport = createHttpTransport({ baseURL: 'https://api.example.test/v2' });
    const error = await rejection(transport.request({ method: 'GET', path: '/users' }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 304, location: undefined, suggestedBaseURL: undefined });
    expect((error as Error).message).toContain('the server answered 304 without a Location header');
  });

  it('never lets a GET 302 carry the token to another origin; the Location is redacted', async () => {
    const token = 'bearer-secret-0042';
    const elsewhere = await recorder((_req, res) => res.writeHead(200).end('{}'));
    const platform = await recorder((_req, res) =>
      res.writeHead(302, { location: `${elsewhere.origin}/collect?access_token=${token}&from=api` }).end(),
    );
    const transport = createHttpTransport({
      baseURL: `${platform.origin}/v2`,
      platform: 'zoom',
      auth: bearerToken(token),
      retry: { baseDelayMs: 1 },
    });

    const error = await rejection(transport.request({ method: 'GET', path: '/accounts' }));

    expect(error).toBeInstanceOf(RedirectError);
    expect(platform.seen).toEqual([{ method: 'GET', url: '/v2/accounts', authorization: `Bearer ${token}` }]);
    expect(elsewhere.seen).toEqual([]);
    const redirect = error as RedirectError;
    expect(redirect.location).toBe(
      `${elsewhere.origin}/collect?access_token=${encodeURIComponent(REDACTED)}&from=api`,
    );
    // The redirect did not keep the path, so there is no base URL to suggest.
    expect(redirect.suggestedBaseURL).toBeUndefined();
    expect(redirect.message).toContain(
      `the server redirected GET ${platform.origin}/v2/accounts to ${redirect.location}`,
    );
    expect(redirect.message).toContain('check that the base URL is the API URL the platform documents');
    expect(JSON.stringify(redirect)).not.toContain(token);
  });

  it('does not follow a redirect of the OAuth token request: no credentials reach the other origin', async () => {
    const clientSecret = 'client-secret-for-redirect';
    const elsewhere = await recorder((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"stolen"}'),
    );
    const tokenServer = await recorder((_req, res) =>
      res.writeHead(307, { location: `${elsewhere.origin}/oauth/token` }).end(),
    );
    const api = await recorder((_req, res) => res.writeHead(200).end('{}'));
    const transport = createHttpTransport({
      baseURL: api.origin,
      platform: 'zoom',
      auth: oauth2ClientCredentials({
        tokenUrl: `${tokenServer.origin}/oauth/token`,
        clientId: 'id',
        clientSecret,
      }),
      retry: { baseDelayMs: 1 },
    });

    const error = await rejection(transport.request({ method: 'GET', path: '/me' }));

    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      code: 'redirect',
      status: 307,
      location: `${elsewhere.origin}/oauth/token`,
    });
    expect((error as Error).message).toBe(
      `zoom 307 token request POST ${tokenServer.origin}/oauth/token: the token endpoint redirected to ` +
        `${elsewhere.origin}/oauth/token. Redirects are never followed, because the token request carries the ` +
        `client credentials: set tokenUrl to ${elsewhere.origin}/oauth/token`,
    );
    expect(tokenServer.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
    expect(api.seen).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(clientSecret);
  });

  it('createApiError builds a RedirectError for any 3xx', () => {
    const request = { method: 'GET', url: 'http://x.test/v1/a', headers: {} };
    const error = createApiError({ status: 308, platform: 'p', request, location: 'https://x.test/v1/a' });
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.retryable).toBe(false);
  });
});
