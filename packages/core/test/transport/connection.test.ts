import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbortError, ConnectionError, createHttpTransport, TimeoutError } from '@channelkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledState, until, useVirtualTime } from '../virtual-time';

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('connection failures against a loopback server', () => {
  // Timeouts run in virtual time (../virtual-time.ts): the request really goes to the loopback server, and the
  // timeout fires exactly when the test moves the clock past it, however busy the machine is.
  it('times out a server that never answers, per attempt', async () => {
    useVirtualTime();
    let received = 0;
    const url = await listen(() => {
      received++;
    });
    const transport = createHttpTransport({ baseURL: url, timeoutMs: 80, retry: { maxRetries: 0 } });
    const pending = transport.request({ method: 'GET', path: '/hang' });
    const isSettled = settledState(pending);
    await until(() => received === 1, 'the request reaching the server');

    await vi.advanceTimersByTimeAsync(79);
    expect(isSettled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 80 });
    expect(received).toBe(1);
  });

  it('does not retry a timed-out POST without idempotency key (ambiguous)', async () => {
    useVirtualTime();
    let received = 0;
    const url = await listen(() => {
      received++;
    });
    const transport = createHttpTransport({ baseURL: url, timeoutMs: 50, retry: { baseDelayMs: 1 } });
    const retries: unknown[] = [];
    transport.on('retry', (event) => retries.push(event));
    const outcome = transport.request({ method: 'POST', path: '/create', body: {} }).catch((e: unknown) => e);
    await until(() => received === 1, 'the request reaching the server');

    await vi.advanceTimersByTimeAsync(50);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    expect(retries).toEqual([]);
    expect(received).toBe(1);
  });

  it('aborts an in-flight request at once with AbortError', async () => {
    useVirtualTime();
    let received = 0;
    const url = await listen(() => {
      received++;
    });
    const transport = createHttpTransport({ baseURL: url, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = transport.request({ method: 'GET', path: '/hang', signal: controller.signal });
    await until(() => received === 1, 'the request reaching the server');

    // The clock stands still, so the abort alone ends the call, and its timeout timer goes with it.
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
    expect(received).toBe(1);
  });

  it('reports a refused connection as not sent, and retries it even for POST', async () => {
    const url = await closedPort();
    const transport = createHttpTransport({ baseURL: url, retry: { maxRetries: 2, baseDelayMs: 1 } });
    const retries: unknown[] = [];
    transport.on('retry', (e) => retries.push(e.reason));
    const error = await transport
      .request({ method: 'POST', path: '/create', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ errorCode: 'ECONNREFUSED', mayHaveReachedServer: false });
    expect((error as Error).message).toContain('the request was not sent; check baseURL');
    expect(retries).toEqual(['connection', 'connection']);
  });

  it('treats a reset after sending as ambiguous: GET is retried, POST is not', async () => {
    let received = 0;
    const url = await listen((req) => {
      received++;
      req.socket.destroy();
    });
    const transport = createHttpTransport({ baseURL: url, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const post = await transport
      .request({ method: 'POST', path: '/create', body: {} })
      .catch((e: unknown) => e);
    expect(post).toBeInstanceOf(ConnectionError);
    expect(post).toMatchObject({ mayHaveReachedServer: true });
    expect(received).toBe(1);
    await expect(transport.request({ method: 'GET', path: '/read' })).rejects.toBeInstanceOf(ConnectionError);
    expect(received).toBe(3);
  });
});
