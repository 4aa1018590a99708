// The adapter's signer against the sandbox's verifier, two implementations of the contract's signing rules written
// apart: they agree on every request, and any single change to a signed request breaks its signature.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { OutgoingRequest } from '@channelkit/core';
import { BIZCONF_SANDBOX_BASE_URL, bizconfSandboxPlatform, createSandbox } from '@channelkit/sandbox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bizconfSigning, SIGNATURE_HEADERS } from '../src/internal/signing';
import { CREDENTIALS } from './harness';

const NOW = Date.parse('2026-01-15T10:00:00Z');
const PREFIX = '/openapi/v1';
const AUTH_CODES = [40101, 40102, 40103, 40104, 40105];

const sandbox = createSandbox({ platforms: [bizconfSandboxPlatform()], now: () => NOW });
const freshNonce = () => randomBytes(16).toString('hex');
const signer = bizconfSigning(CREDENTIALS, { now: () => NOW, nonce: freshNonce });

// Units of text: Chinese (and full-width punctuation), any code point but a lone surrogate, whole graphemes (emoji,
// combining marks), and the characters that encodings treat specially.
const unit = fc.oneof(
  fc.constantFrom(...'上海示例信息技术有限公司会畅通讯王伟（）：，。、'.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom('&', '=', '%', '+', ' ', '\n', '"', '\\', '~', '*', "'", '(', ')', '!', '/', '?', '#'),
);
const text = fc.string({ unit, maxLength: 12 });
const name = fc.string({ unit, minLength: 1, maxLength: 8 });
const json = fc.jsonValue({ stringUnit: unit, maxDepth: 3 });

interface Case {
  method: 'GET' | 'POST';
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

const paths = fc.oneof(
  fc.constant('/enterprises'),
  text.filter((id) => id !== '').map((id) => `/enterprises/${encodeURIComponent(id)}`),
  text.filter((id) => id !== '').map((id) => `/enterprises/${encodeURIComponent(id)}/licence`),
);

const cases: fc.Arbitrary<Case> = fc
  .record({
    method: fc.constantFrom('GET' as const, 'POST' as const),
    path: paths,
    query: fc.dictionary(name, text, { maxKeys: 4 }),
    body: fc.dictionary(name, json, { maxKeys: 5 }),
  })
  .map(({ method, path, query, body }) => {
    // A name is either a query parameter or a body field, as the contract requires.
    const fields = Object.fromEntries(Object.entries(body).filter(([key]) => !Object.hasOwn(query, key)));
    return { method, path, query, body: method === 'GET' ? undefined : fields };
  });

async function sign(request: Case): Promise<OutgoingRequest> {
  return signer.authenticate(
    {
      method: request.method,
      url: `${BIZCONF_SANDBOX_BASE_URL}${PREFIX}${request.path}`,
      query: request.query,
      headers: {},
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    { send: () => Promise.reject(new Error('no requests from the signer')) },
  );
}

/** Sends an outgoing request as the transport encodes it, and reads the envelope. */
async function send(outgoing: OutgoingRequest): Promise<{ code: number; msg: string }> {
  const query = new URLSearchParams(outgoing.query).toString();
  const response = await sandbox.handle(
    new Request(query === '' ? outgoing.url : `${outgoing.url}?${query}`, {
      method: outgoing.method,
      headers: outgoing.headers,
      ...(outgoing.body === undefined ? {} : { body: JSON.stringify(outgoing.body) }),
    }),
  );
  if (!(response instanceof Response)) throw new Error('connection fault');
  return (await response.json()) as { code: number; msg: string };
}

describe('the adapter signs what the platform verifies', () => {
  it('agrees on arbitrary parameters: Chinese text, empty strings, nested objects and arrays, odd characters', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (request) => {
        const answer = await send(await sign(request));
        // Whatever the platform then says about the content (unknown parameter, no such enterprise...), it accepted
        // the signature.
        expect(AUTH_CODES).not.toContain(answer.code);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on the requests the adapter really sends', async () => {
    const body = {
      bizNo: 'ck0123456789abcdef0123',
      enterpriseName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      industry: '软件和信息技术服务业',
      scale: '51-250',
      address: { province: '上海', city: '上海市', detail: '浦东新区世纪大道 100 号', postcode: '200120' },
      admin: { familyName: '王', givenName: '伟', email: 'admin@example.cn', mobile: '13800138000' },
      planCode: 'STANDARD',
      seats: 10,
    };
    expect(await send(await sign({ method: 'POST', path: '/enterprises', query: {}, body }))).toMatchObject({
      code: 0,
    });
    const listed = await send(
      await sign({
        method: 'GET',
        path: '/enterprises',
        query: { pageNo: '1', pageSize: '20' },
        body: undefined,
      }),
    );
    expect(listed.code).toBe(0);
  });
});

type Mutation =
  | { kind: 'query-value' | 'query-remove' | 'body-value' | 'body-remove'; name: string; value?: unknown }
  | { kind: 'query-add' | 'body-add'; name: string; value: unknown }
  | { kind: 'timestamp'; by: number }
  | { kind: 'nonce' | 'path' | 'method' | 'secret' };

function mutations(request: Case): fc.Arbitrary<Mutation> {
  const queryNames = Object.keys(request.query);
  const bodyNames = Object.keys(request.body ?? {});
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .integer({ min: -299_000, max: 299_000 })
      .filter((by) => by !== 0)
      .map((by) => ({ kind: 'timestamp', by })),
    fc.constant({ kind: 'nonce' }),
    fc.constant({ kind: 'path' }),
    fc.constant({ kind: 'secret' }),
    name
      .filter((added) => !queryNames.includes(added) && !bodyNames.includes(added))
      .chain((added) => text.map((value) => ({ kind: 'query-add' as const, name: added, value }))),
  ];
  if (request.method === 'POST') {
    options.push(
      fc.constant({ kind: 'method' }),
      name
        .filter((added) => !queryNames.includes(added) && !bodyNames.includes(added))
        .chain((added) => json.map((value) => ({ kind: 'body-add' as const, name: added, value }))),
    );
  }
  if (queryNames.length > 0) {
    options.push(
      fc.constantFrom(...queryNames).map((picked) => ({ kind: 'query-remove' as const, name: picked })),
      fc
        .constantFrom(...queryNames)
        .chain((picked) =>
          text
            .filter((value) => value !== request.query[picked])
            .map((value) => ({ kind: 'query-value' as const, name: picked, value })),
        ),
    );
  }
  if (bodyNames.length > 0) {
    options.push(
      fc.constantFrom(...bodyNames).map((picked) => ({ kind: 'body-remove' as const, name: picked })),
      fc
        .constantFrom(...bodyNames)
        .chain((picked) =>
          json
            .filter(
              (value) =>
                !isDeepStrictEqual(value, JSON.parse(JSON.stringify(request.body?.[picked] ?? null))),
            )
            .map((value) => ({ kind: 'body-value' as const, name: picked, value })),
        ),
    );
  }
  return fc.oneof(...options);
}

/** The signed request with one thing changed, its signature kept. */
function mutate(signed: OutgoingRequest, mutation: Mutation): OutgoingRequest {
  const query = { ...signed.query };
  const body = signed.body === undefined ? undefined : { ...(signed.body as Record<string, unknown>) };
  const headers = { ...signed.headers };
  let { url, method } = signed;
  switch (mutation.kind) {
    case 'query-add':
    case 'query-value':
      query[mutation.name] = String(mutation.value);
      break;
    case 'query-remove':
      delete query[mutation.name];
      break;
    case 'body-add':
    case 'body-value':
      if (body) body[mutation.name] = mutation.value;
      break;
    case 'body-remove':
      if (body) delete body[mutation.name];
      break;
    case 'timestamp':
      headers[SIGNATURE_HEADERS.timestamp] = String(NOW + mutation.by);
      break;
    case 'nonce':
      headers[SIGNATURE_HEADERS.nonce] = freshNonce();
      break;
    case 'path':
      url = url.endsWith('/licence') ? url.slice(0, -'/licence'.length) : `${url}/licence`;
      break;
    case 'method':
      method = 'PUT';
      break;
    case 'secret':
      break;
  }
  return { ...signed, url, method, query, headers, ...(body === undefined ? {} : { body }) };
}

describe('any single change breaks the signature', () => {
  it('a changed, added or removed parameter, timestamp, nonce, path, method or secret is refused as 40103', async () => {
    await fc.assert(
      fc.asyncProperty(
        cases.chain((request) => fc.tuple(fc.constant(request), mutations(request))),
        async ([request, mutation]) => {
          const signed =
            mutation.kind === 'secret'
              ? await bizconfSigning(
                  { ...CREDENTIALS, appSecret: `${CREDENTIALS.appSecret}x` },
                  { now: () => NOW, nonce: freshNonce },
                ).authenticate(await sign(request), { send: () => Promise.reject(new Error('unused')) })
              : await sign(request);
          const answer = await send(mutate(signed, mutation));
          expect(answer).toMatchObject({ code: 40103 });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a replayed nonce, a stale timestamp, a missing signature and an unknown app, each with its code', async () => {
    const request: Case = { method: 'GET', path: '/enterprises', query: { pageNo: '1' }, body: undefined };
    const signed = await sign(request);
    expect((await send(signed)).code).toBe(0);
    expect(await send(signed)).toMatchObject({ code: 40105, msg: expect.stringContaining('nonce') });

    const stale = await bizconfSigning(CREDENTIALS, {
      now: () => NOW - 300_001,
      nonce: freshNonce,
    }).authenticate({ ...signed, headers: {} }, { send: () => Promise.reject(new Error('unused')) });
    expect(await send(stale)).toMatchObject({ code: 40104, msg: expect.stringContaining('时间戳') });
    const ahead = await bizconfSigning(CREDENTIALS, {
      now: () => NOW + 300_001,
      nonce: freshNonce,
    }).authenticate({ ...signed, headers: {} }, { send: () => Promise.reject(new Error('unused')) });
    expect((await send(ahead)).code).toBe(40104);
    const edge = await bizconfSigning(CREDENTIALS, {
      now: () => NOW - 300_000,
      nonce: freshNonce,
    }).authenticate({ ...signed, headers: {} }, { send: () => Promise.reject(new Error('unused')) });
    expect((await send(edge)).code).toBe(0);

    const { [SIGNATURE_HEADERS.signature]: _dropped, ...unsigned } = (await sign(request)).headers;
    expect(await send({ ...signed, headers: unsigned })).toMatchObject({ code: 40102 });

    const stranger = await bizconfSigning(
      { appId: 'someone_else', appSecret: CREDENTIALS.appSecret },
      {
        now: () => NOW,
        nonce: freshNonce,
      },
    ).authenticate({ ...signed, headers: {} }, { send: () => Promise.reject(new Error('unused')) });
    expect((await send(stranger)).code).toBe(40101);
  });
});
