import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  createClient,
  DEFAULT_PAGINATION_BOUNDS,
  isChannelError,
  PaginationError,
  RedirectError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
} from '@channelkit/core';
import { zhumu } from '@channelkit/zhumu';
import { HttpResponse, http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  contextFor,
  OTHER_CREDIT_CODE,
  provisionInput,
  recordRequests,
  sandboxed,
  sentTo,
  server,
  settled,
  testSettings,
} from './harness';

// Zhumu answering what it should not: every answer is parsed before it is read, every walk is bounded, and the
// secret that travels in every request body never comes back out.

// A secret with characters that percent-encoding and form-encoding write differently (space, ~, !, *, ', (, )).
const SECRET = "zhumu secret~!*'() 秘钥-3f9a";
const wireForms = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ s: SECRET }).toString().slice(2),
];

function hostile(...handlers: Parameters<typeof server.use>) {
  server.use(...handlers);
  const sent = recordRequests();
  const adapter = zhumu({ apiKey: 'partner-key', apiSecret: SECRET });
  return { adapter, sent, ...contextFor(adapter) };
}

function enterprise(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `企业 ${id}`,
    credit_code: '91310000MA1FL4B24G',
    status: 1,
    admin_email: `admin@${id}.example.cn`,
    created_at: '2026-01-02T11:04:05+08:00',
    ...overrides,
  };
}

function printed(value: unknown): string {
  return [
    String(value),
    JSON.stringify(value),
    inspect(value, { depth: 10, showHidden: true }),
    (value as Error | undefined)?.stack ?? '',
  ].join('\n');
}

function expectNoSecret(text: string): void {
  for (const form of wireForms) expect(text).not.toContain(form);
}

/** Reads a request's form fields. */
async function formOf(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

describe('the api_secret never comes back out, even from a server that echoes it', () => {
  it('keeps it out of errors when Zhumu echoes the request body in its error message and request id', async () => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/get`, async ({ request }) => {
        const raw = await request.text();
        const secret = new URLSearchParams(raw).get('api_secret') ?? '';
        return HttpResponse.json(
          {
            error: {
              code: 300,
              message: `参数错误 / Invalid parameter in ${raw}; api_secret=${secret}; encoded ${encodeURIComponent(secret)}`,
            },
          },
          { headers: { 'X-Request-Id': `req-${encodeURIComponent(secret)}` } },
        );
      }),
    );

    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'BadRequestError', platformCode: 300 });
    expect((error as Error).message).toContain('参数错误');
    expect((error as Error).message).toContain('[REDACTED]');
    expectNoSecret(printed(error));
  });

  it('keeps it out of transport events with bodies, retries and errors included', async () => {
    const { adapter } = hostile(
      http.post(`${API}/enterprise/get`, async ({ request }) => {
        const secret = (await formOf(request)).get('api_secret') ?? '';
        return HttpResponse.json(
          { error: { code: 500, message: `内部错误 ${secret}` }, echo: secret },
          { status: 500 },
        );
      }),
    );
    const transport = adapter.createTransport({ ...testSettings, emitBodies: true });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const) {
      transport.on(name, (event) => events.push({ name, event }));
    }
    const { context } = contextFor(adapter);
    context.transport = transport;

    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ServerError', status: 500 });
    expect(events.map((entry) => (entry as { name: string }).name)).toEqual([
      'request',
      'response',
      'retry',
      'request',
      'response',
      'retry',
      'request',
      'response',
      'error',
    ]);
    // The request body is in the events, with both credentials redacted by name.
    expect(JSON.stringify(events)).toContain('"api_secret":"[REDACTED]"');
    expect(JSON.stringify(events)).toContain('"api_key":"[REDACTED]"');
    expectNoSecret(printed(events));
    expectNoSecret(printed(error));
  });

  it('keeps it out of the logs of a provisioning that had to resolve a failed create', async () => {
    const { adapter, context, logs } = hostile(
      http.post(`${API}/enterprise/create`, async ({ request }) => {
        const secret = (await formOf(request)).get('api_secret') ?? '';
        return HttpResponse.json({ error: { code: 503, message: `busy ${secret}` } }, { status: 503 });
      }),
      http.post(`${API}/enterprise/list`, () =>
        HttpResponse.json({
          page_count: 1,
          page_number: 1,
          page_size: 300,
          total_records: 1,
          enterprises: [enterprise('e9', { name: '上海瞩目示例信息技术有限公司', external_id: 'crm-4711' })],
        }),
      ),
      http.post(`${API}/enterprise/licence/get`, () =>
        HttpResponse.json({ enterprise_id: 'e9', plan: 'business', seats: 10, seats_used: 0 }),
      ),
    );

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.id).toBe('e9');
    expect(logs.length).toBeGreaterThan(0);
    expectNoSecret(printed(logs));
  });

  it('keeps it out of the adapter and of a client printed whole', () => {
    const adapter = zhumu({ apiKey: 'partner-key', apiSecret: SECRET });
    expectNoSecret(printed(adapter));
    expectNoSecret(printed(createClient(adapter)));
  });

  it('never puts it in a URL: the credentials travel in the body only', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/get`, () => HttpResponse.json(enterprise('e1'))),
    );
    await adapter.accounts.get('e1', context);
    await settled(sent);
    expect(sent[0]?.url.href).toBe(`${API}/enterprise/get`);
    expect(sent[0]?.form.api_secret).toBe(SECRET);
  });
});

