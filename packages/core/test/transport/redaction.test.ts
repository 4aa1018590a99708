import { inspect } from 'node:util';
import {
  type ApiError,
  apiKey,
  bearerToken,
  createHttpTransport,
  createRedactor,
  oauth2ClientCredentials,
  REDACTED,
  signRequest,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const base = 'https://api.example.test';
const tokenUrl = 'https://auth.example.test/token';
const clientSecret = 'cs-very-secret-1234';
const accessToken = 'at-abcdef-987654';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const secrets = [clientSecret, accessToken, Buffer.from(`client:${clientSecret}`).toString('base64')];

function expectClean(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('redaction', () => {
  it('keeps secrets out of error messages, JSON, util.inspect and events', async () => {
    server.use(
      http.post(tokenUrl, () => HttpResponse.json({ access_token: accessToken, expires_in: 3600 })),
      // A platform that echoes what it got, secrets included, in its error.
      http.post(`${base}/echo`, ({ request }) =>
        HttpResponse.json(
          {
            message: `rejected ${request.headers.get('authorization')} with secret ${clientSecret}`,
            token: accessToken,
          },
          { status: 400 },
        ),
      ),
    );
    const transport = createHttpTransport({
      baseURL: base,
      platform: 'zoom',
      emitBodies: true,
      auth: oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret }),
    });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const)
      transport.on(name, (e) => events.push(e));
    const error = await transport
      .request({
        method: 'POST',
        path: '/echo',
        query: { access_token: accessToken, page: 1 },
        form: { password: 'hunter2-long', name: 'ok' },
        headers: { Cookie: 'session=abc', 'X-Signature': 'sig-123456' },
      })
      .then(
        () => new Error('expected a rejection'),
        (e: unknown) => e as Error,
      );

    expect(error.message).toContain(`rejected Bearer ${REDACTED} with secret ${REDACTED}`);
    expectClean(error.message);
    const json = JSON.stringify(error);
    expectClean(json);
    expect(json).toContain(`access_token=${encodeURIComponent(REDACTED)}`);
    expect(JSON.parse(json).request.headers).toMatchObject({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-signature': REDACTED,
    });
    const inspected = inspect(error, { depth: 10 });
    expectClean(inspected);
    expect(inspected).toContain('bad_request');
    const eventText = inspect(events, { depth: 10 }) + JSON.stringify(events);
    expectClean(eventText);
    expect(eventText).not.toContain('hunter2-long');
    expect(eventText).not.toContain('sig-123456');
    expect(eventText).toContain('"name":"ok"');
  });

  it('redacts api keys and signing secrets reported by strategies', async () => {
    server.use(
      http.get(`${base}/x`, () => HttpResponse.json({ message: 'bad key key-secret-42' }, { status: 403 })),
    );
    const transport = createHttpTransport({
      baseURL: base,
      auth: apiKey({ in: 'query', name: 'key', value: 'key-secret-42' }),
    });
    const error = await transport.request({ method: 'GET', path: '/x' }).then(
      () => new Error('expected a rejection'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toContain(`bad key ${REDACTED}`);
    expect(JSON.stringify(error)).not.toContain('key-secret-42');

    const signer = signRequest((r) => ({ ...r, query: { ...r.query, sig: 'computed' } }), ['sign-secret-7']);
    expect(signer.secrets?.()).toEqual(['sign-secret-7']);
  });

  it('createRedactor covers strings, URLs, headers and nested values', () => {
    const redactor = createRedactor(() => ['s3cr3t-value']);
    expect(redactor.string('a s3cr3t-value b')).toBe(`a ${REDACTED} b`);
    expect(redactor.url('https://x.test/p?api_secret=abc&page=2')).toBe(
      `https://x.test/p?api_secret=${encodeURIComponent(REDACTED)}&page=2`,
    );
    expect(redactor.headers({ authorization: 'Basic x', 'x-api-key': 'k', accept: 'json' })).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      accept: 'json',
    });
    expect(
      redactor.value({ user: { client_secret: 'x', note: 'has s3cr3t-value' }, list: ['s3cr3t-value'] }),
    ).toEqual({
      user: { client_secret: REDACTED, note: `has ${REDACTED}` },
      list: [REDACTED],
    });
  });
});

