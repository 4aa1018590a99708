import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  BadRequestError,
  ConfigurationError,
  createHttpTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  isAmbiguousFailure,
  ResponseTooLargeError,
  TimeoutError,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { listen } from './loopback';

const MiB = 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'a');

/**
 * Streams up to `total` bytes in 64 KiB chunks, honouring backpressure, and tells whether the client hung up
 * before the end. Never holds more than one chunk in memory.
 */
function stream(res: ServerResponse, total: number) {
  let written = 0;
  return new Promise<{ written: number; cutOff: boolean }>((resolve) => {
    res.on('close', () => resolve({ written, cutOff: written < total }));
    const pump = () => {
      while (written < total && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (written >= total) res.end();
    };
    pump();
  });
}

async function hugeServer(total: number, headers: Record<string, string | number> = {}) {
  let requests = 0;
  let finished: Promise<{ written: number; cutOff: boolean }> | undefined;
  const url = await listen((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    finished = stream(res, total);
  });
  return { url, requests: () => requests, finished: () => finished };
}

describe('response size', () => {
  it('cuts off a 50 MB chunked body (no Content-Length) at the 10 MiB default', async () => {
    const server = await hugeServer(50 * MiB);
    const transport = createHttpTransport({
      baseURL: server.url,
      platform: 'zoom',
      retry: { baseDelayMs: 1 },
    });

    const error = await transport.request({ method: 'GET', path: '/accounts' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      code: 'response_too_large',
      limitBytes: DEFAULT_MAX_RESPONSE_BYTES,
      retryable: false,
      platform: 'zoom',
    });
    expect((error as Error).message).toBe(
      'zoom GET /accounts: the response was larger than maxResponseBytes (10485760 bytes), so reading stopped ' +
        'there and it was discarded; the platform did answer, so a write may have been applied. Raise the ' +
        'maxResponseBytes option (of createClient, or of createHttpTransport) if the platform legitimately sends more',
    );
    expect(isAmbiguousFailure(error)).toBe(true);
    const outcome = await server.finished();
    expect(outcome?.cutOff).toBe(true);
    expect(server.requests()).toBe(1); // a GET, yet not retried: the same answer would come back
  });

  it('cuts off a body with a declared Content-Length above maxResponseBytes', async () => {
    const server = await hugeServer(50 * MiB, { 'content-length': 50 * MiB });
    const transport = createHttpTransport({ baseURL: server.url, maxResponseBytes: MiB });
    const error = await transport.request({ method: 'GET', path: '/big' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: MiB });
    expect((await server.finished())?.cutOff).toBe(true);
  });

  it('counts the decompressed size, so a small gzip that inflates past the limit is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * MiB, '{')); // a few KiB on the wire
    const url = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
    });
    const transport = createHttpTransport({ baseURL: url, maxResponseBytes: MiB });
    await expect(transport.request({ method: 'GET', path: '/zip' })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it('accepts a body of exactly maxResponseBytes and refuses one byte more', async () => {
    const url = await listen((req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('x'.repeat(req.url === '/exact' ? 1024 : 1025));
    });
    const transport = createHttpTransport({ baseURL: url, maxResponseBytes: 1024 });
    const { data } = await transport.request<string>({ method: 'GET', path: '/exact' });
    expect(data).toHaveLength(1024);
    await expect(transport.request({ method: 'GET', path: '/over' })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it('refuses a maxResponseBytes that is not a whole number of bytes from 1 to 256 MiB', () => {
    for (const maxResponseBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 40]) {
      expect(() => createHttpTransport({ baseURL: 'https://x.test', maxResponseBytes })).toThrow(
        ConfigurationError,
      );
    }
    expect(() => createHttpTransport({ baseURL: 'https://x.test', maxResponseBytes: 0 })).toThrow(
      /^maxResponseBytes must be a whole number of bytes from 1 to 268435456/,
    );
  });

  it('ends a never-ending response (a byte every few ms) with TimeoutError: the timeout covers the body', async () => {
    let requests = 0;
    const url = await listen((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 5);
      res.on('close', () => clearInterval(drip));
    });
    const transport = createHttpTransport({ baseURL: url, timeoutMs: 300, retry: { maxRetries: 0 } });
    const error = await transport.request({ method: 'GET', path: '/drip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300 });
    expect(requests).toBe(1);
  });
});

describe('what a platform sends is bounded in errors', () => {
  it('a 400 whose message is 5 MB gives a message of a few KB, marked as truncated', async () => {
    const huge = 'm'.repeat(5 * MiB);
    const url = await listen((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'r'.repeat(10_000) });
      res.end(JSON.stringify({ message: huge }));
    });
    const transport = createHttpTransport({ baseURL: url, platform: 'zoom' });
    const error = (await transport
      .request({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.platformMessage).toBe(`${'m'.repeat(2048)}... (truncated ${5 * MiB - 2048} characters)`);
    expect(error.requestId).toBe(`${'r'.repeat(500)}... (truncated 9500 characters)`);
    expect(error.message.length).toBeLessThan(4096);
    expect(error.message).toContain(`... (truncated ${5 * MiB - 2048} characters)`);
    expect(JSON.stringify(error).length).toBeLessThan(16 * 1024);
  });

  it('keeps at most 50 details of 500 characters each, and a short platform code', async () => {
    const url = await listen((_req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: 'c'.repeat(5000),
          errors: Array.from({ length: 1000 }, (_, i) => ({
            field: `f${i}`.padEnd(1000, 'f'),
            message: 'x'.repeat(5000),
          })),
        }),
      );
    });
    const transport = createHttpTransport({
      baseURL: url,
      parseError: ({ status, data }) => {
        const body = data as { code: string; errors: { field: string; message: string }[] };
        return status >= 400
          ? { code: body.code, message: 'Validation failed', details: body.errors }
          : undefined;
      },
    });
    const error = (await transport
      .request({ method: 'POST', path: '/x', body: {} })
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.platformCode).toBe(`${'c'.repeat(500)}... (truncated 4500 characters)`);
    expect(error.details).toHaveLength(51);
    expect(error.details[0]).toEqual({
      field: `${'f0'.padEnd(500, 'f')}... (truncated 500 characters)`,
      message: `${'x'.repeat(500)}... (truncated 4500 characters)`,
    });
    expect(error.details[50]).toEqual({ message: '950 more details omitted' });
    expect(error.message.length).toBeLessThan(8 * 1024);
    expect(JSON.stringify(error).length).toBeLessThan(64 * 1024);
  });
});
