import {
  BadRequestError,
  ConfigurationError,
  createHttpTransport,
  NotFoundError,
  type RequestEvent,
  type ResponseEvent,
  TimeoutError,
  type TransportErrorEvent,
} from '@channelkit/core';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { settledState, until, useVirtualTime } from '../virtual-time';

const base = 'https://api.example.test/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('createHttpTransport', () => {
  it('sends query, JSON body and headers, and resolves status, lower-cased headers, data and request id', async () => {
    let seen: { url: string; headers: Headers; body: unknown } | undefined;
    server.use(
      http.post(`${base}/accounts`, async ({ request }) => {
        seen = { url: request.url, headers: request.headers, body: await request.json() };
        return HttpResponse.json({ id: 'acc_1' }, { status: 201, headers: { 'X-Request-Id': 'req-9' } });
      }),
    );
    const transport = createHttpTransport({ baseURL: `${base}/`, platform: 'zoom', userAgent: 'test-agent' });
    const response = await transport.request<{ id: string }>({
      method: 'POST',
      path: '/accounts',
      query: { page_size: 30, active: true, skip: undefined },
      body: { name: 'Acme' },
      headers: { 'X-Custom': 'yes' },
    });
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'x-request-id': 'req-9', 'content-type': 'application/json' }),
      data: { id: 'acc_1' },
      requestId: 'req-9',
    });
    expect(seen?.url).toBe(`${base}/accounts?page_size=30&active=true`);
    expect(seen?.body).toEqual({ name: 'Acme' });
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(seen?.headers.get('x-custom')).toBe('yes');
    expect(seen?.headers.get('user-agent')).toBe('test-agent');
  });

  it('url-encodes form bodies and returns text and empty bodies as such', async () => {
    let form: string | undefined;
    let contentType: string | null = null;
    server.use(
      http.put(`${base}/form`, async ({ request }) => {
        form = await request.text();
        contentType = request.headers.get('content-type');
        return new HttpResponse('done', { headers: { 'content-type': 'text/plain' } });
      }),
      http.delete(`${base}/thing`, () => new HttpResponse(null, { status: 204 })),
    );
    const transport = createHttpTransport({ baseURL: base });
    const put = await transport.request({
      method: 'PUT',
      path: 'form',
      form: { a: 'x y', n: 2, gone: undefined },
    });
    expect(form).toBe('a=x+y&n=2');
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(put.data).toBe('done');
    const deleted = await transport.request({ method: 'DELETE', path: '/thing' });
    expect(deleted).toMatchObject({ status: 204, data: undefined, requestId: undefined });
  });

  it('rejects non-2xx with the matching error class, using the error parser', async () => {
    server.use(
      http.get(`${base}/accounts/abc`, () =>
        HttpResponse.json({ code: 2001, message: 'Account does not exist' }, { status: 404 }),
      ),
    );
    const transport = createHttpTransport({
      baseURL: base,
      platform: 'zoom',
      parseError: ({ data }) => {
        const body = data as { code?: number; message?: string };
        return body.code === undefined ? undefined : { code: body.code, message: body.message };
      },
    });
    const error = await transport.request({ method: 'GET', path: '/accounts/abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      platform: 'zoom',
      platformCode: 2001,
      platformMessage: 'Account does not exist',
      message: 'zoom 404 GET /accounts/abc: Account does not exist (code 2001)',
      request: { method: 'GET', url: `${base}/accounts/abc` },
    });
  });

  it('treats an envelope error in a 200 as a failure with the status the parser gives', async () => {
    server.use(
      http.post(`${base}/rpc`, () => HttpResponse.json({ result: 'fail', errcode: 'E1', msg: 'bad phone' })),
    );
    const transport = createHttpTransport({
      baseURL: base,
      parseError: ({ data }) => {
        const body = data as { result: string; errcode: string; msg: string };
        return body.result === 'fail' ? { status: 400, code: body.errcode, message: body.msg } : undefined;
      },
    });
    const error = await transport
      .request({ method: 'POST', path: '/rpc', form: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, platformCode: 'E1', platformMessage: 'bad phone' });
  });

  it('guesses a message from common error body fields when there is no parser', async () => {
    server.use(
      http.get(`${base}/x`, () => HttpResponse.json({ error_description: 'nope' }, { status: 400 })),
    );
    const error = await createHttpTransport({ baseURL: base })
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_request', platformMessage: 'nope' });
  });

  it('refuses unbounded or invalid timeouts and bad options synchronously with ConfigurationError', async () => {
    for (const timeoutMs of [0, -1, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(() => createHttpTransport({ baseURL: base, timeoutMs })).toThrow(ConfigurationError);
    }
    expect(() => createHttpTransport({ baseURL: base, timeoutMs: 0 })).toThrow(
      /timeoutMs must be a positive/,
    );
    expect(() => createHttpTransport({ baseURL: '/relative' })).toThrow(/baseURL/);
    expect(() => createHttpTransport({ baseURL: base, rateLimit: { heavy: 0 } })).toThrow(/rateLimit\.heavy/);
    expect(() => createHttpTransport({ baseURL: base, retry: { maxRetries: -1 } })).toThrow(
      /retry\.maxRetries/,
    );
    const transport = createHttpTransport({ baseURL: base });
    await expect(transport.request({ method: 'GET', path: '/x', timeoutMs: 0 })).rejects.toThrow(
      ConfigurationError,
    );
  });

  it('ends a hanging request with TimeoutError after timeoutMs, retrying idempotent requests', async () => {
    // Virtual time (../virtual-time.ts): each attempt times out exactly when the clock passes 50 ms.
    useVirtualTime();
    let calls = 0;
    server.use(
      http.get(`${base}/hang`, async () => {
        calls++;
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const transport = createHttpTransport({
      baseURL: base,
      platform: 'zoom',
      timeoutMs: 50,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    const pending = transport.request({ method: 'GET', path: '/hang' });
    const isSettled = settledState(pending);

    for (const attempt of [1, 2]) {
      await until(() => calls === attempt, `attempt ${attempt} reaching the server`);
      await vi.advanceTimersByTimeAsync(49);
      expect(calls).toBe(attempt);
      expect(isSettled()).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
    }
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout', timeoutMs: 50 });
    expect((error as Error).message).toBe(
      'zoom GET /hang: no response within 50 ms; the request may or may not have been processed (raise timeoutMs if the platform is slow)',
    );
    expect(calls).toBe(2);
  });

  it('emits request, response and error events with attempt, status, timing and request id', async () => {
    server.use(
      http.get(`${base}/ok`, () => HttpResponse.json({ ok: true }, { headers: { 'x-request-id': 'r-1' } })),
      http.get(`${base}/gone`, () => HttpResponse.json({ message: 'gone' }, { status: 404 })),
    );
    const transport = createHttpTransport({ baseURL: base, platform: 'zoom', emitBodies: true });
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const errors: TransportErrorEvent[] = [];
    transport.on('request', (e) => requests.push(e)).on('response', (e) => responses.push(e));
    transport.once('error', (e) => errors.push(e));
    await transport.request({ method: 'GET', path: '/ok', category: 'light' });
    await transport.request({ method: 'GET', path: '/gone' }).catch(() => {});
    await transport.request({ method: 'GET', path: '/gone' }).catch(() => {});
    expect(requests[0]).toMatchObject({
      platform: 'zoom',
      method: 'GET',
      path: '/ok',
      url: `${base}/ok`,
      attempt: 1,
      category: 'light',
      idempotencyKey: undefined,
    });
    expect(requests[0]?.startedAt).toBeGreaterThan(0);
    expect(responses[0]).toMatchObject({ status: 200, requestId: 'r-1', body: { ok: true } });
    expect(responses[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(responses[1]).toMatchObject({ status: 404, path: '/gone' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 404, attempts: 1, error: expect.any(NotFoundError) });
  });
});
