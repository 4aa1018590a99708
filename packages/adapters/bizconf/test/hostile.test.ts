import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bizconf } from '@channelkit/bizconf';
import {
  createClient,
  isChannelError,
  PaginationError,
  PartiallyAppliedError,
  ResponseValidationError,
} from '@channelkit/core';
import { BIZCONF_SANDBOX_BASE_URL } from '@channelkit/sandbox';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  CREDENTIALS,
  contextFor,
  customer,
  FAST_POLLS,
  fastClient,
  letThrough,
  recordRequests,
  sentTo,
  server,
} from './harness';

// Bizconf (or whatever answers in its place) answering what it should not: every answer is parsed before it is read,
// ids are checked before they become paths, every walk and every wait is bounded.

const ok = (data: unknown) => HttpResponse.json({ code: 0, msg: 'success', data });

function enterprise(id: string, extra: Record<string, unknown> = {}) {
  return {
    enterpriseId: id,
    enterpriseName: '上海示例信息技术有限公司',
    creditCode: '91310000MA1FL4B24G',
    status: 'NORMAL',
    admin: { familyName: '王', givenName: '伟', email: 'admin@example.cn', mobile: '13800138000' },
    createTime: '2026-01-15 18:00:00',
    ...extra,
  };
}

function hostile(...handlers: RequestHandler[]) {
  server.use(...handlers);
  const sent = recordRequests();
  const adapter = bizconf({
    ...CREDENTIALS,
    baseUrl: BIZCONF_SANDBOX_BASE_URL,
    provisioning: FAST_POLLS,
    rateLimits: { query: 10_000, write: 10_000 },
  });
  const { context, logs } = contextFor(adapter);
  return { adapter, context, logs, sent, client: createClient(adapter, fastClient) };
}