describe('redaction against a hostile server that echoes credentials everywhere', () => {
  const hostileSecret = 'hostile-client-secret-31337';
  const basic = Buffer.from(`client:${hostileSecret}`).toString('base64');
  const tokenOf = (n: number) => `issued-access-token-${n}-q9x8`;

  /**
   * The token endpoint issues a new token per request and echoes it (and the client secret) in other fields.
   * The API refuses the first token with 401, so the client refreshes; then it answers 400 echoing the client
   * secret, the current token and the replaced one in every field it has: message, code, details, request id,
   * keys and nested values.
   */
  function hostile() {
    let issued = 0;
    server.use(
      http.post(tokenUrl, () => {
        const token = tokenOf(++issued);
        return HttpResponse.json({
          access_token: token,
          token_type: 'bearer',
          expires_in: 3600,
          note: `issued ${token}`,
          debug: { client: hostileSecret, basic },
        });
      }),
      http.post(`${base}/echo`, ({ request }) => {
        const auth = request.headers.get('authorization') ?? '';
        const current = auth.replace('Bearer ', '');
        if (current === tokenOf(1)) {
          return HttpResponse.json(
            { code: `expired:${current}`, message: `token ${current} expired` },
            { status: 401, headers: { 'x-request-id': current } },
          );
        }
        const everything = `${hostileSecret} ${basic} ${tokenOf(1)} ${current} ${auth}`;
        return HttpResponse.json(
          {
            code: `E-${tokenOf(1)}-${current}`,
            message: everything,
            errors: [
              { field: current, message: tokenOf(1) },
              { field: `user.${hostileSecret}`, message: `bad ${basic}` },
            ],
            [current]: 'a key',
            nested: { list: [tokenOf(1), { deeper: everything }] },
          },
          { status: 400, headers: { 'x-request-id': `req-${tokenOf(1)}-${current}` } },
        );
      }),
    );
  }

  const parseError = ({ status, data }: { status: number; data: unknown }) => {
    if (status < 400) return undefined;
    const body = data as { code?: string; message?: string; errors?: { field: string; message: string }[] };
    return { code: body.code, message: body.message, details: body.errors };
  };

  it('redacts the client secret, the current and the replaced token in every error field and event', async () => {
    hostile();
    const auth = oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret: hostileSecret });
    const transport = createHttpTransport({
      baseURL: base,
      platform: 'zoom',
      emitBodies: true,
      auth,
      parseError,
    });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'rateLimited', 'error'] as const) {
      transport.on(name, (event) => events.push({ name, event }));
    }

    const error = (await transport
      .request({ method: 'POST', path: '/echo', body: { hello: 'world' }, idempotent: true })
      .catch((e: unknown) => e)) as ApiError;

    const forbidden = [hostileSecret, basic, tokenOf(1), tokenOf(2)];
    // Soft assertions: every leaking surface is reported, not only the first.
    const expectClean = (surface: string, text: string) => {
      for (const secret of forbidden) expect.soft(text, `${surface} shows ${secret}`).not.toContain(secret);
    };
    expect(error.status).toBe(400);
    expect.soft(auth.secrets()).toContain(tokenOf(1)); // replaced by the refresh, still known
    expect.soft(error.platformCode).toBe(`E-${REDACTED}-${REDACTED}`);
    expect.soft(error.details).toEqual([
      { field: REDACTED, message: REDACTED },
      { field: `user.${REDACTED}`, message: `bad ${REDACTED}` },
    ]);
    expect.soft(error.requestId).toBe(`req-${REDACTED}-${REDACTED}`);
    expectClean('message', error.message);
    expectClean('platformMessage', error.platformMessage ?? '');
    expectClean('JSON.stringify', JSON.stringify(error));
    expectClean('util.inspect', inspect(error, { depth: 10 }));
    expectClean('events (JSON)', JSON.stringify(events));
    expectClean('events (inspect)', inspect(events, { depth: 12 }));
    // The token response's echo is hidden although the strategy had not learnt that token yet.
    const tokenResponse = events.find(
      (e) => (e as { name: string }).name === 'response' && JSON.stringify(e).includes('note'),
    );
    expect.soft(JSON.stringify(tokenResponse)).toContain(`"note":"issued ${REDACTED}"`);
    expect.soft(JSON.stringify(tokenResponse)).toContain('"token_type":"bearer"');
    expect(events.map((e) => (e as { name: string }).name)).toContain('retry');
  });

  it('remembers the access tokens of the last 64 fetches: the 64th oldest is hidden, the 65th is not', async () => {
    let issued = 0;
    const used = new Set<string>();
    server.use(
      http.post(tokenUrl, () => HttpResponse.json({ access_token: tokenOf(++issued), expires_in: 3600 })),
      // Accepts each token once, so every call after the first refreshes: one new token per call.
      http.get(`${base}/once`, ({ request }) => {
        const token = request.headers.get('authorization') ?? '';
        if (used.has(token)) return HttpResponse.json({ code: 124 }, { status: 401 });
        used.add(token);
        return HttpResponse.json({});
      }),
      http.get(`${base}/echo`, () =>
        HttpResponse.json({ message: `old: ${tokenOf(1)} ${tokenOf(2)}` }, { status: 400 }),
      ),
    );
    const auth = oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret: hostileSecret });
    const transport = createHttpTransport({ baseURL: base, auth });
    for (let call = 0; call < 65; call++) await transport.request({ method: 'GET', path: '/once' });

    const error = (await transport
      .request({ method: 'GET', path: '/echo' })
      .catch((e: unknown) => e)) as ApiError;

    expect(issued).toBe(65);
    const known = auth.secrets();
    expect(known).toHaveLength(2 + 64);
    expect(known).toEqual(
      expect.arrayContaining([hostileSecret, basic, ...Array.from({ length: 64 }, (_, i) => tokenOf(i + 2))]),
    );
    expect(known).not.toContain(tokenOf(1));
    expect(error.platformMessage).toBe(`old: ${tokenOf(1)} ${REDACTED}`);
  });

  it('keeps redacting the tokens a computed bearer token supplied earlier', async () => {
    let n = 0;
    const tokens = ['computed-token-one', 'computed-token-two'];
    server.use(
      http.get(`${base}/who`, () =>
        HttpResponse.json({ message: `last seen ${tokens[0]} and ${tokens[1]}` }, { status: 403 }),
      ),
    );
    const transport = createHttpTransport({
      baseURL: base,
      auth: bearerToken(() => tokens[n++] as string),
    });
    await transport.request({ method: 'GET', path: '/who' }).catch(() => {});
    const error = (await transport
      .request({ method: 'GET', path: '/who' })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`last seen ${REDACTED} and ${REDACTED}`);
  });

  it('createRedactor hides values found under sensitive keys of the same body, and keys that are secrets', () => {
    const redactor = createRedactor(() => ['kn0wn-value-1']);
    expect(
      redactor.value({
        refresh_token: 'fresh-refresh-9',
        echo: 'got fresh-refresh-9',
        'kn0wn-value-1': 'as a key',
        token_type: 'bearer',
      }),
    ).toEqual({
      refresh_token: REDACTED,
      echo: `got ${REDACTED}`,
      [REDACTED]: 'as a key',
      token_type: 'bearer',
    });
    const scoped = redactor.including({ auth: { api_secret: 'scoped-secret' } });
    expect(scoped.string('scoped-secret and kn0wn-value-1')).toBe(`${REDACTED} and ${REDACTED}`);
    expect(redactor.string('scoped-secret')).toBe('scoped-secret');
  });
});