describe('every Zhumu answer is validated before it is read', () => {
  it.each([
    ['null', null],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['an enterprise without id', { ...enterprise('e1'), id: undefined }],
    ['a dot segment for an id', enterprise('..')],
    ['an unknown status code', enterprise('e1', { status: 7 })],
    ['a status as text', enterprise('e1', { status: 'active' })],
    ['an error object without a code', { error: { message: 'oops' } }],
  ])('turns %s into a ResponseValidationError naming the call', async (_, body) => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/get`, () =>
        typeof body === 'string' ? HttpResponse.html(body) : HttpResponse.json(body),
      ),
    );
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ platform: 'zhumu', operation: 'accounts.get (POST /enterprise/get)' });
  });

  it('refuses another enterprise than the one asked for', async () => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/get`, () => HttpResponse.json(enterprise('e2'))),
      http.post(`${API}/enterprise/licence/get`, () =>
        HttpResponse.json({ enterprise_id: 'e2', plan: 'business', seats: 10, seats_used: 0 }),
      ),
    );
    await expect(adapter.accounts.get('e1', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'id', message: 'asked for e1, got e2' }],
    });
    await expect(adapter.licences.get('e1', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'enterprise_id', message: 'asked for e1, got e2' }],
    });
  });

  it('sends no licence write when the fresh read before it is malformed', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/licence/get`, () => HttpResponse.json({ enterprise_id: 'e1', seats: -1 })),
    );
    await expect(adapter.licences.set('e1', { seats: 5 }, context)).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(0);
  });

  it('refuses a create answered with a malformed enterprise, and sends nothing with its id', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/create`, () => HttpResponse.json(enterprise('me'))),
    );
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    expect(sent.map((request) => request.url.pathname)).toEqual(['/v3/enterprise/create']);
  });

  it('turns a redirect into a RedirectError and does not follow it (the secret is in the body)', async () => {
    let followed = false;
    const { adapter, context } = hostile(
      http.post(
        `${API}/enterprise/get`,
        () => new HttpResponse(null, { status: 307, headers: { Location: 'https://evil.example/collect' } }),
      ),
      http.post('https://evil.example/collect', () => {
        followed = true;
        return HttpResponse.json({});
      }),
    );
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(followed).toBe(false);
  });

  it('reads no more of an answer than the client’s maxResponseBytes', async () => {
    const { adapter } = hostile(
      http.post(`${API}/enterprise/get`, () =>
        HttpResponse.json(enterprise('e1', { status_reason: '长'.repeat(2_000) })),
      ),
    );
    const client = createClient(adapter, { maxResponseBytes: 1_024 });
    await expect(client.accounts.get('e1')).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect((await createClient(adapter).accounts.get('e1')).id).toBe('e1');
  });

  it('reads Beijing-time timestamps without an offset as +08:00', async () => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/get`, () =>
        HttpResponse.json(
          enterprise('e1', { created_at: '2026-01-02 11:04:05', updated_at: '2026-01-03 09:00:00' }),
        ),
      ),
    );
    expect(await adapter.accounts.get('e1', context)).toMatchObject({
      createdAt: '2026-01-02T11:04:05+08:00',
      updatedAt: '2026-01-03T09:00:00+08:00',
    });
  });

  it('keeps descriptive fields the domain does not know out of the profile rather than failing', async () => {
    sandboxed();
    const { adapter } = hostile(
      http.post(`${API}/enterprise/get`, () =>
        HttpResponse.json(
          enterprise('e1', {
            employee_count: '50-99人',
            website: 'www.example.cn',
            industry: '软件',
            city: null,
          }),
        ),
      ),
    );
    const client = createClient(adapter);
    const account = await client.accounts.get('e1');
    expect(account.profile).toEqual({
      legalName: '企业 e1',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件',
    });
  });
});

describe('listings are bounded', () => {
  function page(number: number, count: number, pageCount: number) {
    return {
      page_count: pageCount,
      page_number: number,
      page_size: 2,
      total_records: pageCount * 2,
      enterprises: Array.from({ length: count }, (_, index) => enterprise(`e${number}-${index}`)),
    };
  }

  it('walks page_number up to page_count', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/list`, async ({ request }) => {
        const number = Number((await formOf(request)).get('page_number'));
        return HttpResponse.json(page(number, 2, 3));
      }),
    );
    const ids: string[] = [];
    for await (const account of adapter.accounts.list({ pageSize: 2 }, context)) ids.push(account.id);
    await settled(sent);
    expect(ids).toHaveLength(6);
    expect(sent.map((request) => request.form.page_number)).toEqual(['1', '2', '3']);
  });

  it('refuses a server that ignores page_number', async () => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/list`, () => HttpResponse.json(page(1, 2, 5))),
    );
    const walk = (async () => {
      for await (const _ of adapter.accounts.list({ pageSize: 2 }, context)) {
        // drain
      }
    })();
    await expect(walk).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'page_number', message: 'asked for page 2, got page 1' }],
    });
  });

  it('refuses a page longer than asked for', async () => {
    const { adapter, context } = hostile(
      http.post(`${API}/enterprise/list`, () => HttpResponse.json(page(1, 3, 1))),
    );
    await expect(
      adapter.accounts.list({ pageSize: 2 }, context).collect({ limit: 10 }),
    ).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'enterprises' }],
    });
  });

  it('stops a listing that never ends at the page bound, in the credit-code lookup too', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/create`, () =>
        HttpResponse.json({ error: { code: 2002, message: '该统一社会信用代码已注册企业账号' } }),
      ),
      http.post(`${API}/enterprise/list`, async ({ request }) => {
        const number = Number((await formOf(request)).get('page_number'));
        // A server that ignores the filter: other companies' enterprises, for ever.
        const other = page(number, 300, 1_000_000);
        return HttpResponse.json({
          ...other,
          page_size: 300,
          enterprises: other.enterprises.map((entry) => ({ ...entry, credit_code: OTHER_CREDIT_CODE })),
        });
      }),
    );
    context.pagination = { maxPages: 4, maxDurationMs: 60_000 };

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: 'max_pages', pages: 4 });
    expect(sentTo(sent, '/enterprise/list')).toHaveLength(4);
    expect(sentTo(sent, '/enterprise/create')).toHaveLength(1);
  });

  it('stops with the default bounds when none are given', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprise/list`, async ({ request }) => {
        const number = Number((await formOf(request)).get('page_number'));
        return HttpResponse.json(page(number, 2, 1_000_000_000));
      }),
    );
    const walk = (async () => {
      for await (const _ of adapter.accounts.list({ pageSize: 2 }, context)) {
        // drain
      }
    })();
    await expect(walk).rejects.toMatchObject({
      reason: 'max_pages',
      limit: DEFAULT_PAGINATION_BOUNDS.maxPages,
    });
    expect(sent).toHaveLength(DEFAULT_PAGINATION_BOUNDS.maxPages);
    // A thousand requests: on a loaded machine they take longer than the default test timeout.
  }, 120_000);
});

describe('over real HTTP', () => {
  let hostileServer: Server | undefined;

  afterEach(async () => {
    const closing = hostileServer;
    hostileServer = undefined;
    if (closing) {
      closing.closeAllConnections();
      await new Promise((resolve) => closing.close(resolve));
    }
  });

  async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void) {
    // msw intercepts every request of this process: let those to the hostile server through.
    server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
    const running = createServer(handler);
    await new Promise<void>((resolve) => running.listen(0, '127.0.0.1', resolve));
    hostileServer = running;
    const { port } = running.address() as AddressInfo;
    return zhumu({ apiKey: 'partner-key', apiSecret: SECRET, baseUrl: `http://127.0.0.1:${port}` });
  }

  it('cuts off an answer that never ends with ResponseTooLargeError', async () => {
    const adapter = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const pump = () => {
        while (response.write(chunk)) {
          // keep the socket full
        }
      };
      response.on('drain', pump);
      pump();
    });
    const error = await adapter.accounts.get('e1', contextFor(adapter).context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('ends an answer that trickles for ever with TimeoutError', async () => {
    const adapter = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":');
      // never finishes
    });
    const { context } = contextFor(adapter, {
      ...testSettings,
      timeoutMs: 300,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isChannelError(error)).toBe(true);
  });

  it('resolves a create whose connection dropped after the server applied it, creating nothing twice', async () => {
    const created: string[] = [];
    const adapter = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        if (request.url === '/v3/enterprise/create') {
          created.push(form.get('name') ?? '');
          request.socket.destroy(); // applied, but the answer is lost
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        if (request.url === '/v3/enterprise/list') {
          response.end(
            JSON.stringify({
              page_count: 1,
              page_number: 1,
              page_size: 300,
              total_records: created.length,
              enterprises: created.map((name, index) =>
                enterprise(`e${index}`, {
                  name,
                  credit_code: form.get('credit_code'),
                  external_id: 'crm-4711',
                }),
              ),
            }),
          );
          return;
        }
        response.end(JSON.stringify({ enterprise_id: 'e0', plan: 'business', seats: 10, seats_used: 0 }));
      });
    });

    const account = await adapter.accounts.provision(provisionInput(), contextFor(adapter).context);

    expect(account).toMatchObject({ id: 'e0', name: '上海瞩目示例信息技术有限公司' });
    expect(created).toEqual(['上海瞩目示例信息技术有限公司']);
  });
});