describe('every answer is validated before it is read', () => {
  it.each([
    ['null', () => HttpResponse.json(null)],
    ['an HTML page with HTTP 200', () => HttpResponse.html('<html><body>维护中</body></html>')],
    ['an envelope without data', () => HttpResponse.json({ code: 0, msg: 'success' })],
    [
      'an account without an administrator e-mail',
      () => ok(enterprise('E1', { admin: { familyName: '王' } })),
    ],
    ['a state the contract does not know', () => ok(enterprise('E1', { status: 'DELETED' }))],
    ['a creation time in another format', () => ok(enterprise('E1', { createTime: '2026-01-15T10:00:00Z' }))],
  ])('turns %s into a ResponseValidationError naming the operation', async (_, answer) => {
    const { adapter, context } = hostile(http.get(`${API}/enterprises/E1`, answer));
    const error = await adapter.accounts.get('E1', context).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ platform: 'bizconf', operation: 'accounts.get (GET /enterprises/E1)' });
  });

  it('refuses an answer about another enterprise than the one asked for', async () => {
    const { adapter, context } = hostile(http.get(`${API}/enterprises/E1`, () => ok(enterprise('E2'))));
    await expect(adapter.accounts.get('E1', context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'data.enterpriseId', message: expect.stringContaining('"E1"') }],
    });
  });

  it('maps an account whose profile breaks the profile rules without failing, keeping what is sound', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/enterprises/E1`, () =>
        ok(enterprise('E1', { industry: 'x'.repeat(500), scale: 'many', website: 'not a url' })),
      ),
    );
    const account = await adapter.accounts.get('E1', context);
    expect(account.profile).toEqual({ country: 'CN', creditCode: '91310000MA1FL4B24G' });
  });

  it('refuses malformed licences', async () => {
    const licence = {
      planCode: 'STANDARD',
      commitment: 'ANNUAL',
      seats: 5,
      usedSeats: 1,
      termStart: '2026-01-15',
      termEnd: '2027-01-14',
      autoRenew: true,
      status: 'ACTIVE',
    };
    const { adapter, context } = hostile(
      http.get(`${API}/enterprises/E1/licence`, () => ok({ ...licence, seats: -1 })),
      http.get(`${API}/enterprises/E2/licence`, () => ok({ ...licence, commitment: 'MONTHLY' })),
      http.get(`${API}/enterprises/E3/licence`, () => ok({ ...licence, termEnd: '2025-01-14' })),
    );
    for (const [id, path] of [
      ['E1', 'data.seats'],
      ['E2', 'data.commitment'],
      ['E3', 'data.termEnd'],
    ]) {
      await expect(adapter.licences.get(id as string, context)).rejects.toMatchObject({
        name: 'ResponseValidationError',
        issues: [expect.objectContaining({ path })],
      });
    }
  });
});

describe('provisioning trusts no task', () => {
  const create = (task: Record<string, unknown>) =>
    http.post(`${API}/enterprises`, async ({ request }) => {
      const { bizNo } = (await request.json()) as { bizNo: string };
      return ok({ bizNo, status: 'PROCESSING', ...task });
    });

  it.each([
    ['a dot segment for a task id', { taskId: '..' }],
    ['a task id with a slash', { taskId: 'T1/../../enterprises' }],
    ['a finished task without an enterprise', { taskId: 'T1', status: 'SUCCESS' }],
    [
      'a finished task whose enterprise id is a dot segment',
      { taskId: 'T1', status: 'SUCCESS', enterpriseId: '..' },
    ],
  ])('refuses %s and sends nothing with it', async (_, task) => {
    const { adapter, context, sent } = hostile(create(task));
    const error = await adapter.accounts.provision(customer(1), context).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(sent.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /openapi/v1/enterprises',
    ]);
  });

  it('refuses a task for another bizNo than the one sent, and polls nothing', async () => {
    const { adapter, context, sent } = hostile(
      http.post(`${API}/enterprises`, () =>
        ok({ taskId: 'T1', bizNo: 'ck-someone-else', status: 'PROCESSING' }),
      ),
    );
    await expect(adapter.accounts.provision(customer(2), context)).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'data.bizNo', message: expect.stringContaining('ck-someone-else') }],
    });
    expect(sent).toHaveLength(1);
  });

  it('reports a task it can no longer read as PartiallyAppliedError naming the task, with the cause', async () => {
    const { adapter, context, sent } = hostile(
      create({ taskId: 'T1' }),
      http.get(`${API}/tasks/T1`, () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 })),
    );
    const error = await adapter.accounts.provision(customer(3), context).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect(error).toMatchObject({ resourceId: 'T1', cause: { name: 'ServerError', status: 502 } });
    // The transport's retries (two here), then it stops: one failed poll, three attempts.
    expect(sentTo(sent, 'GET', '/tasks/T1')).toHaveLength(3);
  });

  it('refuses a poll answered with another task, reporting the submitted one', async () => {
    const { adapter, context } = hostile(
      create({ taskId: 'T1' }),
      http.get(`${API}/tasks/T1`, () =>
        ok({ taskId: 'T2', bizNo: 'ck', status: 'SUCCESS', enterpriseId: 'E2' }),
      ),
    );
    await expect(adapter.accounts.provision(customer(5), context)).rejects.toMatchObject({
      name: 'PartiallyAppliedError',
      resourceId: 'T1',
      cause: { name: 'ResponseValidationError', issues: [{ path: 'data.taskId' }] },
    });
  });

  it('reports an account created but unreadable as PartiallyAppliedError naming the account', async () => {
    const { adapter, context } = hostile(
      create({ taskId: 'T1', status: 'SUCCESS', enterpriseId: 'E9' }),
      http.get(`${API}/enterprises/E9`, () => HttpResponse.json(null)),
    );
    await expect(adapter.accounts.provision(customer(4), context)).rejects.toMatchObject({
      name: 'PartiallyAppliedError',
      resourceId: 'E9',
      applied: ['created enterprise E9 (task T1)'],
    });
  });
});

describe('every walk over pages is bounded', () => {
  it('refuses a page holding more than the page size asked for', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/enterprises`, () =>
        ok({
          list: [enterprise('E1'), enterprise('E2'), enterprise('E3')],
          total: 3,
          pageNo: 1,
          pageSize: 2,
        }),
      ),
    );
    const walk = adapter.accounts.list({ pageSize: 2 }, context).collect({ limit: 10 });
    await expect(walk).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [expect.objectContaining({ path: 'data.list' })],
    });
  });

  it('refuses the same page answered for another page number', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/enterprises`, () =>
        ok({ list: [enterprise('E1')], total: 5, pageNo: 1, pageSize: 1 }),
      ),
    );
    await expect(
      adapter.accounts.list({ pageSize: 1 }, context).collect({ limit: 10 }),
    ).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'data.pageNo', message: 'must be the page asked for (2), not 1' }],
    });
  });

  it('stops a listing whose total never ends at the page bound', async () => {
    const { adapter, context, sent } = hostile(
      http.get(`${API}/enterprises`, ({ request }) => {
        const pageNo = Number(new URL(request.url).searchParams.get('pageNo'));
        return ok({ list: [enterprise(`E${pageNo}`)], total: 1_000_000_000, pageNo, pageSize: 1 });
      }),
    );
    context.pagination = { maxPages: 5, maxDurationMs: 60_000 };
    const walk = adapter.accounts.list({ pageSize: 1 }, context).collect({ limit: 10_000 });
    await expect(walk).rejects.toBeInstanceOf(PaginationError);
    await expect(walk).rejects.toMatchObject({
      reason: 'max_pages',
      message: expect.stringContaining('bizconf enterprises'),
    });
    expect(sent).toHaveLength(5);
  });
});

describe('hostile transports', () => {
  let running: Server | undefined;
  afterEach(async () => {
    running?.closeAllConnections();
    await new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve()));
    running = undefined;
  });

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    running = createServer(handler);
    await new Promise<void>((resolve) => running?.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
    letThrough(origin);
    return origin;
  }

  function clientAt(baseUrl: string, timeoutMs = 5_000) {
    return createClient(bizconf({ ...CREDENTIALS, baseUrl, provisioning: FAST_POLLS }), {
      ...fastClient,
      timeoutMs,
      maxRetries: 0,
    });
  }

  it('never follows a redirect (requests carry a signature)', async () => {
    let followed = false;
    const base = await serve((request, response) => {
      if (request.url?.startsWith('/elsewhere')) followed = true;
      response.writeHead(302, { location: '/elsewhere' }).end();
    });
    const error = await clientAt(base)
      .accounts.get('E1')
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ name: 'RedirectError', status: 302 });
    expect(followed).toBe(false);
  });

  it('ends an answer that trickles forever with TimeoutError', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"code":0,"msg":"success","data":');
      const drip = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(drip));
    });
    const error = await clientAt(base, 300)
      .accounts.get('E1')
      .catch((failure: unknown) => failure);
    expect(isChannelError(error) && error.code).toBe('timeout');
  });

  it('cuts off a huge answer with ResponseTooLargeError', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 12 && response.write(chunk)) sent += 1;
        if (sent < 12) response.once('drain', pump);
        else response.end();
      };
      response.on('error', () => {});
      pump();
    });
    const error = await clientAt(base)
      .accounts.get('E1')
      .catch((failure: unknown) => failure);
    expect(isChannelError(error) && error.code).toBe('response_too_large');
  });

  it('keeps a Chinese error message intact through a real HTTP exchange', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(JSON.stringify({ code: 40401, msg: '企业不存在：请核对企业 ID（E1）', data: null }));
    });
    const error = await clientAt(base)
      .accounts.get('E1')
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      platformMessage: '企业不存在：请核对企业 ID（E1）',
    });
  });
});
