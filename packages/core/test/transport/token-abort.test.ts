import { spawn } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  AbortError,
  createHttpTransport,
  oauth2ClientCredentials,
  type TransportErrorEvent,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { listen, recorder } from './loopback';

/** Resolves with `promise`'s value, or with `fallback` if it takes longer than `ms` (a guard, not a timing). */
function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token endpoint that holds every request until `release()`, and reports when the client hung up on one.
 * `received` resolves when the first token request has arrived.
 */
async function heldTokenEndpoint() {
  const held: ServerResponse[] = [];
  let onFirst: () => void = () => {};
  const received = new Promise<void>((resolve) => {
    onFirst = resolve;
  });
  let onCancelled: () => void = () => {};
  const cancelled = new Promise<'cancelled'>((resolve) => {
    onCancelled = () => resolve('cancelled');
  });
  let requests = 0;
  const url = await listen((_req, res) => {
    requests++;
    held.push(res);
    res.on('close', () => {
      if (!res.writableEnded) onCancelled();
    });
    onFirst();
  });
  return {
    tokenUrl: `${url}/oauth/token`,
    received,
    cancelled,
    requests: () => requests,
    release() {
      for (const [i, res] of held.splice(0).entries()) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: `tok-${i + 1}`, expires_in: 3600 }));
      }
    },
  };
}

async function api() {
  return recorder((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  );
}

describe('aborting while a token is being fetched', () => {
  it('rejects with AbortError and cancels the token request: no further attempts', async () => {
    const token = await heldTokenEndpoint();
    const platform = await api();
    const transport = createHttpTransport({
      baseURL: platform.origin,
      timeoutMs: 60_000,
      auth: oauth2ClientCredentials({
        tokenUrl: token.tokenUrl,
        clientId: 'client',
        clientSecret: 'secret-1234',
      }),
    });
    const controller = new AbortController();
    const pending = transport.request({ method: 'GET', path: '/me', signal: controller.signal });
    await token.received;
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(await within(token.cancelled, 10_000, 'still open')).toBe('cancelled');
    await delay(100);
    expect(token.requests()).toBe(1);
    expect(platform.seen).toEqual([]);
  });

  it('stops the token request while it sleeps before a retry', async () => {
    let tokenRequests = 0;
    const tokenUrl = `${await listen((_req, res) => {
      tokenRequests++;
      res.writeHead(503, { 'retry-after': '20' }).end();
    })}/oauth/token`;
    const platform = await api();
    const transport = createHttpTransport({
      baseURL: platform.origin,
      auth: oauth2ClientCredentials({ tokenUrl, clientId: 'client', clientSecret: 'secret-1234' }),
    });
    const controller = new AbortController();
    transport.once('retry', () => controller.abort());
    const tokenRequestEnded = new Promise<TransportErrorEvent>((resolve) => {
      transport.on('error', (event) => {
        if (event.path === tokenUrl) resolve(event);
      });
    });

    await expect(
      transport.request({ method: 'GET', path: '/me', signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    const ended = await within(tokenRequestEnded, 10_000, undefined);
    expect(ended?.error.code).toBe('aborted');
    expect(tokenRequests).toBe(1);
  });

  it('keeps the shared token request going while another waiter still needs it', async () => {
    const token = await heldTokenEndpoint();
    const platform = await api();
    const transport = createHttpTransport({
      baseURL: platform.origin,
      auth: oauth2ClientCredentials({
        tokenUrl: token.tokenUrl,
        clientId: 'client',
        clientSecret: 'secret-1234',
      }),
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const first = transport.request({ method: 'GET', path: '/me', signal: leaving.signal });
    const second = transport.request({ method: 'GET', path: '/me', signal: staying.signal });
    await token.received;
    leaving.abort();
    await expect(first).rejects.toBeInstanceOf(AbortError);

    token.release();
    await expect(second).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(token.requests()).toBe(1);
    expect(platform.seen.map((r) => r.authorization)).toEqual(['Bearer tok-1']);
  });

  it('starts a fresh token request for the next caller once everyone gave up on the last one', async () => {
    const token = await heldTokenEndpoint();
    const platform = await api();
    const transport = createHttpTransport({
      baseURL: platform.origin,
      auth: oauth2ClientCredentials({
        tokenUrl: token.tokenUrl,
        clientId: 'client',
        clientSecret: 'secret-1234',
      }),
    });
    const controller = new AbortController();
    const abandoned = transport.request({ method: 'GET', path: '/me', signal: controller.signal });
    await token.received;
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(AbortError);

    const next = transport.request({ method: 'GET', path: '/me' });
    while (token.requests() < 2) await delay(5);
    token.release();
    await expect(next).resolves.toMatchObject({ status: 200 });
    expect(platform.seen).toHaveLength(1);
  });

  // Its own guards decide (starting tsx in a child can be slow on a busy machine), not the default test timeout.
  it('lets the process exit on its own soon after the abort (child process)', {
    timeout: 45_000,
  }, async () => {
    const token = await heldTokenEndpoint();
    const platform = await api();
    const fixture = fileURLToPath(new URL('./fixtures/abort-token-fetch.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@channelkit/source', fixture, token.tokenUrl, platform.origin],
      { cwd: fileURLToPath(new URL('../../../..', import.meta.url)), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await within(token.received, 15_000, undefined);
      child.stdin.write('abort\n');
      // The abandoned token request would keep the process alive for about 4 x 60 s; allow far less.
      const code = await within(exited, 15_000, 'still running');
      expect(code, output).toBe(0);
      expect(output.trim()).toBe('rejected AbortError');
      expect(token.requests()).toBe(1);
    } finally {
      child.kill();
    }
  });
});
