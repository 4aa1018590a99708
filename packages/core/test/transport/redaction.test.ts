import { inspect } from 'node:util';
import {
  apiKey,
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
