// The wire styles of the platforms that embed Zoom in mainland China, each modelled by a few lines on the public
// extension point: form-encoded key/secret requests, an HTTP 200 envelope with HMAC request signing, and OAuth2
// with problem+json, ETag/If-Match and 202 + status URL. The real models follow in their own packages; these prove
// that the interface carries every style.
import { createHmac } from 'node:crypto';
import {
  createSandbox,
  defineSandboxPlatform,
  type RenderableFault,
  type SandboxRequest,
} from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';

async function answer(sandbox: ReturnType<typeof createSandbox>, request: Request) {
  const result = await sandbox.handle(request);
  if (!(result instanceof Response)) throw new Error(`connection fault ${result.kind}`);
  const text = await result.text();
  return { status: result.status, headers: result.headers, body: text ? JSON.parse(text) : undefined };
}

describe('the three wire styles', () => {
  it('form-encoded key and secret: the platform reads the form, faults and rate limits render in its dialect', async () => {
    const platform = defineSandboxPlatform({
      name: 'form-style',
      urls: { baseUrl: 'https://api.form.example/v3' },
      rateLimitCategories: ['default'],
      create: (context) => {
        const users: string[] = [];
        const renderFault = (fault: RenderableFault) =>
          Response.json(
            { error: { code: fault.kind === 'rate_limit' ? 429 : 500, message: `sandbox ${fault.kind}` } },
            {
              status: fault.kind === 'server_error' ? fault.status : fault.kind === 'rate_limit' ? 429 : 401,
            },
          );
        return {
          controls: { users },
          renderFault,
          resolve: ({ request, subpath, method }) =>
            method === 'POST' && subpath === '/user/create'
              ? {
                  category: 'default',
                  execute: async () => {
                    const form = await request.formData();
                    if (form.get('api_key') !== 'key' || form.get('api_secret') !== 'secret') {
                      return Response.json({ error: { code: 1001, message: 'Invalid api key or secret.' } });
                    }
                    const limited = context.rateLimit('default');
                    if (limited) return renderFault(limited);
                    users.push(String(form.get('email')));
                    return Response.json({ id: `u${users.length}` });
                  },
                }
              : undefined,
        };
      },
    });
    const sandbox = createSandbox({
      platforms: [platform],
      now: () => 0,
      rateLimits: { 'form-style': { default: 2 } },
      faults: [
        { path: '/v3/user/create', when: 'after', times: 1, fault: { kind: 'server_error', status: 503 } },
      ],
    });
    const post = (email: string, secret = 'secret') =>
      answer(
        sandbox,
        new Request('https://api.form.example/v3/user/create', {
          method: 'POST',
          body: new URLSearchParams({ api_key: 'key', api_secret: secret, email }),
        }),
      );

    expect(await post('a@example.com')).toMatchObject({ status: 503, body: { error: { code: 500 } } });
    expect(sandbox.controls(platform).users).toEqual(['a@example.com']); // the `after` fault kept the write
    expect(await post('b@example.com', 'wrong')).toMatchObject({
      status: 200,
      body: { error: { code: 1001 } },
    });
    expect(await post('c@example.com')).toMatchObject({ status: 200, body: { id: 'u2' } });
    // Two requests per second: the rejected one did not count (credentials are checked first), the next one does.
    expect(await post('d@example.com')).toMatchObject({ status: 429, body: { error: { code: 429 } } });
    expect(sandbox.requests.map((request) => [request.path, request.category, request.status])).toEqual([
      ['/v3/user/create', 'default', 503],
      ['/v3/user/create', 'default', 200],
      ['/v3/user/create', 'default', 200],
      ['/v3/user/create', 'default', 429],
    ]);
  });

  it('HTTP 200 envelope with HMAC signing: routing by a body parameter, timestamp against the sandbox clock, nonces', async () => {
    const secret = 'envelope-secret';
    const sign = (params: Record<string, string>, timestamp: string, nonce: string) =>
      createHmac('sha256', secret)
        .update(
          `${Object.keys(params)
            .sort()
            .map((key) => `${key}=${params[key]}`)
            .join('&')}${timestamp}${nonce}`,
        )
        .digest('hex');
    const envelope = (code: number | string, msg: string, data: unknown = null) =>
      Response.json({ code, msg, data }); // always HTTP 200, even for business errors
    let clock = Date.parse('2026-01-15T10:00:00Z');
    const platform = defineSandboxPlatform({
      name: 'envelope-style',
      urls: { baseUrl: 'https://open.envelope.example/api' },
      rateLimitCategories: ['query', 'change'],
      create: (context) => {
        const nonces = new Set<string>();
        const renderFault = (fault: RenderableFault) =>
          fault.kind === 'server_error'
            ? new Response('Bad Gateway', { status: fault.status }) // the gateway in front answers 5xx itself
            : fault.kind === 'rate_limit'
              ? envelope('10429', `rate limited (${fault.category})`)
              : envelope('10401', 'signature expired');
        return {
          controls: {},
          renderFault,
          // The gateway dispatches on the `method` parameter of the body: routing reads a clone of it.
          resolve: async ({ request }) => {
            const params = (await request.clone().json()) as Record<string, string>;
            const category = params.method?.endsWith('.query') ? 'query' : 'change';
            return {
              category,
              execute: async () => {
                const body = (await request.json()) as Record<string, string>;
                const timestamp = request.headers.get('x-timestamp') ?? '';
                const nonce = request.headers.get('x-nonce') ?? '';
                if (Math.abs(context.now() - Number(timestamp)) > 300_000)
                  return envelope('10401', 'stale timestamp');
                if (nonces.has(nonce)) return envelope('10402', 'nonce already used');
                if (request.headers.get('x-sign') !== sign(body, timestamp, nonce))
                  return envelope('10403', 'bad sign');
                nonces.add(nonce);
                const limited = context.rateLimit(category);
                return limited ? renderFault(limited) : envelope(0, 'ok', body);
              },
            };
          },
        };
      },
    });
    const sandbox = createSandbox({
      platforms: [platform],
      now: () => clock,
      faults: [{ platform: 'envelope-style', category: 'query', times: 1, fault: { kind: 'rate_limit' } }],
    });
    const call = (params: Record<string, string>, nonce: string, timestamp = String(clock)) =>
      answer(
        sandbox,
        new Request('https://open.envelope.example/api', {
          method: 'POST',
          headers: { 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-sign': sign(params, timestamp, nonce) },
          body: JSON.stringify(params),
        }),
      );

    expect(await call({ method: 'account.query', id: '1' }, 'n1')).toEqual({
      status: 200,
      headers: expect.anything(),
      body: { code: '10429', msg: 'rate limited (query)', data: null },
    });
    expect((await call({ method: 'account.create', name: 'Acme' }, 'n2')).body).toEqual({
      code: 0,
      msg: 'ok',
      data: { method: 'account.create', name: 'Acme' },
    });
    expect((await call({ method: 'account.create', name: 'Acme' }, 'n2')).body.code).toBe('10402');
    const signedEarlier = String(clock);
    clock += 10 * 60_000;
    expect((await call({ method: 'account.query', id: '1' }, 'n3', signedEarlier)).body.code).toBe('10401');
    expect(sandbox.requests.map((request) => request.category)).toEqual([
      'query',
      'change',
      'change',
      'query',
    ]);
  });

  it('OAuth2 with problem+json, ETag/If-Match and 202 + a status URL on the mount the client used', async () => {
    const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify({ type: 'about:blank', title, status }), {
        status,
        headers: { 'content-type': 'application/problem+json', ...headers },
      });
    let clock = 0;
    const platform = defineSandboxPlatform({
      name: 'problem-style',
      urls: {
        baseUrl: 'https://api.problem.example/v1',
        tokenUrl: 'https://auth.problem.example/oauth2/token',
      },
      rateLimitCategories: ['default'],
      create: (context) => {
        const seats = { value: 10, version: 1 };
        const operations = new Map<string, number>();
        const renderFault = (fault: RenderableFault) =>
          fault.kind === 'rate_limit'
            ? problem(
                429,
                'Too Many Requests',
                fault.retryAfterSeconds ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
              )
            : fault.kind === 'server_error'
              ? problem(fault.status, 'Server Error')
              : problem(401, 'Token expired');
        const resolve = ({ request, endpoint, subpath, method, urls }: SandboxRequest) => {
          if (endpoint === 'tokenUrl') {
            return {
              category: 'oauth',
              execute: () => Response.json({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }),
            };
          }
          return {
            category: 'default',
            execute: async () => {
              if (request.headers.get('authorization') !== 'Bearer t') return problem(401, 'Unauthorized');
              if (method === 'GET' && subpath === '/licences') {
                return Response.json({ seats: seats.value }, { headers: { etag: `"${seats.version}"` } });
              }
              if (method === 'PUT' && subpath === '/licences') {
                if (request.headers.get('if-match') !== `"${seats.version}"`)
                  return problem(412, 'Precondition Failed');
                seats.value = ((await request.json()) as { seats: number }).seats;
                seats.version += 1;
                const id = `op${operations.size + 1}`;
                operations.set(id, context.now() + 1_000);
                return new Response(null, {
                  status: 202,
                  headers: { location: `${urls.baseUrl}/operations/${id}` },
                });
              }
              const operation = /^\/operations\/(\w+)$/.exec(subpath)?.[1];
              const doneAt = operation ? operations.get(operation) : undefined;
              if (method === 'GET' && doneAt !== undefined) {
                return Response.json({ status: context.now() >= doneAt ? 'succeeded' : 'running' });
              }
              return problem(404, 'Not Found');
            },
          };
        };
        return { controls: seats, renderFault, resolve };
      },
    });
    const sandbox = createSandbox({ platforms: [platform], now: () => clock });
    const origin = 'http://127.0.0.1:9'; // the loopback layout answers on any origin, without a server
    const base = `${origin}/problem-style/v1`;
    const auth = { authorization: 'Bearer t' };

    const read = await answer(sandbox, new Request(`${base}/licences`, { headers: auth }));
    expect(read).toMatchObject({ status: 200, body: { seats: 10 } });
    const etag = read.headers.get('etag') ?? '';

    const stale = await answer(
      sandbox,
      new Request(`${base}/licences`, {
        method: 'PUT',
        headers: { ...auth, 'if-match': '"0"' },
        body: '{"seats":20}',
      }),
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');

    const accepted = await answer(
      sandbox,
      new Request(`${base}/licences`, {
        method: 'PUT',
        headers: { ...auth, 'if-match': etag },
        body: '{"seats":20}',
      }),
    );
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location') ?? '';
    expect(location).toBe(`${base}/operations/op1`);
    expect((await answer(sandbox, new Request(location, { headers: auth }))).body).toEqual({
      status: 'running',
    });
    clock += 1_000;
    expect((await answer(sandbox, new Request(location, { headers: auth }))).body).toEqual({
      status: 'succeeded',
    });
    expect(sandbox.controls(platform).value).toBe(20);

    sandbox.faults.add({
      platform: 'problem-style',
      times: 1,
      fault: { kind: 'rate_limit', retryAfterSeconds: 2 },
    });
    const limited = await answer(sandbox, new Request(`${base}/licences`, { headers: auth }));
    expect(limited).toMatchObject({ status: 429, body: { title: 'Too Many Requests', status: 429 } });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(sandbox.requests.map((request) => request.path)).toEqual([
      '/v1/licences',
      '/v1/licences',
      '/v1/licences',
      '/v1/operations/op1',
      '/v1/operations/op1',
      '/v1/licences',
    ]);
  });
});
